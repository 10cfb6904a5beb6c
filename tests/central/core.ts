import { businessDateOf } from '../../shared/dates';
import type { CentralContext } from './context';
import { createBranchStore } from './store/branches';
import { createClosingStore } from './store/closings';
import { createEnrolment } from './store/enrolment';
import { createLedgerIngest } from './store/ingest';
import { createParticipantQueries } from './store/participants';
import { createPeriodStore } from './store/periods';
import { createStandings } from './store/standings';
import { createClaimStore } from './store/claims';

// Every store of the central double over one database, built once per server.

export function createCentralCore(ctx: CentralContext) {
  const { db, now } = ctx;
  const branches = createBranchStore(db);
  const periods = createPeriodStore(db, now);
  periods.ensureDefaults();
  return {
    ctx,
    branches,
    periods,
    enrolment: createEnrolment(db, branches, now, { backupRecipient: ctx.backupRecipient }),
    ingest: createLedgerIngest(db, now),
    participants: createParticipantQueries(db),
    standings: createStandings(db),
    closings: createClosingStore(db, now),
    claims: createClaimStore(db, now),
    /** Today's date where the partnership is run from (Asia/Jakarta). */
    today: () => businessDateOf(now(), 'Asia/Jakarta'),
  };
}
export type CentralCore = ReturnType<typeof createCentralCore>;

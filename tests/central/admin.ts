import { hashEntry } from '../../electron/services/ledger/hash';
import type { LedgerEntryRow } from '../../shared/ledger/entry';
import type { BatchResult, Branch, Period } from '../../shared/protocol/central';
import {
  adminAlterSchema, adminBranchSchema, adminEnrolCodeSchema, adminPeriodsSchema, adminPlantSchema, adminSeedSchema,
} from './admin-schemas';
import type { CentralCore } from './core';
import type { ClaimStatus } from '../../shared/protocol/claims';
import { countRows, TABLES } from './db';
import { HttpError, validate } from './http';
import type { BranchInput } from './store/branches';
import type { EnrolCode, EnrolCodeInput } from './store/enrolment';
import type { BranchTarget } from './store/periods';
import { seedBranches, type SeedBranchesInput, type SeedBranchesResult } from './store/seed-branches';

// What tests and the demo may do to central that no counter can: the same operations back the
// in-process `admin` object and the /admin HTTP endpoints (X-Admin-Secret).

export type PlantInput = Omit<LedgerEntryRow, 'hash'> & { hash?: string };

export interface CentralAdmin {
  readonly secret: string;
  createBranch(input: BranchInput): Branch;
  createEnrolCode(input: EnrolCodeInput): EnrolCode;
  /** Stores an entry only at central (no ownership checks; hash computed when left out). */
  plantEntry(entry: PlantInput): BatchResult;
  /** Alters a stored entry's hash and/or amount; false when there is no such entry. */
  alterEntry(input: { id: string; hash?: string; amount?: number }): boolean;
  setPeriods(periods: Period[], branchTargets?: BranchTarget[]): Period[];
  seedBranches(input: SeedBranchesInput & { periodId?: string }): SeedBranchesResult;
  /** The stored row (ledger columns only), or null. */
  getEntry(id: string): LedgerEntryRow | null;
  /** Moves a claim to its next status (diterima → diverifikasi → dibayar, or ditolak with a reason). */
  setClaimStatus(input: { claimId: string; status: ClaimStatus; reason?: string }): { claimId: string; status: ClaimStatus };
  /** Claims stored, and files stored for one claim (exactly-once checks). */
  claimCount(): number;
  claimFileCount(claimId: string): number;
  /** Rows per table, to prove a request wrote nothing. */
  counts(): Record<(typeof TABLES)[number], number>;
}

export function createAdmin(core: CentralCore): CentralAdmin {
  const { db } = core.ctx;
  const alter = db.prepare('UPDATE entries SET hash = COALESCE(@hash, hash), amount = COALESCE(@amount, amount) WHERE id = @id');
  const getEntry = db.prepare<[string], LedgerEntryRow>(`SELECT id, counter_id, seq, kind, business_date, created_at,
    branch_code, user_id, participant_id, amount, breakdown, payment_method, receipt_no, ref_entry_id, payload,
    prev_hash, hash FROM entries WHERE id = ?`);

  return {
    secret: core.ctx.adminSecret,
    createBranch: (input) => core.branches.put(validate(adminBranchSchema, input)),
    createEnrolCode: (input) => core.enrolment.createCode(validate(adminEnrolCodeSchema, input)),
    plantEntry(input) {
      const { entry } = validate(adminPlantSchema, { entry: input });
      const row: LedgerEntryRow = { ...entry, hash: entry.hash ?? hashEntry(entry) };
      return core.ingest.ingest([row], null, true)[0];
    },
    alterEntry(input) {
      const v = validate(adminAlterSchema, input);
      return alter.run({ id: v.id, hash: v.hash ?? null, amount: v.amount ?? null }).changes > 0;
    },
    setPeriods(periods, branchTargets = []) {
      const v = validate(adminPeriodsSchema, { periods, branchTargets });
      core.periods.replace(v.periods, v.branchTargets ?? []);
      return core.periods.list();
    },
    seedBranches(input) {
      const v = validate(adminSeedSchema, input);
      const period = v.periodId ? core.periods.get(v.periodId) : (core.periods.current() ?? core.periods.list().at(-1) ?? null);
      if (!period) throw new HttpError('NOT_FOUND', { periodId: v.periodId ?? null });
      return seedBranches({ branches: core.branches, ingest: core.ingest, period, today: core.today() }, v);
    },
    getEntry: (id) => getEntry.get(id) ?? null,
    counts: () => countRows(db),
    setClaimStatus: (input) => core.claims.setStatus(input),
    claimCount: () => core.claims.count(),
    claimFileCount: (claimId) => core.claims.fileCount(claimId),
  };
}

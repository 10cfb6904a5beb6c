import type { Db } from '../db/open';
import type { CentralClient } from '../central/client';
import type { SyncWorker } from '../sync/sync-worker';
import { DAY_SUMMARY_MAX_LIMIT, type DaySummaryEntry } from '../../../shared/protocol/central';
import type { Reconciliation } from '../../../shared/contract/closing';
import { compareDay, type LocalEntry } from './compare';

// Reconciliation with the central server (DESIGN.md §4 step 2): push what waits, fetch the
// day summary page by page, compare entry by entry. Entries only here go back into the outbox,
// are pushed again and the day is compared once more. Offline is not an error: the result is
// 'unreconciled' and the closing may go on.

export interface ReconcileDeps {
  db: Db;
  central: Pick<CentralClient, 'call'>;
  sync: Pick<SyncWorker, 'sendNow'>;
  clock: () => Date;
  enrolled: () => boolean;
}

/** Every page of central's day summary for one counter and date. */
export async function fetchDaySummary(central: Pick<CentralClient, 'call'>, counterId: string, businessDate: string): Promise<DaySummaryEntry[]> {
  const out: DaySummaryEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const query: Record<string, string> = { counterId, businessDate, limit: String(DAY_SUMMARY_MAX_LIMIT) };
    if (cursor) query.cursor = cursor;
    const res = await central.call('daySummary', { query });
    out.push(...res.entries);
    cursor = res.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('day summary did not end');
}

export function createReconciler(deps: ReconcileDeps) {
  const { db } = deps;
  const localStmt = db.prepare(`SELECT id, seq, kind, amount, hash, breakdown, ref_entry_id FROM ledger_entries
    WHERE counter_id = ? AND business_date = ? AND kind <> 'CLOSING' ORDER BY seq`);
  const refsStmt = db.prepare(`SELECT r.id, r.seq, r.kind, r.amount, r.hash, r.breakdown, r.ref_entry_id
    FROM ledger_entries v JOIN ledger_entries r ON r.id = v.ref_entry_id
    WHERE v.counter_id = ? AND v.business_date = ? AND v.kind = 'VOID' AND r.business_date <> v.business_date`);
  const requeue = db.prepare("INSERT INTO outbox (entry_id, seq, enqueued_at) VALUES (?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET state = 'pending'");

  const localOf = (counterId: string, date: string) => localStmt.all(counterId, date) as LocalEntry[];

  function unreconciled(date: string, reasonKey: string, local: LocalEntry[], referenced: LocalEntry[]): Reconciliation {
    const base = compareDay(local, [], { referenced });
    // Nothing was compared: rows stay 'onlyLocal' in the table but the verdict is unreconciled.
    return { businessDate: date, status: 'unreconciled', at: deps.clock().toISOString(), reasonKey, ...base };
  }

  async function reconcile(counterId: string, date: string): Promise<Reconciliation> {
    let local = localOf(counterId, date);
    const referenced = refsStmt.all(counterId, date) as LocalEntry[];
    if (!deps.enrolled()) return unreconciled(date, 'closing.recon.notEnrolled', local, referenced);
    await deps.sync.sendNow().catch(() => undefined);
    let central: DaySummaryEntry[];
    try {
      central = await fetchDaySummary(deps.central, counterId, date);
    } catch {
      return unreconciled(date, 'closing.recon.offline', local, referenced);
    }
    let result = compareDay(local, central, { referenced });
    const missing = result.rows.filter((r) => r.status === 'onlyLocal').map((r) => r.id);
    const pushedAgain = new Set(missing);
    if (missing.length > 0) {
      const at = deps.clock().toISOString();
      const seqOf = new Map(local.map((l) => [l.id, l.seq]));
      db.transaction(() => { for (const id of missing) requeue.run(id, seqOf.get(id)!, at); })();
      await deps.sync.sendNow().catch(() => undefined);
      try {
        central = await fetchDaySummary(deps.central, counterId, date);
      } catch {
        return unreconciled(date, 'closing.recon.offline', local, referenced);
      }
      local = localOf(counterId, date);
      result = compareDay(local, central, { referenced, pushedAgain });
    }
    const flagged = result.counts.onlyLocal + result.counts.onlyCentral + result.counts.different;
    return {
      businessDate: date, status: flagged === 0 ? 'reconciled' : 'differences', at: deps.clock().toISOString(),
      reasonKey: flagged === 0 ? null : 'closing.recon.flagged', ...result,
    };
  }

  return { reconcile, localOf };
}
export type Reconciler = ReturnType<typeof createReconciler>;

import type { Db } from '../db/open';
import { GENESIS_HASH, type LedgerEntryRow } from '../../../shared/ledger/entry';
import { hashEntry } from './hash';

export interface VerifyProblem { seq: number; id: string; reason: 'seq-gap' | 'prev-hash' | 'hash' }
export interface VerifyResult { ok: boolean; checked: number; total: number; firstBad: VerifyProblem | null }
export interface VerifyProgress { checked: number; total: number }

/**
 * Walks one counter's chain in seq order and names the first entry that does not fit:
 * a gap in seq, a prev_hash that is not the previous hash, or a hash that is not the
 * SHA-256 of the entry's canonical JSON. Runs in chunks so the process stays responsive.
 */
export async function verifyChain(
  db: Db,
  counterId: string,
  opts: { chunkSize?: number; onProgress?: (p: VerifyProgress) => void; signal?: AbortSignal } = {},
): Promise<VerifyResult> {
  const chunkSize = opts.chunkSize ?? 5000;
  const total = (db.prepare('SELECT COUNT(*) AS n FROM ledger_entries WHERE counter_id = ?').get(counterId) as { n: number }).n;
  const page = db.prepare('SELECT * FROM ledger_entries WHERE counter_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    if (opts.signal?.aborted) break;
    const rows = page.all(counterId, expectedSeq - 1, chunkSize) as LedgerEntryRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const problem = checkRow(row, expectedSeq, prevHash);
      if (problem) return { ok: false, checked, total, firstBad: problem };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    opts.onProgress?.({ checked, total });
    await new Promise((r) => setImmediate(r));
  }
  return { ok: checked === total, checked, total, firstBad: null };
}

export function checkRow(row: LedgerEntryRow, expectedSeq: number, prevHash: string): VerifyProblem | null {
  if (row.seq !== expectedSeq) return { seq: row.seq, id: row.id, reason: 'seq-gap' };
  if (row.prev_hash !== prevHash) return { seq: row.seq, id: row.id, reason: 'prev-hash' };
  if (hashEntry(row) !== row.hash) return { seq: row.seq, id: row.id, reason: 'hash' };
  return null;
}

/** Every counter that has entries in this file (normally one). */
export function countersIn(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT counter_id FROM ledger_entries').all() as { counter_id: string }[]).map((r) => r.counter_id);
}

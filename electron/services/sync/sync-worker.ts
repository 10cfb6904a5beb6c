import type { Db } from '../db/open';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { BatchResult } from '../../../shared/protocol/central';
import { CentralError, type CentralClient } from '../central/client';

export interface SyncStatus {
  online: boolean;
  waiting: number;
  rejected: number;
  lastSyncAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
}

export interface DrainResult { sent: number; accepted: number; duplicate: number; rejected: number; failed: boolean }

export interface SyncOptions {
  db: Db;
  client: CentralClient;
  clock?: () => Date;
  batchSize?: number;
  /** Called inside the acknowledging transaction, e.g. to store a KPJ number. */
  onAck?: (entry: LedgerEntryRow, result: BatchResult) => void;
  log?: (event: string, detail: Record<string, unknown>) => void;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  idlePollMs?: number;
  /** Whether the counter is enrolled (no point in pushing otherwise). */
  enabled?: () => boolean;
}

/**
 * Drains the outbox to the central server in seq order, in batches. An outbox row leaves
 * only when the server has acknowledged its entry (accepted, or duplicate = it already had
 * it), in the same transaction that records the acknowledgement. Failures back off
 * exponentially with jitter; nothing here ever waits on the teller's path.
 */
export function createSyncWorker(opts: SyncOptions) {
  const { db, client } = opts;
  const clock = opts.clock ?? (() => new Date());
  const random = opts.random ?? Math.random;
  const batchSize = opts.batchSize ?? 500;
  const baseDelay = opts.baseDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  const idlePoll = opts.idlePollMs ?? 15_000;
  const enabled = opts.enabled ?? (() => true);

  const pendingStmt = db.prepare(`SELECT e.* FROM outbox o JOIN ledger_entries e ON e.id = o.entry_id
    WHERE o.state = 'pending' ORDER BY o.seq LIMIT ?`);
  const countStmt = db.prepare("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state");
  const ackStmt = db.prepare('INSERT OR REPLACE INTO sync_acks (entry_id, status, acked_at, kpj) VALUES (?, ?, ?, ?)');
  const dropStmt = db.prepare('DELETE FROM outbox WHERE entry_id = ?');
  const rejectStmt = db.prepare("UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE entry_id = ?");
  const attemptStmt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE entry_id = ?');

  let online = false;
  let lastSyncAt: string | null = null;
  let lastError: string | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let nextAttemptAt: number | null = null;
  let running: Promise<DrainResult> | null = null;
  let stopped = true;

  function counts() {
    const out = { pending: 0, rejected: 0 };
    for (const r of countStmt.all() as { state: 'pending' | 'rejected'; n: number }[]) out[r.state] = r.n;
    return out;
  }

  function applyResults(batch: LedgerEntryRow[], results: BatchResult[]): Omit<DrainResult, 'failed' | 'sent'> {
    const byId = new Map(batch.map((e) => [e.id, e]));
    const tally = { accepted: 0, duplicate: 0, rejected: 0 };
    const at = clock().toISOString();
    db.transaction(() => {
      const answered = new Set<string>();
      for (const r of results) {
        const entry = byId.get(r.id);
        if (!entry || answered.has(r.id)) continue;
        answered.add(r.id);
        if (r.status === 'rejected') {
          rejectStmt.run(at, `${r.reason ?? 'REJECTED'}: ${r.message ?? ''}`.trim(), r.id);
          tally.rejected++;
          continue;
        }
        ackStmt.run(r.id, r.status, at, r.kpj ?? null);
        dropStmt.run(r.id);
        opts.onAck?.(entry, r);
        tally[r.status]++;
      }
      for (const e of batch) if (!answered.has(e.id)) attemptStmt.run(at, 'no answer for this entry', e.id);
    })();
    return tally;
  }

  async function drain(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, failed: false };
    while (enabled()) {
      const batch = pendingStmt.all(batchSize) as LedgerEntryRow[];
      if (batch.length === 0) {
        if (total.sent === 0) await ping();
        break;
      }
      try {
        const res = await client.call('batch', { body: { entries: batch } });
        const t = applyResults(batch, res.results);
        total.sent += batch.length;
        total.accepted += t.accepted;
        total.duplicate += t.duplicate;
        total.rejected += t.rejected;
        online = true;
        failures = 0;
        lastError = null;
        lastSyncAt = clock().toISOString();
      } catch (e) {
        online = !(e instanceof CentralError) ? false : e.status < 500;
        failures++;
        lastError = e instanceof Error ? e.message : String(e);
        opts.log?.('sync.failed', { error: lastError, failures });
        total.failed = true;
        break;
      }
    }
    return total;
  }

  async function ping(): Promise<void> {
    try {
      await client.call('health');
      online = true;
    } catch (e) {
      online = false;
      lastError = e instanceof Error ? e.message : String(e);
    }
  }

  function backoffMs(): number {
    const exp = Math.min(maxDelay, baseDelay * 2 ** Math.min(failures - 1, 16));
    return Math.round(exp * (0.5 + random() * 0.5)); // jitter: counters that fail together retry apart
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    nextAttemptAt = clock().getTime() + ms;
    timer = setTimeout(() => { void runOnce(); }, ms);
    timer.unref?.();
  }

  async function runOnce(): Promise<DrainResult> {
    if (running) return running;
    running = (async () => {
      try {
        const r = await drain();
        return r;
      } finally {
        running = null;
        schedule(failures > 0 ? backoffMs() : idlePoll);
      }
    })();
    return running;
  }

  return {
    start(): void { stopped = false; schedule(0); },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running.catch(() => undefined);
    },
    /** "Kirim sekarang": drain now, ignoring the back-off. */
    async sendNow(): Promise<DrainResult> {
      if (running) await running.catch(() => undefined);
      failures = 0;
      return runOnce();
    },
    /** A new entry was written: push soon, unless we are backing off. */
    notify(): void {
      if (!stopped && !running && failures === 0) schedule(50);
    },
    status(): SyncStatus {
      const c = counts();
      return {
        online, waiting: c.pending, rejected: c.rejected, lastSyncAt, lastError,
        nextAttemptAt: nextAttemptAt ? new Date(nextAttemptAt).toISOString() : null,
      };
    },
    /** For tests and benchmarks: drain until empty or a failure, without scheduling. */
    drainOnce: drain,
  };
}
export type SyncWorker = ReturnType<typeof createSyncWorker>;

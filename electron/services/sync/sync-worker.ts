import type { Db } from '../db/open';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { BatchResult } from '../../../shared/protocol/central';
import { CentralError, wireBody, type CentralClient, type WireBody } from '../central/client';
import { createBatchSizer, type LinkQuality } from './batch-sizer';

export interface SyncStatus {
  online: boolean;
  waiting: number;
  rejected: number;
  lastSyncAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** A drain under way: entries sent so far of those waiting when it began ("mengirim 120 dari 480"). */
  sending: { sent: number; total: number } | null;
  /** The link as the last batch found it. */
  link: LinkQuality;
}

/** What an acknowledgement hook learns of the entry. */
export type AckedEntry = Pick<LedgerEntryRow, 'id' | 'kind' | 'participant_id'>;
/** A v2 payload's commitment as it appears inside the row's JSON text (the payload is a JSON string in it). */
const COMMITMENT_IN_PAYLOAD = /\\"commitment\\":\\"[0-9a-f]{64}\\"/;

type Waiting = AckedEntry & { seq: number; json: string; prev_hash: string; hash: string; personal: string | null };

export interface DrainResult { sent: number; accepted: number; duplicate: number; rejected: number; failed: boolean }

export interface SyncOptions {
  db: Db;
  client: CentralClient;
  clock?: () => Date;
  /** The largest batch (entries); batches start smaller and grow with the link. */
  batchSize?: number;
  /** The first batch's size (default 50, or batchSize if smaller). */
  firstBatchSize?: number;
  /** Called inside the acknowledging transaction, e.g. to store a KPJ number. */
  onAck?: (entry: AckedEntry, result: BatchResult) => void;
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
  const sizer = createBatchSizer({ max: batchSize, start: Math.min(batchSize, opts.firstBatchSize ?? 50), min: Math.min(10, batchSize) });
  let sending: SyncStatus['sending'] = null;
  const baseDelay = opts.baseDelayMs ?? 1000;
  const maxDelay = opts.maxDelayMs ?? 60_000;
  const idlePoll = opts.idlePollMs ?? 15_000;
  const enabled = opts.enabled ?? (() => true);

  // SQLite writes each waiting entry as JSON (json_object over every column of the table, read
  // from the schema, so the row sent is always the whole row its hash covers): a drain of
  // thousands of entries builds no JS object per entry and stringifies nothing.
  const columns = db.prepare("SELECT name FROM pragma_table_info('ledger_entries') ORDER BY cid").pluck().all() as string[];
  // The chain's hashes stay home (issue 17): central derives them from the rows and the first
  // entry's prev_hash, and checks the last against the batch's lastHash.
  const rowJson = `json_object(${columns.filter((c) => c !== 'hash' && c !== 'prev_hash').map((c) => `'${c}', e."${c}"`).join(', ')})`;
  // Read by position (after the last seq taken), so the next batch can be read while the
  // previous one still waits for its acknowledgement.
  // An entry that commits to personal data (issue 16) takes that data along, beside it in the
  // same batch; once erased there is nothing to take.
  const pendingStmt = db.prepare(`SELECT e.id, e.seq, e.kind, e.participant_id, e.prev_hash, e.hash, ${rowJson} AS json,
      CASE WHEN pd.salt IS NOT NULL THEN json_object('entryId', pd.entry_id, 'salt', pd.salt, 'data', json(pd.data)) END AS personal
    FROM outbox o JOIN ledger_entries e ON e.id = o.entry_id LEFT JOIN personal_data pd ON pd.entry_id = e.id
    WHERE o.state = 'pending' AND o.seq > ? ORDER BY o.seq LIMIT ?`);
  const countStmt = db.prepare("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state");
  // A batch's acknowledgements are written by two statements over the answer as JSON rather
  // than two per entry: a drain of thousands of entries spends its time on the disk, not on calls.
  const ackAll = db.prepare(`INSERT OR REPLACE INTO sync_acks (entry_id, status, acked_at, kpj)
    SELECT value ->> 0, value ->> 1, ?, value ->> 2 FROM json_each(?)`);
  const dropAll = db.prepare('DELETE FROM outbox WHERE entry_id IN (SELECT value ->> 0 FROM json_each(?))');
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

  /**
   * Runs `write` as one transaction that is atomic but not fsynced on its own (WAL,
   * synchronous NORMAL): the next durable commit carries it to disk. Only acknowledgements are
   * written so. If power fails first, the transaction is gone as a whole, its entries are still
   * in the outbox, and they are sent again; central answers `duplicate` (with the KPJ number),
   * so nothing is lost or counted twice, and a drain does not wait for one disk flush per batch.
   */
  function withoutFsync(write: () => void): void {
    const before = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      db.transaction(write)();
    } finally {
      db.pragma(`synchronous = ${before}`);
    }
  }

  function applyResults(batch: Waiting[], results: BatchResult[]): Omit<DrainResult, 'failed' | 'sent'> {
    const byId = new Map(batch.map((e) => [e.id, e]));
    const tally = { accepted: 0, duplicate: 0, rejected: 0 };
    const at = clock().toISOString();
    withoutFsync(() => {
      const answered = new Set<string>();
      const acked: [string, BatchResult['status'], string | null][] = [];
      const hooks: [AckedEntry, BatchResult][] = [];
      for (const r of results) {
        const entry = byId.get(r.id);
        if (!entry || answered.has(r.id)) continue;
        answered.add(r.id);
        if (r.status === 'rejected') {
          rejectStmt.run(at, `${r.reason ?? 'REJECTED'}: ${r.message ?? ''}`.trim(), r.id);
          tally.rejected++;
          continue;
        }
        acked.push([r.id, r.status, r.kpj ?? null]);
        hooks.push([entry, r]);
        tally[r.status]++;
      }
      if (acked.length > 0) {
        const json = JSON.stringify(acked);
        ackAll.run(at, json);
        dropAll.run(json);
      }
      for (const [entry, r] of hooks) opts.onAck?.(entry, r); // after the acknowledgement is recorded
      for (const e of batch) if (!answered.has(e.id)) attemptStmt.run(at, 'no answer for this entry', e.id);
    });
    return tally;
  }

  /**
   * The next batch after `seq`, with its request body already written, and being packed for the
   * wire (compressed off the main thread) while the batch before it is at central.
   */
  function readAfter(seq: number): { rows: Waiting[]; body: string; wire: Promise<WireBody> | null } {
    const rows = pendingStmt.all(seq, sizer.size()) as Waiting[];
    // A derived chain has no gap: the batch ends where the next entry does not follow the last
    // (one already acknowledged, or rejected, lies between); the rest goes in the next batch.
    let n = 1;
    while (n < rows.length && rows[n].prev_hash === rows[n - 1].hash) n++;
    if (n < rows.length) rows.length = n;
    if (rows.length === 0) return { rows, body: '', wire: null };
    const personal = rows.filter((e) => e.personal !== null).map((e) => e.personal).join(',');
    // An entry sent with its personal data leaves its commitment empty: central computes it from
    // the record (HMAC of the data under the salt), as it computes the hashes; the chain's lastHash
    // answers for it. 64 random hex digits per registration are a third of what it adds on the wire.
    for (const e of rows) if (e.personal !== null) e.json = e.json.replace(COMMITMENT_IN_PAYLOAD, '\\"commitment\\":\\"\\"');
    const body = `{"chain":"derived","prevHash":"${rows[0].prev_hash}","lastHash":"${rows[rows.length - 1].hash}","entries":[${rows.map((e) => e.json).join(',')}]${personal ? `,"personal":[${personal}]` : ''}}`;
    const wire = wireBody(body);
    wire.catch(() => undefined); // awaited when the batch is sent; a drain that stops first must not leave it unhandled
    return { rows, body, wire };
  }

  /**
   * Sends batch after batch, in seq order: a batch goes out only once central has answered the
   * one before it, so central always receives the entries in order. The counter's own work is
   * done while central works on the batch in flight: recording the previous batch's
   * acknowledgements and reading the next batch. On a slow link, or with central on another
   * machine, a drain then costs central's time and the round trips, not the counter's disk too.
   * An entry is sent at most once per drain: one central did not answer waits for the next drain.
   */
  async function drain(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, accepted: 0, duplicate: 0, rejected: 0, failed: false };
    let answered: { batch: Waiting[]; results: BatchResult[] } | null = null;
    const record = () => {
      if (!answered) return;
      const t = applyResults(answered.batch, answered.results);
      answered = null;
      total.accepted += t.accepted;
      total.duplicate += t.duplicate;
      total.rejected += t.rejected;
    };
    let batch = enabled() ? readAfter(0) : { rows: [], body: '', wire: null };
    if (batch.rows.length === 0 && enabled()) await ping();
    sending = batch.rows.length > 0 ? { sent: 0, total: counts().pending } : null;
    try {
      while (batch.rows.length > 0 && enabled()) {
        const sent = { bytes: 0 };
        // The request leaves before the disk work (which would hold it back): its body was packed
        // while the batch before was at central, and the disk work waits until it is written out.
        const bodyWire = batch.wire ? await batch.wire : undefined;
        const startedAt = performance.now(); // the link's time, from here: the packing was not the link's
        let bodyOut: () => void = () => undefined;
        const written = new Promise<void>((resolve) => { bodyOut = resolve; });
        const inFlight = client.call('batch', { bodyJson: batch.body, bodyWire, timeoutFor: sizer.timeoutFor, sent, onSent: () => bodyOut() });
        inFlight.catch(() => undefined); // awaited below; a local failure first must not leave it unhandled
        await written;
        record();
        const next = readAfter(batch.rows[batch.rows.length - 1].seq);
        const res = await inFlight;
        sizer.answered(batch.rows.length, sent.bytes, performance.now() - startedAt);
        answered = { batch: batch.rows, results: res.results };
        total.sent += batch.rows.length;
        sending = { sent: total.sent, total: Math.max(sending?.total ?? 0, total.sent) };
        online = true;
        failures = 0;
        lastError = null;
        lastSyncAt = clock().toISOString();
        batch = next;
      }
      record();
    } catch (e) {
      sizer.failed(); // a timeout or a cut: the next batch is smaller
      online = !(e instanceof CentralError) ? false : e.status < 500;
      failures++;
      lastError = e instanceof Error ? e.message : String(e);
      opts.log?.('sync.failed', { error: lastError, failures });
      total.failed = true;
      try { record(); } catch { /* kept in the outbox: sent again, answered duplicate */ }
    }
    sending = null;
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
        sending, link: sizer.quality(),
      };
    },
    /** For tests and benchmarks: drain until empty or a failure, without scheduling. */
    drainOnce: drain,
  };
}
export type SyncWorker = ReturnType<typeof createSyncWorker>;

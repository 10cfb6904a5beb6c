import type Database from 'better-sqlite3';
import { newUlid as ulid } from '../ids';
import { AppError } from '../../../shared/errors';
import { markAsCopy, ReceiptDocSchema, type ReceiptDoc } from '../../../shared/receipts/layout';
import { isPrinterError } from './errors';

// Receipts go through this queue. The caller writes the money first (and may enqueue inside
// that same transaction: enqueue is synchronous and never throws for a bad document); it
// prints after the commit. A printer that is down leaves the job queued with its error; the
// job prints later with retryPending, and a reprint is a new job marked SALINAN.

export type PrintJobStatus = 'queued' | 'printed' | 'failed';

export interface PrintJob {
  id: string;
  createdAt: string;
  kind: string;
  refId: string;
  doc: ReceiptDoc;
  copy: boolean;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  printedAt: string | null;
}

export interface PrintFailure { code: string; key: string; message: string }
export type PrintOutcome = { ok: true; job: PrintJob } | { ok: false; job: PrintJob | null; error: PrintFailure };

export interface PrintQueueDeps {
  send(bytes: Buffer): Promise<void>;
  /** `job`: what is printed (kind, copy, attempts before this one), e.g. to kick the drawer once. */
  render(doc: ReceiptDoc, cpl: number, job: { kind: string; copy: boolean; attempts: number }): Buffer;
  /** Characters per line; a function so a settings change applies to the next job. */
  cpl?: number | (() => number);
  /** The copy mark's text (`SALINAN`). */
  copyLabel?: string | (() => string);
  clock?: () => Date;
}

export interface RetrySummary { printed: number; failed: number; remaining: number }

export interface PrintQueue {
  enqueue(kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): PrintJob;
  printNow(jobId: string): Promise<PrintOutcome>;
  /** A new job for the latest receipt of `refId`, printed with the SALINAN mark. */
  reprint(refId: string): PrintJob;
  get(jobId: string): PrintJob | null;
  jobsFor(refId: string): PrintJob[];
  pending(): PrintJob[];
  /** Prints queued jobs oldest first; stops at the first sign the printer is down. */
  retryPending(): Promise<RetrySummary>;
}

interface Row {
  id: string; created_at: string; kind: string; ref_id: string; doc_json: string; copy: number;
  status: PrintJobStatus; attempts: number; last_error: string | null; printed_at: string | null;
}

/** Errors that say the printer is down (retrying the next job now would only wait again). */
const PRINTER_DOWN = new Set(['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_NOT_CONFIGURED', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN']);

function toJob(r: Row): PrintJob {
  const parsed = ReceiptDocSchema.safeParse(safeJson(r.doc_json));
  return {
    id: r.id, createdAt: r.created_at, kind: r.kind, refId: r.ref_id,
    doc: parsed.success ? parsed.data : { blocks: [] },
    copy: r.copy === 1, status: r.status, attempts: r.attempts, lastError: r.last_error, printedAt: r.printed_at,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createPrintQueue(db: Database.Database, deps: PrintQueueDeps): PrintQueue {
  const clock = deps.clock ?? (() => new Date());
  const cpl = (): number => (typeof deps.cpl === 'function' ? deps.cpl() : deps.cpl ?? 48);
  const copyLabel = (): string => (typeof deps.copyLabel === 'function' ? deps.copyLabel() : deps.copyLabel ?? 'SALINAN');
  const q = {
    insert: db.prepare(`INSERT INTO print_jobs (id, created_at, kind, ref_id, doc_json, copy, status, attempts, last_error)
      VALUES (@id, @created_at, @kind, @ref_id, @doc_json, @copy, @status, 0, @last_error)`),
    get: db.prepare('SELECT * FROM print_jobs WHERE id = ?'),
    forRef: db.prepare('SELECT * FROM print_jobs WHERE ref_id = ? ORDER BY created_at, rowid'),
    latestForRef: db.prepare('SELECT * FROM print_jobs WHERE ref_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
    pending: db.prepare("SELECT * FROM print_jobs WHERE status = 'queued' ORDER BY created_at, rowid"),
    attempt: db.prepare('UPDATE print_jobs SET attempts = attempts + 1 WHERE id = ?'),
    printed: db.prepare("UPDATE print_jobs SET status = 'printed', printed_at = ?, last_error = NULL WHERE id = ?"),
    error: db.prepare('UPDATE print_jobs SET last_error = ? WHERE id = ?'),
    failed: db.prepare("UPDATE print_jobs SET status = 'failed', last_error = ? WHERE id = ?"),
  };
  const inFlight = new Map<string, Promise<PrintOutcome>>();

  const get = (id: string): PrintJob | null => {
    const row = q.get.get(id) as Row | undefined;
    return row ? toJob(row) : null;
  };

  function enqueue(kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): PrintJob {
    const id = ulid();
    const valid = ReceiptDocSchema.safeParse(doc);
    const row: Omit<Row, 'attempts' | 'printed_at'> = {
      id, created_at: clock().toISOString(), kind, ref_id: refId,
      doc_json: JSON.stringify(doc), copy: options?.copy ? 1 : 0,
      // A document that does not fit the layout model can never print: keep it, marked failed.
      status: valid.success ? 'queued' : 'failed',
      last_error: valid.success ? null : `INVALID_DOC: ${valid.error.issues[0]?.message ?? 'invalid'}`,
    };
    q.insert.run(row);
    // The job as get() would read it back, without reading and parsing the document again.
    return {
      id, createdAt: row.created_at, kind, refId, doc: valid.success ? valid.data : { blocks: [] },
      copy: row.copy === 1, status: row.status, attempts: 0, lastError: row.last_error, printedAt: null,
    };
  }

  async function attempt(jobId: string): Promise<PrintOutcome> {
    const row = q.get.get(jobId) as Row | undefined;
    if (!row) return { ok: false, job: null, error: { code: 'NOT_FOUND', key: 'printing.err.jobNotFound', message: `no print job ${jobId}` } };
    if (row.status === 'printed') return { ok: true, job: toJob(row) };
    const parsed = ReceiptDocSchema.safeParse(safeJson(row.doc_json));
    let bytes: Buffer;
    try {
      if (!parsed.success) throw new Error(`stored document is not a receipt: ${parsed.error.issues[0]?.message}`);
      const doc = row.copy === 1 ? markAsCopy(parsed.data, copyLabel()) : parsed.data;
      bytes = deps.render(doc, cpl(), { kind: row.kind, copy: row.copy === 1, attempts: row.attempts });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      q.failed.run(`PRINTER_RENDER: ${message}`, jobId);
      return { ok: false, job: get(jobId), error: { code: 'PRINTER_RENDER', key: 'printing.err.render', message } };
    }
    q.attempt.run(jobId);
    try {
      await deps.send(bytes);
      q.printed.run(clock().toISOString(), jobId);
      return { ok: true, job: get(jobId)! };
    } catch (e) {
      const failure: PrintFailure = isPrinterError(e)
        ? { code: e.code, key: e.key, message: e.message }
        : { code: 'PRINTER_IO', key: 'printing.err.io', message: e instanceof Error ? e.message : String(e) };
      q.error.run(failure.message.startsWith(failure.code) ? failure.message : `${failure.code}: ${failure.message}`, jobId);
      return { ok: false, job: get(jobId), error: failure };
    }
  }

  function printNow(jobId: string): Promise<PrintOutcome> {
    // One attempt per job at a time: a retry sweep and a teller's button must not print it twice.
    const running = inFlight.get(jobId);
    if (running) return running;
    const p = attempt(jobId)
      .catch((e): PrintOutcome => ({ ok: false, job: get(jobId), error: { code: 'INTERNAL', key: 'printing.err.io', message: String(e) } }))
      .finally(() => inFlight.delete(jobId));
    inFlight.set(jobId, p);
    return p;
  }

  function reprint(refId: string): PrintJob {
    const latest = q.latestForRef.get(refId) as Row | undefined;
    if (!latest) throw new AppError('NOT_FOUND', 'printing.err.jobNotFound', { refId });
    return enqueue(latest.kind, refId, toJob(latest).doc, { copy: true });
  }

  async function retryPending(): Promise<RetrySummary> {
    let printed = 0;
    let failed = 0;
    for (const job of (q.pending.all() as Row[]).map(toJob)) {
      const outcome = await printNow(job.id);
      if (outcome.ok) printed++;
      else {
        failed++;
        if (PRINTER_DOWN.has(outcome.error.code)) break;
      }
    }
    return { printed, failed, remaining: (q.pending.all() as Row[]).length };
  }

  return {
    enqueue,
    printNow,
    reprint,
    get,
    jobsFor: (refId) => (q.forRef.all(refId) as Row[]).map(toJob),
    pending: () => (q.pending.all() as Row[]).map(toJob),
    retryPending,
  };
}

import type { Db } from '../db/open';
import type { PrinterSettings } from '../../../shared/settings';
import { PAPER_CPL, type ReceiptDoc } from '../../../shared/receipts/layout';
import { createConnection, type ConnectionOptions } from './connection';
import { renderEscPos } from './escpos';
import { createPrintQueue, type PrintJob, type PrintOutcome, type RetrySummary } from './print-queue';

// The counter's one printing service (wired once in services.ts): the printer from the
// settings, the print queue over SQLite, and the printer light of the shell. Every service that
// prints (payment, registration, closing) enqueues here inside its own transaction and calls
// printNow after the commit, so a printer that is down never loses or blocks a transaction.

export type PrinterLight = 'ready' | 'offline' | 'none' | 'unknown';

export interface PrintingServiceDeps {
  db: Db;
  printer: () => PrinterSettings;
  clock?: () => Date;
  connection?: ConnectionOptions;
  /** How long a printer light stays fresh before status() probes again (real time, ms). */
  probeEveryMs?: number;
}

/** Characters per line: the configured width, never wider than the paper allows. */
export function cplOf(p: PrinterSettings): number {
  return Math.min(p.charsPerLine, PAPER_CPL[String(p.paperWidth) as '58' | '80']);
}

const PRINTER_FAULTS = new Set(['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_IO', 'PRINTER_NOT_CONFIGURED']);

export function createPrintingService(deps: PrintingServiceDeps) {
  const { db } = deps;
  const probeEveryMs = deps.probeEveryMs ?? 5000;
  let light: Exclude<PrinterLight, 'none'> = 'unknown';
  let lastCheck = 0;
  let probing: Promise<PrinterLight> | null = null;

  const queue = createPrintQueue(db, {
    send: (bytes) => createConnection(deps.printer(), deps.connection).send(bytes),
    render: (doc, cpl) => renderEscPos(doc, { cpl }),
    cpl: () => cplOf(deps.printer()),
    copyLabel: 'SALINAN',
    clock: deps.clock,
  });
  // A reprint replaces a receipt that never came out: without this the queued original would
  // print as well once the printer is back, and the worker would get two slips.
  const supersede = db.prepare(
    "UPDATE print_jobs SET status = 'failed', last_error = 'SUPERSEDED: reprinted as a copy' WHERE ref_id = ? AND status = 'queued'",
  );

  const note = (outcome: PrintOutcome): PrintOutcome => {
    lastCheck = Date.now();
    if (outcome.ok) light = 'ready';
    else if (PRINTER_FAULTS.has(outcome.error.code)) light = 'offline';
    return outcome;
  };

  async function printNow(jobId: string): Promise<PrintOutcome> {
    return note(await queue.printNow(jobId));
  }

  function refreshStatus(): Promise<PrinterLight> {
    const settings = deps.printer();
    if (settings.kind === 'none') return Promise.resolve('none');
    probing ??= createConnection(settings, deps.connection).probe()
      .then((s) => {
        light = s;
        lastCheck = Date.now();
        return s as PrinterLight;
      })
      .finally(() => { probing = null; });
    return probing;
  }

  return {
    queue,
    cpl: () => cplOf(deps.printer()),
    /** Synchronous: call it inside the transaction that writes the money. */
    enqueue(kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): PrintJob {
      return queue.enqueue(kind, refId, doc, options);
    },
    printNow,
    /**
     * Prints `refId`'s receipt again, marked SALINAN. Its latest printed layout is used, or
     * `fallback` when it never went through the queue. A still-queued original is dropped.
     */
    async reprint(refId: string, fallback?: { kind: string; doc: ReceiptDoc }): Promise<PrintOutcome> {
      const latest = queue.jobsFor(refId).at(-1);
      if (!latest && !fallback) return { ok: false, job: null, error: { code: 'NOT_FOUND', key: 'printing.err.jobNotFound', message: `no receipt for ${refId}` } };
      const job = db.transaction(() => {
        supersede.run(refId);
        return latest ? queue.enqueue(latest.kind, refId, latest.doc, { copy: true }) : queue.enqueue(fallback!.kind, refId, fallback!.doc, { copy: true });
      })();
      return printNow(job.id);
    },
    async retryPending(): Promise<RetrySummary> {
      const summary = await queue.retryPending();
      if (summary.printed > 0) light = 'ready';
      if (summary.failed > 0 && summary.remaining > 0) light = 'offline';
      lastCheck = Date.now();
      return summary;
    },
    latestJob: (refId: string): PrintJob | null => queue.jobsFor(refId).at(-1) ?? null,
    pendingCount: (): number => queue.pending().length,
    refreshStatus,
    /** The shell's printer light: the last known state, refreshed in the background when stale. */
    status(): PrinterLight {
      if (deps.printer().kind === 'none') return 'none';
      if (Date.now() - lastCheck > probeEveryMs && !probing) void refreshStatus();
      return light;
    },
  };
}
export type PrintingService = ReturnType<typeof createPrintingService>;

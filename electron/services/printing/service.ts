import type { Db } from '../db/open';
import type { SettingsService } from '../settings';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import { receiptTranslator } from '../../../shared/receipts/translate';
import { createConnection } from './connection';
import { renderEscPos } from './escpos';
import { createPrintQueue, type PrintJob, type PrintOutcome, type RetrySummary } from './print-queue';

// The counter's printer as a service: the queue over `print_jobs`, sending to whatever
// settings.printer names at the moment of each job (a settings change applies to the next one).
// Callers write their transaction first, then `print` (enqueue + one attempt): a printer that
// is down leaves the job queued and never undoes what was saved. A caller may also `enqueue`
// inside its own transaction and `printNow` after the commit. `status()` is the shell's
// printer light: the last thing a job or a probe learnt, refreshed in the background.

export type PrinterLight = 'ready' | 'offline' | 'paperOut' | 'coverOpen' | 'none' | 'unknown';

/** Errors that mean the printer (not the document) is the problem. */
const PRINTER_FAULTS = new Set(['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_IO', 'PRINTER_NOT_CONFIGURED']);
/** Faults the printer itself reported (DLE EOT): the light says which. */
const CONDITIONS: Record<string, PrinterLight> = { PRINTER_PAPER_OUT: 'paperOut', PRINTER_COVER_OPEN: 'coverOpen' };
/** How long the light stays fresh before status() probes again (real time). */
const PROBE_EVERY_MS = 5000;

export function createPrintingService(deps: { db: Db; settings: SettingsService; clock: () => Date }) {
  const printer = () => deps.settings.get().printer;
  const queue = createPrintQueue(deps.db, {
    send: (bytes) => createConnection(printer()).send(bytes),
    // The drawer opens with a cash payment's receipt, on its first attempt only: a receipt that
    // prints later from the queue must not open the drawer when nobody is paying.
    render: (doc, cpl, job) => renderEscPos(doc, {
      cpl, charset: printer().codePage,
      openDrawer: printer().cashDrawer && job.kind === 'payment' && !job.copy && job.attempts === 0,
    }),
    cpl: () => printer().charsPerLine,
    copyLabel: () => receiptTranslator(deps.settings.get().language)('receipt.copy'),
    clock: deps.clock,
  });
  // A reprint replaces a receipt that never came out: without this the queued original would
  // also print once the printer is back, and the worker would get two slips.
  const supersede = deps.db.prepare(
    "UPDATE print_jobs SET status = 'failed', last_error = 'SUPERSEDED: reprinted as a copy' WHERE ref_id = ? AND status = 'queued'",
  );
  let light: Exclude<PrinterLight, 'none'> = 'unknown';
  let lastCheck = 0;
  let probing: Promise<PrinterLight> | null = null;

  const noted = (outcome: PrintOutcome): PrintOutcome => {
    lastCheck = Date.now();
    if (outcome.ok) light = 'ready';
    else if (CONDITIONS[outcome.error.code]) light = CONDITIONS[outcome.error.code] as Exclude<PrinterLight, 'none'>;
    else if (PRINTER_FAULTS.has(outcome.error.code)) light = 'offline';
    return outcome;
  };
  const printNow = async (jobId: string): Promise<PrintOutcome> => noted(await queue.printNow(jobId));

  let retrying: Promise<RetrySummary> | null = null;
  function retry(): Promise<RetrySummary> {
    retrying ??= queue.retryPending().then((summary) => {
      lastCheck = Date.now();
      if (summary.printed > 0) light = 'ready';
      if (summary.remaining > 0 && summary.failed > 0 && light === 'ready') light = 'offline';
      return summary;
    }).finally(() => { retrying = null; });
    return retrying;
  }

  function refreshStatus(): Promise<PrinterLight> {
    if (printer().kind === 'none') return Promise.resolve('none');
    probing ??= createConnection(printer(), { connectTimeoutMs: 1000 }).probe()
      .then((s): PrinterLight => {
        light = s;
        lastCheck = Date.now();
        // The printer is back (paper loaded, cable in): what waited in the queue prints now.
        if (s === 'ready' && queue.pending().length > 0) void retry().catch(() => undefined);
        return s;
      })
      .finally(() => { probing = null; });
    return probing;
  }

  return {
    queue,
    /** Queues the document and tries once; the outcome says whether it reached the printer. */
    async print(kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): Promise<PrintOutcome> {
      const job = queue.enqueue(kind, refId, doc, options);
      return printNow(job.id);
    },
    probe: () => createConnection(printer(), { connectTimeoutMs: 1000 }).probe(),
    /** Synchronous, never throws for a bad document: call it inside the transaction that writes the money. */
    enqueue: (kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): PrintJob => queue.enqueue(kind, refId, doc, options),
    printNow,
    /**
     * `refId`'s receipt again, marked SALINAN: its latest layout from the queue, or `fallback`
     * when it never went through the queue. A still-queued original is dropped.
     */
    async reprint(refId: string, fallback?: { kind: string; doc: ReceiptDoc }): Promise<PrintOutcome> {
      const latest = queue.jobsFor(refId).at(-1);
      const source = latest ? { kind: latest.kind, doc: latest.doc } : fallback;
      if (!source) return { ok: false, job: null, error: { code: 'NOT_FOUND', key: 'printing.err.jobNotFound', message: `no receipt for ${refId}` } };
      const job = deps.db.transaction(() => {
        supersede.run(refId);
        return queue.enqueue(source.kind, refId, source.doc, { copy: true });
      })();
      return printNow(job.id);
    },
    retryPending: () => retry(),
    latestJob: (refId: string): PrintJob | null => queue.jobsFor(refId).at(-1) ?? null,
    /** `refId`'s first job that is not a copy: the receipt as it was printed (or queued) first. */
    originalJob: (refId: string): PrintJob | null => queue.jobsFor(refId).find((j) => !j.copy) ?? null,
    cpl: (): number => printer().charsPerLine,
    refreshStatus,
    /** The shell's printer light; a stale one is refreshed in the background (the answer does not wait). */
    status(): PrinterLight {
      if (printer().kind === 'none') return 'none';
      if (Date.now() - lastCheck > PROBE_EVERY_MS && !probing) void refreshStatus();
      return light;
    },
  };
}
export type PrintingService = ReturnType<typeof createPrintingService>;

import type { Db } from '../db/open';
import type { SettingsService } from '../settings';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import { receiptTranslator } from '../../../shared/receipts/translate';
import { createConnection } from './connection';
import { renderEscPos } from './escpos';
import { createPrintQueue, type PrintOutcome } from './print-queue';

// The counter's printer as a service: the queue over `print_jobs`, sending to whatever
// settings.printer names at the moment of each job (a settings change applies to the next one).
// Callers write their transaction first, then `print` (enqueue + one attempt): a printer that
// is down leaves the job queued and never undoes what was saved.

export function createPrintingService(deps: { db: Db; settings: SettingsService; clock: () => Date }) {
  const printer = () => deps.settings.get().printer;
  const queue = createPrintQueue(deps.db, {
    send: (bytes) => createConnection(printer()).send(bytes),
    render: (doc, cpl) => renderEscPos(doc, { cpl }),
    cpl: () => printer().charsPerLine,
    copyLabel: () => receiptTranslator(deps.settings.get().language)('receipt.copy'),
    clock: deps.clock,
  });
  return {
    queue,
    /** Queues the document and tries once; the outcome says whether it reached the printer. */
    async print(kind: string, refId: string, doc: ReceiptDoc, options?: { copy?: boolean }): Promise<PrintOutcome> {
      const job = queue.enqueue(kind, refId, doc, options);
      return queue.printNow(job.id);
    },
    probe: () => createConnection(printer(), { connectTimeoutMs: 1000 }).probe(),
  };
}
export type PrintingService = ReturnType<typeof createPrintingService>;

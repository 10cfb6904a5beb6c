import type { PrintResult } from '../../../shared/contract/payment';
import type { PrintJob, PrintOutcome } from '../printing/print-queue';

// What the screen is told about a receipt: printed, waiting in the queue, given up, or still
// on its way (the answer did not wait for a slow printer).

const KEY_OF_CODE: Record<string, string> = {
  PRINTER_UNREACHABLE: 'printing.err.unreachable',
  PRINTER_TIMEOUT: 'printing.err.timeout',
  PRINTER_IO: 'printing.err.io',
  PRINTER_NOT_CONFIGURED: 'printing.err.notConfigured',
  PRINTER_RENDER: 'printing.err.render',
};

function keyOfError(lastError: string | null): string | null {
  if (!lastError) return null;
  const code = /^([A-Z_]+)/.exec(lastError)?.[1] ?? '';
  return KEY_OF_CODE[code] ?? 'printing.err.io';
}

export function printResultOfJob(job: PrintJob | null, inFlight = false): PrintResult {
  if (!job) return { status: 'none', jobId: null, copy: false, errorKey: null };
  if (job.status === 'queued' && inFlight) return { status: 'printing', jobId: job.id, copy: job.copy, errorKey: null };
  return { status: job.status, jobId: job.id, copy: job.copy, errorKey: job.status === 'printed' ? null : keyOfError(job.lastError) };
}

export function printResultOf(outcome: PrintOutcome | 'timeout', job: PrintJob | null): PrintResult {
  if (outcome === 'timeout') return printResultOfJob(job, true);
  if (outcome.ok) return printResultOfJob(outcome.job);
  const r = printResultOfJob(outcome.job ?? job);
  return { ...r, errorKey: outcome.error.key };
}

/** Waits for a print at most `ms`; after that the screen is told it is still printing. */
export async function printWithin(p: Promise<PrintOutcome>, ms: number): Promise<PrintOutcome | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

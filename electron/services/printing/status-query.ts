import { PrinterError } from './errors';
import { STATUS_ANSWER_BYTES, STATUS_QUERY, decodeDleEot, type PrinterCondition } from './dle-eot';

// Asking a printer over an open stream (TCP socket, serial port) how it is, before a job.

/** Targets that did not answer DLE EOT (some network boxes do not): not asked again for a minute. */
const silent = new Map<string, number>();
const SILENT_FOR_MS = 60_000;

/** The printer error for a condition that stops printing, or null when it may print. */
export function conditionError(condition: PrinterCondition, where: string): PrinterError | null {
  if (condition === 'paperOut') return new PrinterError('PRINTER_PAPER_OUT', `${where}: paper out`);
  if (condition === 'coverOpen') return new PrinterError('PRINTER_COVER_OPEN', `${where}: cover open`);
  if (condition === 'offline') return new PrinterError('PRINTER_UNREACHABLE', `${where}: printer reports offline`);
  return null;
}

/**
 * Sends DLE EOT on an open stream and resolves with the printer's condition, or null when no
 * well-formed answer came within the timeout (the target is then remembered as silent).
 */
export function askStatus(stream: NodeJS.ReadWriteStream, key: string, timeoutMs: number): Promise<PrinterCondition | null> {
  if ((silent.get(key) ?? 0) > Date.now()) return Promise.resolve(null);
  return new Promise((resolve) => {
    let got = Buffer.alloc(0);
    const finish = (c: PrinterCondition | null): void => {
      clearTimeout(timer);
      stream.off('data', onData);
      if (c === null) silent.set(key, Date.now() + SILENT_FOR_MS);
      else silent.delete(key);
      resolve(c);
    };
    const onData = (chunk: Buffer): void => {
      got = Buffer.concat([got, chunk]);
      if (got.length >= STATUS_ANSWER_BYTES) finish(decodeDleEot(got.subarray(got.length - STATUS_ANSWER_BYTES))?.condition ?? null);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    stream.on('data', onData);
    stream.write(STATUS_QUERY);
  });
}

import { AppError } from '../../../shared/errors';

// Printer failures carry their own codes (the queue records them and the shell shows them);
// at the IPC boundary they become an UNAVAILABLE AppError with the same i18n key.

export const PRINTER_ERROR_CODES = ['PRINTER_UNREACHABLE', 'PRINTER_TIMEOUT', 'PRINTER_IO', 'PRINTER_NOT_CONFIGURED', 'PRINTER_PAPER_OUT', 'PRINTER_COVER_OPEN'] as const;
export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

const KEYS: Record<PrinterErrorCode, string> = {
  PRINTER_UNREACHABLE: 'printing.err.unreachable',
  PRINTER_TIMEOUT: 'printing.err.timeout',
  PRINTER_IO: 'printing.err.io',
  PRINTER_NOT_CONFIGURED: 'printing.err.notConfigured',
  PRINTER_PAPER_OUT: 'printing.err.paperOut',
  PRINTER_COVER_OPEN: 'printing.err.coverOpen',
};

export class PrinterError extends Error {
  readonly code: PrinterErrorCode;
  readonly key: string;
  constructor(code: PrinterErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'PrinterError';
    this.code = code;
    this.key = KEYS[code];
  }
  toAppError(): AppError {
    return new AppError('UNAVAILABLE', this.key, { code: this.code });
  }
}

export function isPrinterError(e: unknown): e is PrinterError {
  return e instanceof PrinterError;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EADDRNOTAVAIL']);

/** Maps a socket or file error to a printer error code. */
export function toPrinterError(e: unknown, where: string): PrinterError {
  if (e instanceof PrinterError) return e;
  const code = (e as { code?: unknown })?.code;
  const msg = e instanceof Error ? e.message : String(e);
  if (typeof code === 'string' && UNREACHABLE.has(code)) return new PrinterError('PRINTER_UNREACHABLE', `${where}: ${msg}`, { cause: e });
  if (code === 'ETIMEDOUT') return new PrinterError('PRINTER_TIMEOUT', `${where}: ${msg}`, { cause: e });
  return new PrinterError('PRINTER_IO', `${where}: ${msg}`, { cause: e });
}

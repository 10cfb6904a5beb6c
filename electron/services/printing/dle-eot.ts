// DLE EOT n: the real-time status request of EPSON-compatible printers. The printer answers
// each request with one byte at once, even while its buffer is full or the paper is out, which
// is why it can tell a sender not to send. Bits per the ESC/POS reference; bits 1 and 4 are
// always 1 and bits 0 and 7 always 0, which is how an answer is told from other bytes.

/** n = 1 printer, 2 offline cause, 4 roll paper sensor. */
export const STATUS_QUERY = Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]);
export const STATUS_ANSWER_BYTES = 3;

export type PrinterCondition = 'ready' | 'paperOut' | 'coverOpen' | 'offline';

export interface DleEotStatus {
  condition: PrinterCondition;
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  /** An error the printer reports (cutter, mechanism, unrecoverable). */
  error: boolean;
}

/** A well-formed status byte: fixed bits 1 and 4 set, 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Reads the answers to STATUS_QUERY (printer, offline cause, paper sensor); null when malformed. */
export function decodeDleEot(answer: Uint8Array): DleEotStatus | null {
  if (answer.length < STATUS_ANSWER_BYTES) return null;
  const [printer, cause, paper] = answer;
  if (![printer, cause, paper].every(isStatusByte)) return null;
  const offline = (printer & 0x08) !== 0;
  const coverOpen = (cause & 0x04) !== 0;
  const error = (cause & 0x40) !== 0;
  const paperOut = (paper & 0x60) !== 0 || (cause & 0x20) !== 0;
  const paperNearEnd = (paper & 0x0c) !== 0;
  const condition: PrinterCondition = paperOut ? 'paperOut' : coverOpen ? 'coverOpen' : offline || error ? 'offline' : 'ready';
  return { condition, offline, coverOpen, paperOut, paperNearEnd, error };
}

/** The three answer bytes a printer in `state` sends (the virtual printer's side). */
export function encodeDleEot(state: { paperOut?: boolean; coverOpen?: boolean; error?: boolean; paperNearEnd?: boolean }): Buffer {
  const offline = !!(state.paperOut || state.coverOpen || state.error);
  const printer = 0x12 | (offline ? 0x08 : 0);
  const cause = 0x12 | (state.coverOpen ? 0x04 : 0) | (state.paperOut ? 0x20 : 0) | (state.error ? 0x40 : 0);
  const paper = 0x12 | (state.paperOut ? 0x60 : 0) | (state.paperNearEnd ? 0x0c : 0);
  return Buffer.from([printer, cause, paper]);
}

/** One answer byte for a single DLE EOT n request (n = 1, 2, 4; anything else reads as n = 1). */
export function answerFor(n: number, state: Parameters<typeof encodeDleEot>[0]): number {
  const [printer, cause, paper] = encodeDleEot(state);
  return n === 2 ? cause : n === 4 ? paper : printer;
}

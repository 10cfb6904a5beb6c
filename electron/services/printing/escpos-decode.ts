import { placeLine, type Align, type TextSize } from '../../../shared/receipts/layout';
import { CUT_MARKER, QR_PLACEHOLDER } from '../../../shared/receipts/render-text';
import { CODE_PAGES, ESC_T, charOf, type CodePage } from '../../../shared/receipts/code-page';

// A small ESC/POS reader for exactly what escpos.ts emits (plus the drawer kicks a
// printer may get), so the virtual printer and the tests can read a job back as text.
// Anything else is listed in `unknown` rather than guessed at.

export interface DecodedLine { text: string; align: Align; bold: boolean; size: TextSize }

export type DecodedItem =
  | ({ type: 'line' } & DecodedLine)
  | { type: 'qr'; data: string }
  | { type: 'cut'; partial: boolean }
  | { type: 'feed'; lines: number }
  | { type: 'drawer'; pin: number };

export interface DecodedPrint {
  items: DecodedItem[];
  /** Text of each printed line, without alignment padding. */
  lines: string[];
  styled: DecodedLine[];
  /** Payloads of the QR codes printed (GS ( k store, then print). */
  qr: string[];
  cuts: number;
  drawerKicks: number;
  /** Runs of text printed in bold. */
  boldSpans: string[];
  /** Code pages selected with ESC t, in order. */
  codePages: number[];
  /** Real-time status requests (DLE EOT n), in order: a printer answers them and prints nothing. */
  statusRequests: number[];
  /** Commands this decoder does not know, as hex, in order. */
  unknown: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const LF = 0x0a;

export function decodeEscPos(input: Uint8Array): DecodedPrint {
  const b = input;
  const out: DecodedPrint = { items: [], lines: [], styled: [], qr: [], cuts: 0, drawerKicks: 0, boldSpans: [], codePages: [], statusRequests: [], unknown: [] };
  let align: Align = 'left';
  let bold = false;
  let size: TextSize = 'normal';
  let line = '';
  let lineStyle: DecodedLine | null = null; // style when the line's first character came
  let lineBold = false;
  let span = '';
  let qrStore = '';
  // ESC @ selects page 0 (PC437); bytes 0x80–0xFF are read in the page selected last.
  let page: CodePage = 'PC437_USA';
  const pageOf = (n: number): CodePage => CODE_PAGES.find((cp) => ESC_T[cp] === n) ?? 'PC437_USA';

  const flushSpan = (): void => {
    if (span.trim()) out.boldSpans.push(span.trim());
    span = '';
  };
  const endLine = (): void => {
    flushSpan();
    const style = lineStyle ?? { text: '', align, bold, size };
    const l: DecodedLine = { text: line, align: style.align, bold: lineBold, size: style.size };
    out.items.push({ type: 'line', ...l });
    out.lines.push(l.text);
    out.styled.push(l);
    line = '';
    lineStyle = null;
    lineBold = false;
  };
  const setBold = (on: boolean): void => {
    if (bold && !on) flushSpan();
    bold = on;
  };
  const reset = (): void => {
    setBold(false);
    align = 'left';
    size = 'normal';
  };
  const alignOf = (n: number): Align => (n === 1 || n === 49 ? 'center' : n === 2 || n === 50 ? 'right' : 'left');
  const unknown = (at: number, len: number): void => {
    out.unknown.push(Buffer.from(b.subarray(at, Math.min(b.length, at + len))).toString('hex'));
  };

  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === LF) {
      endLine();
      i += 1;
    } else if (c === ESC) {
      const cmd = b[i + 1];
      const n = b[i + 2];
      switch (cmd) {
        case 0x40: reset(); page = 'PC437_USA'; i += 2; break; // ESC @ init
        case 0x61: align = alignOf(n); i += 3; break; // ESC a n
        case 0x45: setBold((n & 1) === 1); i += 3; break; // ESC E n
        case 0x21: setBold((n & 0x08) !== 0); size = n & 0x30 ? 'double' : 'normal'; i += 3; break; // ESC ! n
        case 0x2d: case 0x4d: case 0x33: i += 3; break; // underline, font, line spacing: no effect on text
        case 0x32: i += 2; break; // default line spacing
        case 0x74: out.codePages.push(n); page = pageOf(n); i += 3; break; // ESC t n
        case 0x64: // ESC d n: print and feed n lines
          if (line) endLine();
          out.items.push({ type: 'feed', lines: n });
          i += 3;
          break;
        case 0x70: out.drawerKicks++; out.items.push({ type: 'drawer', pin: n === 1 || n === 49 ? 5 : 2 }); i += 5; break; // ESC p m t1 t2
        default: unknown(i, 2); i += 2;
      }
    } else if (c === GS) {
      const cmd = b[i + 1];
      const n = b[i + 2];
      if (cmd === 0x56) { // GS V m [n]
        if (line) endLine();
        out.cuts++;
        out.items.push({ type: 'cut', partial: n === 1 || n === 49 || n === 66 });
        i += n === 65 || n === 66 ? 4 : 3;
      } else if (cmd === 0x21) { // GS ! n
        size = n & 0x77 ? 'double' : 'normal';
        i += 3;
      } else if (cmd === 0x28 && b[i + 2] === 0x6b) { // GS ( k pL pH cn fn ...
        const len = b[i + 3] + b[i + 4] * 256;
        const body = b.subarray(i + 5, i + 5 + len);
        if (body[0] === 0x31 && body[1] === 0x50) qrStore = Buffer.from(body.subarray(3)).toString('latin1');
        else if (body[0] === 0x31 && body[1] === 0x51) {
          out.qr.push(qrStore);
          out.items.push({ type: 'qr', data: qrStore });
        }
        i += 5 + len;
      } else if (cmd === 0x42 || cmd === 0x48 || cmd === 0x66 || cmd === 0x77 || cmd === 0x68 || cmd === 0x72) {
        i += 3; // invert, barcode settings, status request: one parameter, no text
      } else {
        unknown(i, 2);
        i += 2;
      }
    } else if (c === DLE && b[i + 1] === 0x04) { // DLE EOT n: status request, answered, not printed
      out.statusRequests.push(b[i + 2]);
      i += 3;
    } else if (c === DLE && b[i + 1] === 0x14 && b[i + 2] === 1) { // DLE DC4 1 m t: real-time drawer pulse
      out.drawerKicks++;
      out.items.push({ type: 'drawer', pin: b[i + 3] === 1 ? 5 : 2 });
      i += 5;
    } else if (c >= 0x20) {
      if (!lineStyle) lineStyle = { text: '', align, bold, size };
      const ch = c <= 0x7e ? String.fromCharCode(c) : c >= 0x80 ? charOf(c, page) : '?';
      line += ch;
      if (bold) {
        span += ch;
        if (ch !== ' ') lineBold = true;
      }
      i += 1;
    } else {
      i += 1; // CR and other control bytes: nothing to print
    }
  }
  if (line) endLine();
  return out;
}

/**
 * The decoded job laid out at `cpl` the way the text renderer lays out the document, so
 * `decodedToText(decodeEscPos(renderEscPos(doc)))` equals `renderText(doc)` for ASCII text.
 * The feeds a cut command adds before cutting (ESC d) are paper, not content, and are left out.
 */
export function decodedToText(d: DecodedPrint, cpl: number): string {
  const rows: string[] = [];
  for (const item of d.items) {
    if (item.type === 'line') rows.push(placeLine(item.text, item.align, cpl));
    else if (item.type === 'qr') rows.push(placeLine(QR_PLACEHOLDER(item.data).slice(0, cpl), 'center', cpl));
    else if (item.type === 'cut') rows.push(placeLine(CUT_MARKER.slice(0, cpl), 'center', cpl));
  }
  return rows.map((r) => r.trimEnd()).join('\n') + '\n';
}

import type { Block, ReceiptDoc } from './layout';

// Thermal printers print one byte per character from a code page. Indonesian text is
// ASCII apart from the odd accented name or typographic quote, so everything sent to the
// printer is folded to printable ASCII: the same bytes print right under PC437, PC858
// and WPC1252, and nothing switches code page in the middle of a line.

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201C': '"', '\u201D': '"', '\u201E': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2022': '*', '\u00B7': '.', '\u2026': '...',
  '\u00A0': ' ', '\u00D7': 'x', '\u20AC': 'EUR', '\u00DF': 'ss', '\u00C6': 'AE', '\u00E6': 'ae',
  '\u00D8': 'O', '\u00F8': 'o', '\u0141': 'L', '\u0142': 'l',
};

export function toPrintableAscii(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKD')) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) out += ch;
    else if (code >= 0x300 && code <= 0x36f) continue; // combining accent left by NFKD
    else if (ch === '\t') out += ' ';
    else out += PUNCTUATION[ch] ?? '?';
  }
  return out;
}

/** The document with every printable string folded, so wrapping sees the final lengths. */
export function asciiDoc(doc: ReceiptDoc): ReceiptDoc {
  const f = toPrintableAscii;
  return {
    blocks: doc.blocks.map((b): Block => {
      switch (b.type) {
        case 'text': return { ...b, text: f(b.text) };
        case 'pair': return { ...b, left: f(b.left), right: f(b.right) };
        case 'qr': return { ...b, data: f(b.data) };
        case 'copyMark': return { ...b, label: f(b.label) };
        default: return b;
      }
    }),
  };
}

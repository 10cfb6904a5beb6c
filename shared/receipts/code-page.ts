import type { Block, ReceiptDoc } from './layout';

// Thermal printers print one byte per character from a code page chosen with ESC t n. Text
// that the page has (é, ñ, £, and in WPC1252 also ’ “ ” …) is kept, to be encoded as that page's
// byte; anything else is transliterated (ʿAbd al-Raḥmān → 'Abd al-Rahman, ” → ") so nothing
// prints as garbage and the page never switches in the middle of a line.

export const CODE_PAGES = ['PC858_EURO', 'WPC1252', 'PC437_USA'] as const;
export type CodePage = (typeof CODE_PAGES)[number];

/** ESC t n for each page (EPSON numbering). */
export const ESC_T: Record<CodePage, number> = { PC437_USA: 0, WPC1252: 16, PC858_EURO: 19 };

/** Bytes 0x80–0xFF of each page as Unicode (U+FFFD: unassigned); checked against iconv-lite in the tests. */
export const HIGH_HALF: Record<CodePage, string> = {
  PC858_EURO: '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00f8\u00a3\u00d8\u00d7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u00ae\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u00c1\u00c2\u00c0\u00a9\u2563\u2551\u2557\u255d\u00a2\u00a5\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u00e3\u00c3\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u00a4\u00f0\u00d0\u00ca\u00cb\u00c8\u20ac\u00cd\u00ce\u00cf\u2518\u250c\u2588\u2584\u00a6\u00cc\u2580\u00d3\u00df\u00d4\u00d2\u00f5\u00d5\u00b5\u00fe\u00de\u00da\u00db\u00d9\u00fd\u00dd\u00af\u00b4\u00ad\u00b1\u2017\u00be\u00b6\u00a7\u00f7\u00b8\u00b0\u00a8\u00b7\u00b9\u00b3\u00b2\u25a0\u00a0',
  WPC1252: '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fd\u00fe\u00ff',
  PC437_USA: '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0',
};

const BYTE_OF: Record<CodePage, Map<string, number>> = Object.fromEntries(
  CODE_PAGES.map((cp) => {
    const m = new Map<string, number>();
    [...HIGH_HALF[cp]].forEach((ch, i) => {
      // Box drawing, unassigned, soft hyphen and no-break space are no text a receipt means.
      if (ch !== '\ufffd' && ch !== '\u00ad' && ch !== '\u00a0' && !/[\u2500-\u25ff]/.test(ch)) m.set(ch, 0x80 + i);
    });
    return [cp, m];
  }),
) as Record<CodePage, Map<string, number>>;

/** Fallbacks for characters a page lacks (tried before stripping accents). */
const TRANSLIT: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'",
  '\u02BF': "'", '\u02BE': "'", '\u02BB': "'", // ʿayn and hamza of transliterated Arabic
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2022': '*', '\u00B7': '.',
  '\u2026': '...', '\u00A0': ' ', '\u00D7': 'x', '\u20AC': 'EUR', '\u00DF': 'ss', '\u00C6': 'AE',
  '\u00E6': 'ae', '\u00D8': 'O', '\u00F8': 'o', '\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd',
  '\u0131': 'i', '\u0152': 'OE', '\u0153': 'oe', '\u00D0': 'D', '\u00F0': 'd', '\u00DE': 'Th', '\u00FE': 'th',
};

export function inCodePage(ch: string, cp: CodePage): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || BYTE_OF[cp].has(ch);
}

/** The byte a character prints as in `cp` (undefined when the page lacks it). */
export function byteIn(ch: string, cp: CodePage): number | undefined {
  const c = ch.codePointAt(0)!;
  return c >= 0x20 && c <= 0x7e ? c : BYTE_OF[cp].get(ch);
}

/** The character byte `b` prints as under `cp` (for the decoder). */
export function charOf(b: number, cp: CodePage): string {
  if (b < 0x80) return String.fromCharCode(b);
  const ch = [...HIGH_HALF[cp]][b - 0x80];
  return ch === '\ufffd' ? '?' : ch;
}

function foldChar(ch: string, cp: CodePage): string {
  if (inCodePage(ch, cp)) return ch;
  if (ch === '\t' || ch === '\n' || ch === '\r') return ' ';
  const t = TRANSLIT[ch];
  if (t !== undefined) return [...t].map((c) => (inCodePage(c, cp) ? c : '?')).join('');
  // ḥ → h + U+0323: keep the letters the page has, drop the marks it has not (ā → a, ḍ → d).
  const parts = [...ch.normalize('NFKD')];
  if (parts.length > 1 || parts[0] !== ch) {
    const base = parts.filter((p) => !/\p{M}/u.test(p)).join('').normalize('NFC');
    if (base) return [...base].map((c) => (inCodePage(c, cp) ? c : TRANSLIT[c] ?? '?')).join('');
  }
  return '?';
}

/** `text` with every character either in `cp` or transliterated; one output character prints as one byte. */
export function foldToCodePage(text: string, cp: CodePage): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldChar(ch, cp);
  return out;
}

/** The document with every printable string folded to `cp`, so wrapping sees the final lengths. */
export function codePageDoc(doc: ReceiptDoc, cp: CodePage): ReceiptDoc {
  const f = (s: string): string => foldToCodePage(s, cp);
  return {
    blocks: doc.blocks.map((b): Block => {
      switch (b.type) {
        case 'text': return { ...b, text: f(b.text) };
        case 'pair': return { ...b, left: f(b.left), right: f(b.right) };
        // QR payloads stay ASCII: scanners read them as bytes, not as a code page.
        case 'qr': return { ...b, data: foldToCodePage(b.data, 'PC437_USA').replace(/[^\x20-\x7e]/g, '?') };
        case 'copyMark': return { ...b, label: f(b.label) };
        default: return b;
      }
    }),
  };
}

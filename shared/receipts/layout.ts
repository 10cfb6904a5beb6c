import { z } from 'zod';

// One layout model for every receipt; the renderers (text, ESC/POS, PDF, React preview)
// all go through `layoutLines` so a receipt wraps the same way everywhere.

export const ALIGNS = ['left', 'center', 'right'] as const;
export type Align = (typeof ALIGNS)[number];
export type TextSize = 'normal' | 'double';

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    text: z.string(),
    align: z.enum(ALIGNS).optional(),
    bold: z.boolean().optional(),
    size: z.enum(['normal', 'double']).optional(),
  }),
  z.object({ type: z.literal('pair'), left: z.string(), right: z.string(), bold: z.boolean().optional() }),
  z.object({ type: z.literal('separator'), char: z.enum(['-', '=', '*']).optional() }),
  z.object({ type: z.literal('qr'), data: z.string().min(1).max(500) }),
  z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(10).optional() }),
  z.object({ type: z.literal('cut') }),
  z.object({ type: z.literal('copyMark'), label: z.string().min(1) }),
]);
export type Block = z.infer<typeof BlockSchema>;

export const ReceiptDocSchema = z.object({ blocks: z.array(BlockSchema) });
export type ReceiptDoc = z.infer<typeof ReceiptDocSchema>;

export type PaperWidth = '58' | '80';
/** Characters per line of font A on common 58 mm and 80 mm printers. */
export const PAPER_CPL: Record<PaperWidth, number> = { '58': 32, '80': 48 };
export const MIN_CPL = 16;
export const MAX_CPL = 64;

export function cplOf(paper: PaperWidth): number {
  return PAPER_CPL[paper];
}

/** One physical line (or a QR, a feed, a cut) after wrapping to a width. */
export type RenderLine =
  | { kind: 'text'; text: string; align: Align; bold: boolean; size: TextSize }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

function checkCpl(cpl: number): void {
  if (!Number.isInteger(cpl) || cpl < MIN_CPL || cpl > MAX_CPL) {
    throw new RangeError(`characters per line must be an integer ${MIN_CPL}..${MAX_CPL}, got ${cpl}`);
  }
}

/** Word-wraps to `width`; words longer than a line are split hard. Never returns a line wider than `width`. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/\s+/).filter((w) => w.length > 0);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    // A paragraph's leading spaces (an indented detail line) indent each of its lines.
    const indent = (/^ */.exec(para)?.[0] ?? '').slice(0, Math.floor(width / 4));
    if (indent) {
      for (const l of wrapText(para.trimStart(), width - indent.length)) out.push(indent + l);
      continue;
    }
    let line = '';
    for (let word of words) {
      while (word.length > width) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!word) continue;
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push(line);
        line = word;
      }
    }
    if (line) out.push(line);
  }
  return out;
}

/** Left and right columns on one line; when they do not fit, left wraps and right goes on its last line or below. */
export function pairLines(left: string, right: string, width: number): string[] {
  const r = right.trim();
  const l = left.trim();
  if (l.length + 1 + r.length <= width) return [l + ' '.repeat(width - l.length - r.length) + r];
  const lefts = wrapText(l, width);
  const rights = wrapText(r, width);
  const lastLeft = lefts[lefts.length - 1];
  const lastRight = rights[rights.length - 1];
  if (rights.length === 1 && lastLeft.length + 1 + lastRight.length <= width) {
    lefts[lefts.length - 1] = lastLeft + ' '.repeat(width - lastLeft.length - lastRight.length) + lastRight;
    return lefts;
  }
  return [...lefts, ...rights.map((x) => ' '.repeat(width - x.length) + x)];
}

/** Pads a line to exactly `width` according to its alignment. */
export function placeLine(text: string, align: Align, width: number): string {
  const gap = Math.max(0, width - text.length);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') {
    const before = Math.floor(gap / 2);
    return ' '.repeat(before) + text + ' '.repeat(gap - before);
  }
  return text + ' '.repeat(gap);
}

/**
 * Wraps a document to `cpl` characters per line. Double-size text takes two columns
 * per character on paper, so it wraps at half the width.
 */
export function layoutLines(doc: ReceiptDoc, cpl: number): RenderLine[] {
  checkCpl(cpl);
  const out: RenderLine[] = [];
  const text = (t: string, align: Align, bold: boolean, size: TextSize): RenderLine => ({ kind: 'text', text: t, align, bold, size });
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'text': {
        const size = block.size ?? 'normal';
        const width = size === 'double' ? Math.floor(cpl / 2) : cpl;
        for (const line of wrapText(block.text, width)) out.push(text(line, block.align ?? 'left', block.bold ?? false, size));
        break;
      }
      case 'pair':
        for (const line of pairLines(block.left, block.right, cpl)) out.push(text(line, 'left', block.bold ?? false, 'normal'));
        break;
      case 'separator':
        out.push(text((block.char ?? '-').repeat(cpl), 'left', false, 'normal'));
        break;
      case 'copyMark': {
        // A copy must be unmistakable: a full-width star row around the double-size label.
        const stars = '*'.repeat(cpl);
        out.push(text(stars, 'left', true, 'normal'));
        for (const line of wrapText(block.label, Math.floor(cpl / 2))) out.push(text(line, 'center', true, 'double'));
        out.push(text(stars, 'left', true, 'normal'));
        break;
      }
      case 'qr':
        out.push({ kind: 'qr', data: block.data });
        break;
      case 'feed':
        out.push({ kind: 'feed', lines: block.lines ?? 1 });
        break;
      case 'cut':
        out.push({ kind: 'cut' });
        break;
    }
  }
  return out;
}

export function isCopy(doc: ReceiptDoc): boolean {
  return doc.blocks.some((b) => b.type === 'copyMark');
}

/**
 * The same document marked as a copy (SALINAN) at the top and just before the final cut.
 * Idempotent: a document already marked is returned unchanged.
 */
export function markAsCopy(doc: ReceiptDoc, label = 'SALINAN'): ReceiptDoc {
  if (isCopy(doc)) return doc;
  const mark: Block = { type: 'copyMark', label };
  const blocks = [mark, ...doc.blocks];
  let tail = blocks.length;
  while (tail > 1 && (blocks[tail - 1].type === 'cut' || blocks[tail - 1].type === 'feed')) tail--;
  blocks.splice(tail, 0, mark);
  return { blocks };
}

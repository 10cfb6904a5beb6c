import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  layoutLines, markAsCopy, pairLines, placeLine, ReceiptDocSchema, wrapText, type ReceiptDoc,
} from '../../../shared/receipts/layout';

describe('wrapping', () => {
  it('never returns a line wider than the width and loses no word', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-z0-9.,]{1,40}$/), { maxLength: 30 }), fc.integer({ min: 16, max: 64 }), (words, width) => {
        const lines = wrapText(words.join(' '), width);
        for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(words.join(''));
      }),
    );
  });

  it('breaks at spaces, and splits a word longer than the line', () => {
    expect(wrapText('dua puluh lima ribu dua ratus rupiah', 16)).toEqual(['dua puluh lima', 'ribu dua ratus', 'rupiah']);
    expect(wrapText('x'.repeat(20), 8)).toEqual(['xxxxxxxx', 'xxxxxxxx', 'xxxx']);
  });

  it('puts a pair on one line when it fits, otherwise keeps the right column right-aligned below', () => {
    expect(pairLines('TOTAL', 'Rp25.200', 20)).toEqual(['TOTAL       Rp25.200']);
    const long = pairLines('Keringanan iuran PP 50/2025 untuk transportasi', '-Rp25.200', 32);
    for (const l of long) expect(l.length).toBeLessThanOrEqual(32);
    expect(long[long.length - 1].endsWith('-Rp25.200')).toBe(true);
    expect(long.join(' ')).toContain('transportasi');
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), fc.integer({ min: 16, max: 64 }), (l, r, w) => {
        for (const line of pairLines(l, r, w)) expect(line.length).toBeLessThanOrEqual(w);
      }),
    );
  });

  it('places text left, centre and right at an exact width', () => {
    expect(placeLine('ab', 'left', 6)).toBe('ab    ');
    expect(placeLine('ab', 'center', 6)).toBe('  ab  ');
    expect(placeLine('ab', 'right', 6)).toBe('    ab');
  });
});

describe('layout', () => {
  const doc: ReceiptDoc = {
    blocks: [
      { type: 'text', text: 'POS INDONESIA CABANG', size: 'double', align: 'center' },
      { type: 'separator', char: '=' },
      { type: 'pair', left: 'TOTAL', right: 'Rp25.200', bold: true },
      { type: 'qr', data: 'R-1' },
      { type: 'feed', lines: 2 },
      { type: 'cut' },
    ],
  };

  it('wraps double-size text at half the width and draws separators full width', () => {
    const lines = layoutLines(doc, 32);
    const big = lines.filter((l) => l.kind === 'text' && l.size === 'double');
    expect(big.map((l) => (l.kind === 'text' ? l.text : ''))).toEqual(['POS INDONESIA', 'CABANG']);
    expect(lines[2]).toEqual({ kind: 'text', text: '='.repeat(32), align: 'left', bold: false, size: 'normal' });
    expect(lines.slice(-3)).toEqual([{ kind: 'qr', data: 'R-1' }, { kind: 'feed', lines: 2 }, { kind: 'cut' }]);
  });

  it('refuses a width outside 16..64', () => {
    expect(() => layoutLines(doc, 8)).toThrow(RangeError);
    expect(() => layoutLines(doc, 48.5)).toThrow(RangeError);
  });

  it('marks a copy at the top and before the closing feed and cut, once', () => {
    const copy = markAsCopy(doc, 'SALINAN');
    expect(copy.blocks[0]).toEqual({ type: 'copyMark', label: 'SALINAN' });
    expect(copy.blocks.slice(-3).map((b) => b.type)).toEqual(['copyMark', 'feed', 'cut']);
    expect(markAsCopy(copy)).toBe(copy);
    expect(copy.blocks.filter((b) => b.type === 'copyMark')).toHaveLength(2);
  });

  it('validates a stored document', () => {
    expect(ReceiptDocSchema.safeParse(doc).success).toBe(true);
    expect(ReceiptDocSchema.safeParse({ blocks: [{ type: 'text' }] }).success).toBe(false);
    expect(ReceiptDocSchema.safeParse({ blocks: [{ type: 'qr', data: '' }] }).success).toBe(false);
  });
});

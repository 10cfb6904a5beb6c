import { describe, expect, it } from 'vitest';
import { renderEscPos, DRAWER_KICK } from '../../../electron/services/printing/escpos';
import { decodeEscPos, decodedToText } from '../../../electron/services/printing/escpos-decode';
import { closingReport, paymentReceipt, registrationReceipt, testPage, voidReceipt } from '../../../shared/receipts/builders';
import { renderText } from '../../../shared/receipts/render-text';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import { closing, payment, registration, test as testData, voided } from './fixtures';

const docs: Record<string, (cpl: number) => ReceiptDoc> = {
  payment: () => paymentReceipt(payment),
  paymentCopy: () => paymentReceipt({ ...payment, copy: true }),
  registration: () => registrationReceipt(registration),
  void: () => voidReceipt(voided),
  test: (cpl) => testPage({ ...testData, cpl }),
  closing: () => closingReport(closing),
};

describe('ESC/POS renderer and decoder', () => {
  for (const [name, make] of Object.entries(docs)) {
    for (const cpl of [32, 48]) {
      it(`${name} at ${cpl} columns reads back exactly as the text renderer lays it out`, () => {
        const doc = make(cpl);
        const decoded = decodeEscPos(renderEscPos(doc, { cpl }));
        expect(decoded.unknown).toEqual([]);
        expect(decodedToText(decoded, cpl)).toBe(renderText(doc, { cpl }));
        for (const l of decoded.styled) expect(l.text.length * (l.size === 'double' ? 2 : 1)).toBeLessThanOrEqual(cpl);
      });
    }
  }

  it('emits init, the code page, bold, centring, double size, the QR and a full cut', () => {
    const bytes = renderEscPos(paymentReceipt(payment), { cpl: 48, charset: 'PC858_EURO' });
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 19]);
    const d = decodeEscPos(bytes);
    expect(d.codePages[0]).toBe(19);
    expect(d.qr).toEqual(['KRW02-20260110-000123']);
    expect(d.cuts).toBe(1);
    expect(bytes.includes(Buffer.from([0x1d, 0x56, 0x00]))).toBe(true);
    expect(d.boldSpans.some((s) => /^TOTAL +Rp25\.200$/.test(s))).toBe(true);
    expect(d.styled.find((l) => l.text === 'POS INDONESIA')).toMatchObject({ align: 'center', size: 'double', bold: true });
    expect(d.styled.find((l) => l.text.startsWith('No. KPJ'))).toMatchObject({ align: 'left', bold: false, size: 'normal' });
    expect(d.drawerKicks).toBe(0);
  });

  it('selects the code page asked for and kicks the drawer when asked', () => {
    const bytes = renderEscPos(paymentReceipt(payment), { cpl: 32, charset: 'WPC1252', openDrawer: true });
    const d = decodeEscPos(bytes);
    expect(d.codePages[0]).toBe(16);
    expect(d.drawerKicks).toBe(1);
    expect(bytes.includes(DRAWER_KICK)).toBe(true);
  });

  it('keeps the letters the code page has and folds the rest before wrapping', () => {
    const doc: ReceiptDoc = { blocks: [{ type: 'pair', left: 'Nama', right: 'José Müller – “Ojol”…' }, { type: 'cut' }] };
    const bytes = renderEscPos(doc, { cpl: 32 });
    // PC858: é is 0x82, ü 0x81; the dash, curly quotes and ellipsis are not in it.
    expect([...bytes].filter((b) => b >= 0x80)).toEqual([0x82, 0x81]);
    const d = decodeEscPos(bytes);
    expect(d.lines[0]).toBe(`Nama${' '.repeat(32 - 4 - 23)}José Müller - "Ojol"...`);
    expect(d.lines[0].length).toBe(32);
  });

  it('lists bytes it does not understand instead of guessing', () => {
    const d = decodeEscPos(Buffer.from([0x1b, 0x7a, 0x41, 0x0a]));
    expect(d.unknown).toEqual(['1b7a']);
    expect(d.lines).toEqual(['A']);
  });
});

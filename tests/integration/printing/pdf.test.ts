import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { renderPdf, writePdf } from '../../../electron/services/printing/pdf';
import { closingReport, paymentReceipt } from '../../../shared/receipts/builders';
import { closing, payment } from '../../unit/receipts/fixtures';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const r = await parser.getText();
    return { text: r.text, pages: r.total };
  } finally {
    await parser.destroy();
  }
}

describe('PDF renderer', () => {
  it('writes a receipt PDF whose text carries the total, the masked NIK and the footer', async () => {
    dir = mkdtempSync(join(tmpdir(), 'loket-pdf-'));
    const file = await writePdf(paymentReceipt(payment), join(dir, 'receipts', `${payment.receiptNo}.pdf`), { cpl: 48, title: payment.receiptNo });
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    expect(text).toMatch(/TOTAL\s+Rp25\.200/);
    expect(text).toContain('3201**********01');
    expect(text).toContain('Simpan sebagai bukti pembayaran yang sah');
    expect(text).not.toContain('SALINAN');
  });

  it('marks a copy and lays out the closing report, across pages when long', async () => {
    const copy = await pdfText(await renderPdf(paymentReceipt({ ...payment, copy: true }), { cpl: 32 }));
    expect(copy.text.match(/SALINAN/g)).toHaveLength(2);

    const long = { ...closing, perKind: Array.from({ length: 80 }, (_, i) => ({ kind: `KIND${i}`, count: 1, amount: 1000 })) };
    const report = await pdfText(await renderPdf(closingReport(long), { cpl: 48 }));
    expect(report.pages).toBeGreaterThan(1);
    expect(report.text).toMatch(/Selisih\s+-Rp3\.000/);
    expect(report.text).toContain('KIND79');
  });
});

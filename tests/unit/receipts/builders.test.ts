import { describe, expect, it } from 'vitest';
import { closingReport, paymentReceipt, registrationReceipt, testPage, voidReceipt } from '../../../shared/receipts/builders';
import { maskNik } from '../../../shared/receipts/mask';
import { renderTextLines, renderText } from '../../../shared/receipts/render-text';
import { receipts } from '../../../shared/i18n/messages/receipts';
import { createI18n } from '../../../shared/i18n';
import { closing, payment, registration, test as testData, voided } from './fixtures';

const text = (doc: Parameters<typeof renderText>[0], cpl = 48) => renderText(doc, { cpl });

describe('maskNik', () => {
  it('keeps the first four and last two digits of a NIK', () => {
    expect(maskNik('3201234505800001')).toBe('3201**********01');
    expect(maskNik('3201 2345 0580 0001')).toBe('3201**********01');
    expect(maskNik('12345')).toBe('***45');
  });
});

describe('payment receipt', () => {
  const out = text(paymentReceipt(payment));

  it('prints every field DOMAIN.md §9 asks for', () => {
    expect(out).toContain('KCU Karawang 41300');
    expect(out).toContain('Loket 2');
    expect(out).toContain('Siti Rahmawati');
    expect(out).toContain('KRW02-20260110-000123');
    expect(out).toContain('10/01/2026 10:30 WIB');
    expect(out).toContain('BUDI SANTOSO');
    expect(out).toContain('12345678901');
    expect(out).toContain('3201**********01');
    expect(out).not.toContain('3201234505800001');
    expect(out).toContain('JKK Kecelakaan Kerja');
    expect(out).toContain('DPP Rp1.000.000, Rp10.000/bln');
    expect(out).toContain('Januari 2026 s.d. Maret 2026');
    expect(out).toMatch(/Periode +3 bulan/);
    expect(out).toMatch(/Keringanan PP 50\/2025 +-Rp25\.200/);
    expect(out).toMatch(/TOTAL +Rp25\.200/);
    expect(out).toContain('dua puluh lima ribu dua ratus rupiah');
    expect(out).toMatch(/Tunai +Rp50\.000/);
    expect(out).toMatch(/Kembali +Rp24\.800/);
    expect(out).toContain('[QR KRW02-20260110-000123]');
    expect(out).toContain('Simpan sebagai bukti pembayaran yang sah');
    expect(out).not.toContain('SALINAN');
  });

  it('says the KPJ is still to come when there is none', () => {
    expect(text(paymentReceipt({ ...payment, kpj: null }))).toMatch(/No\. KPJ +menunggu nomor KPJ/);
  });

  it('puts SALINAN at the top and the bottom of a copy', () => {
    const lines = renderTextLines(paymentReceipt({ ...payment, copy: true }), { cpl: 32 }).map((l) => l.trim());
    const marks = lines.flatMap((l, i) => (l === 'SALINAN' ? [i] : []));
    expect(marks).toHaveLength(2);
    expect(marks[0]).toBeLessThan(3);
    expect(marks[1]).toBeGreaterThan(lines.findIndex((l) => l.startsWith('Simpan sebagai')));
  });

  it('refuses a receipt that does not add up', () => {
    expect(() => paymentReceipt({ ...payment, total: 25_000, change: 25_000 })).toThrow(/does not add up/);
    expect(() => paymentReceipt({ ...payment, change: 24_000 })).toThrow(/change/);
    expect(() => paymentReceipt({ ...payment, programs: [{ ...payment.programs[0], amount: 30_000.5 }] })).toThrow();
  });

  it('prints in English when asked, through the language or an i18next t', () => {
    expect(text(paymentReceipt(payment, { lang: 'en' }))).toContain('Keep this as valid proof of payment');
    const i18n = createI18n('en');
    const viaT = text(paymentReceipt(payment, { t: (k, p) => i18n.t(k, p ?? {}), lang: 'en' }));
    expect(viaT).toContain('CONTRIBUTION PAYMENT RECEIPT');
    expect(viaT).toContain('January 2026 to March 2026');
    expect(viaT).toMatch(/Period +3 months/);
  });
});

describe('other slips', () => {
  it('registration: participant, programs, monthly contribution, KPJ pending', () => {
    const out = text(registrationReceipt(registration));
    expect(out).toContain('BUKTI PENDAFTARAN PESERTA');
    expect(out).toContain('3215**********02');
    expect(out).toMatch(/No\. KPJ +menunggu nomor KPJ/);
    expect(out).toMatch(/JHT Hari Tua +Rp40\.000/);
    expect(out).toMatch(/Iuran per bulan +Rp66\.800/);
    expect(out).toContain('7 Agustus 1990');
    expect(() => registrationReceipt({ ...registration, monthlyContribution: 60_000 })).toThrow(RangeError);
  });

  it('void: original receipt, negative amount, reason, approver', () => {
    const out = text(voidReceipt(voided));
    expect(out).toMatch(/Bukti asal +KRW02-20260110-000123/);
    expect(out).toMatch(/Jumlah dibatalkan +-Rp25\.200/);
    expect(out).toContain('Alasan: Salah pilih jumlah bulan');
    expect(out).toMatch(/Disetujui +Agus Prasetyo/);
  });

  it('test page: rulers exactly as wide as the line, every printable ASCII character, a QR', () => {
    for (const cpl of [32, 48]) {
      const lines = renderTextLines(testPage({ ...testData, cpl }), { cpl });
      expect(lines).toContain('1234567890'.repeat(5).slice(0, cpl));
      const all = lines.join('');
      for (let c = 0x21; c <= 0x7e; c++) expect(all).toContain(String.fromCharCode(c));
      expect(all).toContain('[QR LOKET-TEST]');
      expect(all).toContain('10/01/2026 11:30 WITA');
    }
  });

  it('closing report: counted cash by denomination, difference against expected, per kind, reconciliation', () => {
    const out = text(closingReport(closing));
    expect(out).toMatch(/Rp100\.000 x 3 +Rp300\.000/);
    expect(out).not.toContain('Rp20.000 x 0');
    expect(out).toMatch(/Total dihitung +Rp362\.000/);
    expect(out).toMatch(/Kas seharusnya +Rp365\.000/);
    expect(out).toMatch(/Selisih +-Rp3\.000/);
    expect(out).toContain('Alasan selisih: Kembalian kurang diberikan');
    expect(out).toMatch(/Iuran \(7 trx\) +Rp190\.000/);
    expect(out).toMatch(/ADJUSTMENT \(1 trx\) +Rp200/);
    expect(out).toMatch(/Hanya di loket +1/);
    expect(out).toContain('BELUM DIREKONSILIASI');
    const over = text(closingReport({ ...closing, expectedCash: 360_000 }));
    expect(over).toMatch(/Selisih +\+Rp2\.000/);
  });
});

describe('receipt messages', () => {
  it('have the same keys in Indonesian and English', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(receipts.en).sort()).toEqual(keys(receipts.id).sort());
  });
});

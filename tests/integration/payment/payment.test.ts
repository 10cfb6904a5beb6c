import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../../support/host';
import { count, MARKET_TRADER_NIK, paymentHost, seedParticipant, type PaymentHost } from './helpers';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';

// Pembayaran iuran over the router, with the real virtual printer on a loopback port.
// The test clock stands at 25 November 2026, 10:00 WIB.

let h: PaymentHost | null = null;
afterEach(async () => {
  await h?.cleanup();
  h = null;
});

const entryOf = (ph: PaymentHost, id: string) => ph.services.ledger.byId(id) as LedgerEntryRow;

describe('payment: the market trader, November 2026 – January 2027', () => {
  it('prices two months at the PP 50/2025 rate and one at the full rate, with the reduction as its own line', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    const options = await h.ok('payment.options', { participantId: p.id });
    expect(options.currentMonth).toBe('2026-11');
    expect(options.coverage).toMatchObject({ paidUntil: null, lapsed: false, arrears: [] });
    expect(options.payableMonths.slice(0, 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(options.counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(options.offers).toEqual([1, 3, 6, 12]);
    expect(options.participant).toMatchObject({ nikMasked: '3201**********01', band: { no: 1, dpp: 1_000_000 }, programs: ['JKK', 'JKM'] });
    expect(options.central).toBe('off');

    const q = await h.ok('payment.quote', { participantId: p.id, months: 3 });
    expect(q.months.map((m: { month: string; total: number }) => [m.month, m.total])).toEqual([
      ['2026-11', 8_400], ['2026-12', 8_400], ['2027-01', 16_800],
    ]);
    expect(q.months[0].reduction).toMatchObject({ regulation: 'PP 50/2025', JKK: 5_000, JKM: 3_400, JHT: 0 });
    expect(q.months[2].reduction).toBeNull();
    expect(q.programs).toEqual([
      { code: 'JKK', dpp: 1_000_000, full: 30_000, reduction: 10_000, due: 20_000 },
      { code: 'JKM', dpp: 1_000_000, full: 20_400, reduction: 6_800, due: 13_600 },
    ]);
    expect(q.reductions).toEqual([{ regulation: 'PP 50/2025', amount: 16_800 }]);
    expect(q).toMatchObject({ from: '2026-11', to: '2027-01', totalFull: 50_400, totalReduction: 16_800, total: 33_600 });
  });

  it('"Bayar" writes one entry with its months, receipt, outbox and audit rows, and the receipt prints (80 mm)', async () => {
    h = await paymentHost({ cpl: 48 });
    const p = seedParticipant(h.services);
    const out = await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000, expectedTotal: 33_600 });
    expect(out).toMatchObject({ total: 33_600, cashTendered: 50_000, change: 16_400, months: ['2026-11', '2026-12', '2027-01'] });
    expect(out.receiptNo).toBe('64400-01-20261125-0001');
    expect(out.print).toMatchObject({ status: 'printed', copy: false, errorKey: null });

    const e = entryOf(h, out.entryId);
    expect(e).toMatchObject({ kind: 'CONTRIBUTION', amount: 33_600, payment_method: 'CASH', receipt_no: out.receiptNo, participant_id: p.id });
    expect(JSON.parse(e.payload!)).toEqual({ months: ['2026-11', '2026-12', '2027-01'], cashTendered: 50_000, change: 16_400, reactivation: false });
    const breakdown = JSON.parse(e.breakdown!);
    expect(breakdown.reductions).toEqual([{ regulation: 'PP 50/2025', amount: 16_800 }]);
    expect(breakdown.months).toHaveLength(3);
    expect(count(h.services, 'SELECT COUNT(*) AS n FROM participant_months WHERE entry_id = ? AND voided_by IS NULL', e.id)).toBe(3);
    // The receipt is kept once, as its print job (migration 15), and reads back as printed.
    expect(count(h.services, "SELECT COUNT(*) AS n FROM print_jobs WHERE ref_id = ? AND kind = 'payment' AND copy = 0", e.id)).toBe(1);
    expect(h.services.payment.storedReceipt(e.id)).toEqual({ kind: 'payment', doc: out.receipt });
    expect(count(h.services, 'SELECT COUNT(*) AS n FROM outbox WHERE entry_id = ?', e.id)).toBe(1);
    expect(count(h.services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'payment.create' AND target = ?", e.id)).toBe(1);

    const job = await h.printer!.waitForJob(1);
    const lines = job.decoded.lines;
    expect(lines.every((l) => l.length <= 48)).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain('TANDA BUKTI PEMBAYARAN IURAN');
    expect(text).toContain('KCU Nganjuk 64400');
    expect(text).toContain('Loket 1');
    expect(text).toContain(out.receiptNo);
    expect(text).toContain('25/11/2026 10:00 WIB');
    expect(text).toContain('Siti Rahayu');
    expect(text).toContain('SRI WAHYUNI');
    expect(text).toContain('3201**********01');
    expect(text).not.toContain(MARKET_TRADER_NIK);
    expect(text).toContain('November 2026 s.d. Januari 2027');
    expect(text).toContain('3 bulan');
    expect(lines.some((l) => /^JKK Kecelakaan Kerja +Rp30\.000$/.test(l))).toBe(true);
    expect(lines.some((l) => /^JKM Kematian +Rp20\.400$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Keringanan PP 50\/2025 +-Rp16\.800$/.test(l))).toBe(true);
    expect(lines.some((l) => /^TOTAL +Rp33\.600$/.test(l))).toBe(true);
    expect(text).toContain('tiga puluh tiga ribu enam ratus rupiah');
    expect(lines.some((l) => /^Tunai +Rp50\.000$/.test(l))).toBe(true);
    expect(lines.some((l) => /^Kembali +Rp16\.400$/.test(l))).toBe(true);
    expect(text).toContain('Simpan sebagai bukti pembayaran yang sah');
    expect(text).not.toContain('SALINAN');
    expect(job.decoded.qr).toEqual([out.receiptNo]);
    expect(job.decoded.cuts).toBe(1);
    expect(job.decoded.unknown).toEqual([]);

    // The months are paid now: the next payment starts in February 2027.
    const after = await h.ok('payment.options', { participantId: p.id });
    expect(after.coverage).toMatchObject({ paidUntil: '2027-01', coveredNow: true });
    expect(after.payableMonths[0]).toBe('2027-02');
    expect(after.counts).toHaveLength(9); // the cap is 12 months ahead: up to October 2027
  });

  it('prints within 32 characters on 58 mm paper, and numbers receipts gaplessly per day', async () => {
    h = await paymentHost({ cpl: 32 });
    const a = seedParticipant(h.services);
    const b = seedParticipant(h.services, { nik: '3518014708900002', name: 'BUDI SANTOSO', occupation_code: 'TRN02', transport: 1 });
    const first = await h.ok('payment.create', { participantId: a.id, months: 1, cashTendered: 8_400 });
    const second = await h.ok('payment.create', { participantId: b.id, months: 3, cashTendered: 100_000 });
    expect([first.receiptNo, second.receiptNo]).toEqual(['64400-01-20261125-0001', '64400-01-20261125-0002']);
    expect(first.change).toBe(0);
    // A transport worker keeps the reduction into 2027 (January 2026 – March 2027).
    expect(second.total).toBe(3 * 8_400);
    const jobs = [await h.printer!.waitForJob(1), await h.printer!.waitForJob(2)];
    for (const job of jobs) {
      expect(job.decoded.lines.length).toBeGreaterThan(20);
      expect(job.decoded.lines.filter((l) => l.length > 32)).toEqual([]);
      expect(job.decoded.cuts).toBe(1);
    }
    expect(jobs[1].decoded.qr).toEqual([second.receiptNo]);
    expect(jobs[1].decoded.lines.join('\n')).toContain('3518**********02');
  });
});

describe('payment: refusals', () => {
  it('refuses cash below the total next to the cash field, and writes nothing', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    const before = h.services.ledger.count();
    const r = await h.call('payment.create', { participantId: p.id, months: 3, cashTendered: 33_599 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', key: 'err.payment.cashShort', params: { total: 'Rp33.600' } });
    expect(r.error.fields).toEqual([{ path: 'cashTendered', key: 'err.payment.cashShort', params: { total: 'Rp33.600' } }]);
    expect(r.error.message).toBe('Uang kurang dari total Rp33.600.');
    expect(h.services.ledger.count()).toBe(before);
    expect(count(h.services, 'SELECT COUNT(*) AS n FROM participant_months')).toBe(0);
    expect(h.printer!.jobs()).toHaveLength(0);
  });

  it('refuses a month count outside 1..12, a count the rules do not allow now, and a changed total', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    const r13 = await h.call('payment.quote', { participantId: p.id, months: 13 });
    expect(!r13.ok && r13.error.fields).toEqual([{ path: 'months', key: 'err.payment.monthsRange' }]);
    await h.ok('payment.create', { participantId: p.id, months: 6, cashTendered: 100_000 });
    const r7 = await h.call('payment.quote', { participantId: p.id, months: 7 });
    expect(!r7.ok && r7.error).toMatchObject({ key: 'err.payment.monthsNotAllowed', params: { max: 6 } });
    const changed = await h.call('payment.create', { participantId: p.id, months: 1, cashTendered: 100_000, expectedTotal: 1 });
    expect(!changed.ok && changed.error.code).toBe('CONFLICT');
  });

  it('a technician never reaches payments', async () => {
    h = await paymentHost();
    const p = seedParticipant(h.services);
    const { signInAs } = await import('../../support/host');
    const tech = await signInAs(h.host, 'teknisi', '999999');
    for (const [procedure, input] of [['payment.options', { participantId: p.id }], ['history.list', {}]] as const) {
      const r = await h.call(procedure, input, tech);
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('payment: arrears and lapsed membership (DOMAIN.md §3)', () => {
  it('offers arrears oldest first, then the current month', async () => {
    const clock = testClock('2026-08-10T03:00:00.000Z');
    h = await paymentHost({ clock });
    const p = seedParticipant(h.services);
    await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 10_000 }); // August 2026
    clock.advance(107 * 24 * 3600_000); // 25 November 2026
    await h.relogin();
    const o = await h.ok('payment.options', { participantId: p.id });
    expect(o.coverage).toMatchObject({ paidUntil: '2026-08', arrears: ['2026-09', '2026-10'], lapsed: false, coveredNow: false });
    expect(o.payableMonths.slice(0, 4)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    const out = await h.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 30_000 });
    expect(out.months).toEqual(['2026-09', '2026-10', '2026-11']);
    const q = JSON.parse(h.services.ledger.byId(out.entryId)!.breakdown!);
    expect(q.months.map((m: { arrears: boolean }) => m.arrears)).toEqual([true, true, false]);
  });

  it('tells a lapsed membership as such, and a payment starts a new coverage period this month', async () => {
    const clock = testClock('2026-04-10T03:00:00.000Z');
    h = await paymentHost({ clock });
    const p = seedParticipant(h.services);
    await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 10_000 }); // April 2026
    clock.advance(229 * 24 * 3600_000); // 25 November 2026: May–October unpaid
    await h.relogin();
    const o = await h.ok('payment.options', { participantId: p.id });
    expect(o.coverage).toMatchObject({ lapsed: true, lapsedSince: '2026-05', paidUntil: '2026-04', arrears: [] });
    expect(o.reactivation).toBe(true);
    expect(o.payableMonths[0]).toBe('2026-11');
    const q = await h.ok('payment.quote', { participantId: p.id, months: 1 });
    expect(q).toMatchObject({ reactivation: true, from: '2026-11', to: '2026-11' });
    const out = await h.ok('payment.create', { participantId: p.id, months: 1, cashTendered: 10_000 });
    expect(JSON.parse(h.services.ledger.byId(out.entryId)!.payload!).reactivation).toBe(true);
    const again = await h.ok('payment.options', { participantId: p.id });
    expect(again.coverage).toMatchObject({ lapsed: false, periodStart: '2026-11', paidUntil: '2026-11' });
  });
});

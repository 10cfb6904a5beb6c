import { afterEach, describe, expect, it } from 'vitest';
import { paymentHost, seedParticipant, type PaymentHost } from './helpers';
import { quoteMonthRow } from '../../../shared/domain/quote-rows';
import type { Quote } from '../../../shared/contract/payment';

// The payment screen's month table adds up: charged before the reduction − the reduction = due,
// on every row (issue 15: a reduced month showed JKK Rp5.000 and JKM Rp3.400, then −Rp8.400).

let h: PaymentHost | null = null;
afterEach(async () => { await h?.cleanup(); h = null; });

describe('the month rows of a quote', () => {
  it('show full JKK and JKM, the PP 50/2025 reduction, and what is due, adding up on every row', async () => {
    h = await paymentHost({ printer: false });
    const p = seedParticipant(h.services);
    const q = (await h.ok('payment.quote', { participantId: p.id, months: 3 })) as Quote;
    const codes = q.programs.map((x) => x.code);
    const rows = q.months.map((m) => quoteMonthRow(m, codes));
    expect(rows.map((r) => r.month)).toEqual(['2026-11', '2026-12', '2027-01']);
    for (const r of rows) {
      const charged = Object.values(r.charged).reduce((a, b) => a + b, 0);
      expect(charged - r.reduction, r.month).toBe(r.due);
    }
    // Band 1 (DPP Rp1.000.000): JKK 1 % = Rp10.000 and JKM Rp6.800 charged, half of both taken off.
    expect(rows[0]).toMatchObject({ charged: { JKK: 10_000, JKM: 6_800 }, reduction: 8_400, regulation: 'PP 50/2025', due: 8_400 });
    expect(rows[2]).toMatchObject({ charged: { JKK: 10_000, JKM: 6_800 }, reduction: 0, regulation: null, due: 16_800 });
    // The rows add up to the "Per program" table: charged, reductions, total.
    expect(rows.reduce((n, r) => n + r.due, 0)).toBe(q.total);
    expect(rows.reduce((n, r) => n + r.reduction, 0)).toBe(q.reductions.reduce((n, r) => n + r.amount, 0));
  });
});

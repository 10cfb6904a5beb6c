import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countLines, countTotal, DENOMINATIONS, expectedCash, type CashEntryLike } from '../../../shared/domain/cash';

let n = 0;
const entry = (kind: string, amount: number, more: Partial<CashEntryLike> = {}): CashEntryLike =>
  ({ id: `E${String(++n).padStart(4, '0')}`, seq: n, kind, amount, payment_method: null, ref_entry_id: null, ...more });
const pay = (amount: number, more: Partial<CashEntryLike> & { payload?: unknown } = {}) =>
  entry('CONTRIBUTION', amount, { payment_method: 'CASH', ...more });

describe('denominations (DOMAIN.md §7)', () => {
  it('lists notes 100.000…1.000, then coins 1.000…100 and the optional 50', () => {
    expect(DENOMINATIONS.filter((d) => d.form === 'note').map((d) => d.value)).toEqual([100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000]);
    expect(DENOMINATIONS.filter((d) => d.form === 'coin').map((d) => d.value)).toEqual([1_000, 500, 200, 100, 50]);
    expect(DENOMINATIONS.filter((d) => 'optional' in d && d.optional).map((d) => d.value)).toEqual([50]);
  });

  it('totals a count, with the Rp1.000 note and coin kept apart', () => {
    expect(countTotal({ N100000: 3, N1000: 2, C1000: 5, C500: 1, C50: 3 })).toBe(300_000 + 2_000 + 5_000 + 500 + 150);
    expect(countTotal({})).toBe(0);
    const lines = countLines({ N5000: 4 });
    expect(lines).toHaveLength(DENOMINATIONS.length);
    expect(lines.find((l) => l.id === 'N5000')).toMatchObject({ count: 4, subtotal: 20_000 });
  });

  it('refuses negative or fractional counts', () => {
    expect(() => countTotal({ N2000: -1 })).toThrow(RangeError);
    expect(() => countTotal({ N2000: 1.5 })).toThrow(RangeError);
  });
});

describe('expectedCash: the one expected-cash function', () => {
  it('a day with a float, payments, a void and cash in/out', () => {
    const float = entry('OPENING_FLOAT', 500_000);
    const p1 = pay(50_400);
    const p2 = pay(100_800);
    const p3 = pay(16_800);
    const v = entry('VOID', -100_800, { ref_entry_id: p2.id });
    const cin = entry('CASH_IN', 200_000);
    const cout = entry('CASH_OUT', -75_000);
    const r = expectedCash([float, p1, p2, p3, v, cin, cout]);
    expect(r).toMatchObject({
      openingFloat: 500_000, cashPayments: 168_000, cashPaymentCount: 3, voidedCashPayments: 100_800, voidCount: 1,
      cashIn: 200_000, cashOut: 75_000,
    });
    expect(r.expected).toBe(500_000 + 168_000 - 100_800 + 200_000 - 75_000);
  });

  it('counts the opening float once, even when a second float is recorded or the entry is given twice', () => {
    const float = entry('OPENING_FLOAT', 300_000);
    const again = entry('OPENING_FLOAT', 300_000);
    const p = pay(20_000);
    const r = expectedCash([float, p, again, float]);
    expect(r.openingFloat).toBe(300_000);
    expect(r.expected).toBe(320_000);
    expect(r.ignoredFloats).toEqual([again.id]);
  });

  it('never counts change as income: a payment counts with its amount due, not the cash tendered', () => {
    // Rp50.400 due, Rp100.000 handed over, Rp49.600 change: the drawer grows by Rp50.400.
    const p = { ...pay(50_400), payload: JSON.stringify({ months: ['2026-11'], cashReceived: 100_000, change: 49_600 }) };
    expect(expectedCash([p]).expected).toBe(50_400);
    expect(expectedCash([p]).cashPayments).toBe(50_400);
  });

  it('a second X report does not re-sum the day: the result depends only on the set of entries', () => {
    const day = [entry('OPENING_FLOAT', 100_000), pay(10_000), pay(20_000), entry('CASH_OUT', -5_000)];
    const first = expectedCash(day);
    const second = expectedCash(day);
    expect(second).toEqual(first);
    // Feeding the same entries again (e.g. a report merged with a re-read) changes nothing.
    expect(expectedCash([...day, ...day])).toEqual(first);
    expect(first.expected).toBe(125_000);
  });

  it('a void takes cash back only for a cash payment, and only once per voided entry', () => {
    const p = pay(30_000);
    const reg = entry('REGISTRATION', 0);
    const v1 = entry('VOID', -30_000, { ref_entry_id: p.id });
    const v2 = entry('VOID', -30_000, { ref_entry_id: p.id });
    const vReg = entry('VOID', 0, { ref_entry_id: reg.id });
    const r = expectedCash([p, reg, v1, v2, vReg]);
    expect(r.voidedCashPayments).toBe(30_000);
    expect(r.voidCount).toBe(1);
    expect(r.expected).toBe(0);
  });

  it("a void of yesterday's cash payment leaves today's drawer", () => {
    const yesterday = pay(45_000);
    const v = entry('VOID', -45_000, { ref_entry_id: yesterday.id });
    expect(expectedCash([v], [yesterday]).expected).toBe(-45_000);
  });

  it('ignores what is not cash: non-cash payments, closings, registrations without money', () => {
    const r = expectedCash([
      entry('CONTRIBUTION', 16_800, { payment_method: null }), entry('CLOSING', 0), entry('REGISTRATION', 0),
      entry('CLAIM_SUBMITTED', 0),
    ]);
    expect(r.expected).toBe(0);
  });

  it('property: expected = float + payments − voids + in − out for any day, in any order', () => {
    fc.assert(fc.property(
      fc.nat({ max: 5_000_000 }),
      fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 30 }),
      fc.array(fc.boolean(), { maxLength: 30 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 5 }),
      (float, payments, voided, ins, outs) => {
        const es: CashEntryLike[] = [entry('OPENING_FLOAT', float)];
        let want = float;
        payments.forEach((a, i) => {
          const p = pay(a);
          es.push(p);
          want += a;
          if (voided[i]) { es.push(entry('VOID', -a, { ref_entry_id: p.id })); want -= a; }
        });
        for (const a of ins) { es.push(entry('CASH_IN', a)); want += a; }
        for (const a of outs) { es.push(entry('CASH_OUT', -a)); want -= a; }
        expect(expectedCash(es.reverse()).expected).toBe(want);
      },
    ));
  });
});

import { describe, expect, it } from 'vitest';
import { priceMonth, pricePeriod } from '../../../shared/domain/contribution';
import { applyDiscount, bandForIncome, createRates, listBands, rates, reductionFor } from '../../../shared/domain/rates';
import { AppError } from '../../../shared/errors';
import rateData from '../../../resources/rates/bpu-contribution.json';

// DOMAIN.md §2, written out row by row: [band, income from, DPP, JKK, JKM, JKK+JKM, JHT].
const TABLE: [number, number, number, number, number, number, number][] = [
  [1, 0, 1_000_000, 10_000, 6_800, 16_800, 20_000],
  [2, 1_100_000, 1_200_000, 12_000, 6_800, 18_800, 24_000],
  [3, 1_300_000, 1_400_000, 14_000, 6_800, 20_800, 28_000],
  [4, 1_500_000, 1_600_000, 16_000, 6_800, 22_800, 32_000],
  [5, 1_700_000, 1_800_000, 18_000, 6_800, 24_800, 36_000],
  [6, 1_900_000, 2_000_000, 20_000, 6_800, 26_800, 40_000],
  [7, 2_100_000, 2_200_000, 22_000, 6_800, 28_800, 44_000],
  [8, 2_300_000, 2_400_000, 24_000, 6_800, 30_800, 48_000],
  [9, 2_500_000, 2_600_000, 26_000, 6_800, 32_800, 52_000],
  [10, 2_700_000, 2_950_000, 29_500, 6_800, 36_300, 59_000],
  [11, 3_200_000, 3_450_000, 34_500, 6_800, 41_300, 69_000],
  [12, 3_700_000, 3_950_000, 39_500, 6_800, 46_300, 79_000],
  [13, 4_200_000, 4_450_000, 44_500, 6_800, 51_300, 89_000],
  [14, 4_700_000, 4_950_000, 49_500, 6_800, 56_300, 99_000],
  [15, 5_200_000, 5_450_000, 54_500, 6_800, 61_300, 109_000],
  [16, 5_700_000, 5_950_000, 59_500, 6_800, 66_300, 119_000],
  [17, 6_200_000, 6_450_000, 64_500, 6_800, 71_300, 129_000],
  [18, 6_700_000, 6_950_000, 69_500, 6_800, 76_300, 139_000],
  [19, 7_200_000, 7_450_000, 74_500, 6_800, 81_300, 149_000],
  [20, 7_700_000, 7_950_000, 79_500, 6_800, 86_300, 159_000],
  [21, 8_200_000, 8_700_000, 87_000, 6_800, 93_800, 174_000],
  [22, 9_200_000, 9_700_000, 97_000, 6_800, 103_800, 194_000],
  [23, 10_200_000, 10_700_000, 107_000, 6_800, 113_800, 214_000],
  [24, 11_200_000, 11_700_000, 117_000, 6_800, 123_800, 234_000],
  [25, 12_200_000, 12_700_000, 127_000, 6_800, 133_800, 254_000],
  [26, 13_200_000, 13_700_000, 137_000, 6_800, 143_800, 274_000],
  [27, 14_200_000, 14_700_000, 147_000, 6_800, 153_800, 294_000],
  [28, 15_200_000, 15_700_000, 157_000, 6_800, 163_800, 314_000],
  [29, 16_200_000, 16_700_000, 167_000, 6_800, 173_800, 334_000],
  [30, 17_200_000, 17_700_000, 177_000, 6_800, 183_800, 354_000],
  [31, 18_200_000, 18_700_000, 187_000, 6_800, 193_800, 374_000],
  [32, 19_200_000, 19_700_000, 197_000, 6_800, 203_800, 394_000],
  [33, 20_200_000, 20_700_000, 207_000, 6_800, 213_800, 414_000],
];

// A month with no reduction for anyone: the full table applies.
const FULL_MONTH = '2025-06';
const TRADER = { jht: false, transport: false } as const;

describe('band table (DOMAIN.md §2)', () => {
  it('has the 33 bands with their income bounds and DPP', () => {
    const bands = listBands(FULL_MONTH);
    expect(bands).toHaveLength(33);
    bands.forEach((b, i) => {
      expect([b.no, b.incomeFrom, b.dpp]).toEqual(TABLE[i].slice(0, 3));
      expect(b.incomeTo).toBe(i < 32 ? TABLE[i + 1][1] : null);
    });
  });

  it.each(TABLE)('band %i priced without and with JHT', (no, incomeFrom, dpp, jkk, jkm, jkkJkm, jht) => {
    const without = priceMonth({ month: FULL_MONTH, bandNo: no, ...TRADER });
    expect(without).toMatchObject({ dpp, full: { JKK: jkk, JKM: jkm, JHT: 0 }, due: { JKK: jkk, JKM: jkm, JHT: 0 }, reduction: null, total: jkkJkm });
    expect(without.programs).toEqual(['JKK', 'JKM']);
    const withJht = priceMonth({ month: FULL_MONTH, bandNo: no, jht: true, transport: false });
    expect(withJht.full).toEqual({ JKK: jkk, JKM: jkm, JHT: jht });
    expect(withJht.total).toBe(jkkJkm + jht);
    // The declared income at the band's lower bound selects the same band.
    expect(priceMonth({ month: FULL_MONTH, declaredIncome: incomeFrom, ...TRADER }).band.no).toBe(no);
  });

  it('selects a band from its lower bound up to the next lower bound', () => {
    expect(bandForIncome(0, FULL_MONTH).no).toBe(1);
    expect(bandForIncome(1_099_999, FULL_MONTH).no).toBe(1);
    expect(bandForIncome(1_100_000, FULL_MONTH).no).toBe(2);
    expect(bandForIncome(3_199_999, FULL_MONTH).no).toBe(10);
    expect(bandForIncome(8_199_999, FULL_MONTH).no).toBe(20);
    expect(bandForIncome(50_000_000, FULL_MONTH).no).toBe(33);
  });

  it('refuses unknown bands, negative income, and both/neither of band and income', () => {
    expect(() => priceMonth({ month: FULL_MONTH, bandNo: 34, ...TRADER })).toThrow(AppError);
    expect(() => bandForIncome(-1, FULL_MONTH)).toThrow(AppError);
    expect(() => priceMonth({ month: FULL_MONTH, ...TRADER })).toThrow(AppError);
    expect(() => priceMonth({ month: FULL_MONTH, bandNo: 1, declaredIncome: 0, ...TRADER })).toThrow(AppError);
    expect(() => priceMonth({ month: '2026-13', bandNo: 1, ...TRADER })).toThrow(AppError);
  });

  it('has no table before PP 44/2015 took effect', () => {
    try {
      priceMonth({ month: '2015-06', bandNo: 1, ...TRADER });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).key).toBe('err.rates.noSchedule');
    }
    expect(priceMonth({ month: '2015-07', bandNo: 1, ...TRADER }).total).toBe(16_800);
  });
});

describe('PP 50/2025 reduction, by the month paid for', () => {
  it('market trader pays Nov 2026 – Jan 2027 on band 1 without JHT: 8.400 + 8.400 + 16.800', () => {
    const p = pricePeriod(['2027-01', '2026-11', '2026-12'], { bandNo: 1, ...TRADER });
    expect(p.months.map((m) => [m.month, m.total])).toEqual([['2026-11', 8_400], ['2026-12', 8_400], ['2027-01', 16_800]]);
    expect(p.months[0].reduction).toEqual({ id: 'pp-50-2025', regulation: 'PP 50/2025', discountBasisPoints: 5000, JKK: 5_000, JKM: 3_400, JHT: 0 });
    expect(p.months[2].reduction).toBeNull();
    expect(p).toMatchObject({
      from: '2026-11', to: '2027-01', total: 33_600, totalFull: 50_400, totalReduction: 16_800, regulations: ['PP 50/2025'],
      totals: { full: { JKK: 30_000, JKM: 20_400, JHT: 0 }, reduction: { JKK: 10_000, JKM: 6_800, JHT: 0 }, due: { JKK: 20_000, JKM: 13_600, JHT: 0 } },
    });
  });

  it('never reduces JHT', () => {
    const m = priceMonth({ month: '2026-06', bandNo: 5, jht: true, transport: false });
    expect(m.due).toEqual({ JKK: 9_000, JKM: 3_400, JHT: 36_000 });
    expect(m.total).toBe(48_400);
  });

  it('half rates may end in 50 and stay exact (band 10: 18.150)', () => {
    const m = priceMonth({ month: '2026-05', bandNo: 10, ...TRADER });
    expect(m.due).toEqual({ JKK: 14_750, JKM: 3_400, JHT: 0 });
    expect(m.total).toBe(18_150);
  });

  it.each([
    ['2025-12', false, false], ['2026-01', true, false], ['2026-03', true, false], ['2026-04', true, true],
    ['2026-12', true, true], ['2027-01', true, false], ['2027-03', true, false], ['2027-04', false, false],
  ])('month %s: transport reduced %s, other occupations reduced %s', (month, transport, other) => {
    expect(reductionFor(month, { transport: true }) !== null).toBe(transport);
    expect(reductionFor(month, { transport: false }) !== null).toBe(other);
  });

  it('a transport driver pays 2027-03 at 50 % and 2027-04 in full', () => {
    const p = pricePeriod(['2027-03', '2027-04'], { bandNo: 1, jht: false, transport: true });
    expect(p.months.map((m) => m.total)).toEqual([8_400, 16_800]);
  });

  it('excludes state-funded participants and, by default, employers', () => {
    expect(priceMonth({ month: '2026-06', bandNo: 1, ...TRADER, stateFunded: true }).reduction).toBeNull();
    const employer = priceMonth({ month: '2026-06', bandNo: 1, jht: false, transport: false, employer: true });
    expect(employer.reduction).toBeNull();
    // Employers take all three programs (DOMAIN.md §1).
    expect(employer.programs).toEqual(['JKK', 'JKM', 'JHT']);
    expect(employer.total).toBe(36_800);
    // The open question is a setting: when employers qualify they get the half rate on JKK/JKM.
    const allowed = priceMonth({ month: '2026-06', bandNo: 1, jht: true, transport: false, employer: true, employerEligible: true });
    expect(allowed.due).toEqual({ JKK: 5_000, JKM: 3_400, JHT: 20_000 });
  });

  it('refuses an empty or repeated list of months', () => {
    expect(() => pricePeriod([], { bandNo: 1, ...TRADER })).toThrow(AppError);
    expect(() => pricePeriod(['2026-11', '2026-11'], { bandNo: 1, ...TRADER })).toThrow(AppError);
  });
});

describe('PP 49/2020 (history row: 99 % off JKK and JKM, Aug 2020 – Jan 2021)', () => {
  it('charges 1 % of JKK and JKM in the window, full outside it', () => {
    const p = pricePeriod(['2020-07', '2020-08', '2021-01', '2021-02'], { bandNo: 1, jht: true, transport: false });
    expect(p.months.map((m) => m.due)).toEqual([
      { JKK: 10_000, JKM: 6_800, JHT: 20_000 },
      { JKK: 100, JKM: 68, JHT: 20_000 },
      { JKK: 100, JKM: 68, JHT: 20_000 },
      { JKK: 10_000, JKM: 6_800, JHT: 20_000 },
    ]);
    expect(p.months[1].reduction).toMatchObject({ regulation: 'PP 49/2020', JKK: 9_900, JKM: 6_732 });
    expect(p.regulations).toEqual(['PP 49/2020']);
    expect(p.total).toBe(36_800 + 20_168 + 20_168 + 36_800);
  });

  it('applies to transport and other occupations alike', () => {
    expect(reductionFor('2020-10', { transport: true })?.regulation).toBe('PP 49/2020');
    expect(reductionFor('2020-10', { transport: false })?.regulation).toBe('PP 49/2020');
  });
});

describe('rounding of reduced amounts (due rounded half up; due + reduction = full)', () => {
  it.each([
    [18_000, 5000, 9_000], [18_150, 5000, 9_075], [6_801, 5000, 3_401], [29_550, 9900, 296], [29_549, 9900, 295], [6_800, 9900, 68], [0, 5000, 0],
  ])('%i less %i bp → %i due', (full, bp, due) => {
    const r = applyDiscount(full, bp);
    expect(r.due).toBe(due);
    expect(r.due + r.reduction).toBe(full);
  });
});

describe('effective dating and table validation', () => {
  const clone = () => JSON.parse(JSON.stringify(rateData));

  it('prices each month with the schedule in force on its first day', () => {
    const table = clone();
    table.schedules.push({ ...table.schedules[0], effectiveFrom: '2028-01-01', jkmFlat: 8_000 });
    const r = createRates(table);
    const p = pricePeriod(['2027-12', '2028-01'], { bandNo: 1, ...TRADER }, r);
    expect(p.months.map((m) => m.full.JKM)).toEqual([6_800, 8_000]);
  });

  it('the shipped table loads and carries the payment rules', () => {
    expect(rates.payment).toEqual(expect.objectContaining({ monthsOffered: [1, 3, 6, 12], maxMonthsAhead: 12, arrearsMaxMonths: 3, dueDay: 15 }));
  });

  it('rejects overlapping reductions, misnumbered bands and DPPs that give fractions', () => {
    const overlap = clone();
    overlap.reductions.push({ ...overlap.reductions[0], id: 'dup', periods: [{ appliesTo: 'all', from: '2026-06', to: '2026-07' }] });
    expect(() => createRates(overlap)).toThrow(/overlap/);
    const misnumbered = clone();
    misnumbered.schedules[0].bands[3].no = 9;
    expect(() => createRates(misnumbered)).toThrow();
    const fractional = clone();
    fractional.schedules[0].bands[0].dpp = 1_000_050;
    expect(() => createRates(fractional)).toThrow(/whole rupiah/);
    const literal = clone();
    literal.payment.monthsOffered = [1, 24];
    expect(() => createRates(literal)).toThrow();
  });
});

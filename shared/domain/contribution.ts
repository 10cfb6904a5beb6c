import { z } from 'zod';
import { AppError, invalidInput } from '../errors';
import type { Rupiah } from '../money';
import { monthSchema, sortMonths, type YearMonth } from './months';
import { rates as defaultRates, applyDiscount, type Band, type Program, type Rates } from './rates';

// The price of one contribution month, and of several months paid together. Every amount is
// integer rupiah computed from the effective-dated table: JKK = DPP × bp / 10 000,
// JKM flat, JHT = DPP × bp / 10 000 (optional unless the worker is an employer).

export type ProgramAmounts = Record<Program, Rupiah>;

export const priceOptionsSchema = z.object({
  bandNo: z.number().int().positive().optional(),
  declaredIncome: z.number().int().nonnegative().optional(),
  jht: z.boolean(),
  transport: z.boolean(),
  employer: z.boolean().optional(),
  stateFunded: z.boolean().optional(),
  /** Setting: whether BPU employers get PP 50/2025 (open question; table default: no). */
  employerEligible: z.boolean().optional(),
}).refine((o) => (o.bandNo === undefined) !== (o.declaredIncome === undefined), {
  error: 'err.contribution.bandOrIncome',
});
export type PriceOptions = z.infer<typeof priceOptionsSchema>;

export interface MonthReduction {
  id: string;
  regulation: string;
  discountBasisPoints: number;
  JKK: Rupiah;
  JKM: Rupiah;
  JHT: Rupiah;
}

export interface MonthPrice {
  month: YearMonth;
  band: Band;
  dpp: Rupiah;
  /** Programs charged: JKK and JKM always, JHT when chosen (always for employers). */
  programs: Program[];
  full: ProgramAmounts;
  reduction: MonthReduction | null;
  due: ProgramAmounts;
  total: Rupiah;
}

export interface PeriodPrice {
  from: YearMonth;
  to: YearMonth;
  months: MonthPrice[];
  totals: { full: ProgramAmounts; reduction: ProgramAmounts; due: ProgramAmounts };
  /** Regulations that reduced at least one month, in the order first met. */
  regulations: string[];
  totalFull: Rupiah;
  totalReduction: Rupiah;
  total: Rupiah;
}

/** Parses or throws the app's INVALID_INPUT error with field keys. */
function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

const zero = (): ProgramAmounts => ({ JKK: 0, JKM: 0, JHT: 0 });
const PROGRAMS: Program[] = ['JKK', 'JKM', 'JHT'];

export function priceMonth(input: PriceOptions & { month: YearMonth }, r: Rates = defaultRates): MonthPrice {
  const month = checked(monthSchema, input.month);
  const opts = checked(priceOptionsSchema, input);
  const band = opts.bandNo !== undefined ? r.bandByNo(opts.bandNo, month) : r.bandForIncome(opts.declaredIncome!, month);
  const schedule = r.scheduleFor(month);
  // DOMAIN.md §1: a BPU who is an employer takes all three programs.
  const withJht = opts.jht || opts.employer === true;
  const programs: Program[] = withJht ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'];

  // The schema guarantees DPP × bp is a multiple of 10 000, so these divisions are exact.
  const full: ProgramAmounts = {
    JKK: (band.dpp * schedule.jkkBasisPoints) / 10_000,
    JKM: schedule.jkmFlat,
    JHT: withJht ? (band.dpp * schedule.jhtBasisPoints) / 10_000 : 0,
  };

  const found = r.reductionFor(month, {
    transport: opts.transport, employer: opts.employer, stateFunded: opts.stateFunded, employerEligible: opts.employerEligible,
  });
  const due = { ...full };
  let reduction: MonthReduction | null = null;
  if (found) {
    reduction = { id: found.id, regulation: found.regulation, discountBasisPoints: found.discountBasisPoints, ...zero() };
    for (const p of found.programs) {
      const d = applyDiscount(full[p], found.discountBasisPoints);
      due[p] = d.due;
      reduction[p] = d.reduction;
    }
  }
  return { month, band, dpp: band.dpp, programs, full, reduction, due, total: due.JKK + due.JKM + due.JHT };
}

/** Prices each month (oldest first) and sums per program; months must not repeat. */
export function pricePeriod(months: readonly YearMonth[], opts: PriceOptions, r: Rates = defaultRates): PeriodPrice {
  if (months.length === 0) throw new AppError('INVALID_INPUT', 'err.contribution.noMonths');
  const sorted = sortMonths(months.map((m) => checked(monthSchema, m)));
  if (sorted.length !== months.length) throw new AppError('INVALID_INPUT', 'err.contribution.duplicateMonth');

  const priced = sorted.map((month) => priceMonth({ ...opts, month }, r));
  const totals = { full: zero(), reduction: zero(), due: zero() };
  const regulations: string[] = [];
  for (const m of priced) {
    for (const p of PROGRAMS) {
      totals.full[p] += m.full[p];
      totals.due[p] += m.due[p];
      totals.reduction[p] += m.reduction?.[p] ?? 0;
    }
    if (m.reduction && !regulations.includes(m.reduction.regulation)) regulations.push(m.reduction.regulation);
  }
  const sum = (a: ProgramAmounts) => a.JKK + a.JKM + a.JHT;
  return {
    from: sorted[0], to: sorted[sorted.length - 1], months: priced, totals, regulations,
    totalFull: sum(totals.full), totalReduction: sum(totals.reduction), total: sum(totals.due),
  };
}

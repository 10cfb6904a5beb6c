import { AppError } from '../errors';
import { assertRupiah, type Rupiah } from '../money';
import { assertMonth, monthsBetween, type YearMonth } from './months';
import {
  rateTableSchema, type PaymentRules, type Program, type RateSchedule, type RateTable, type ReductionRow,
} from './rates-schema';
import rateData from '../../resources/rates/bpu-contribution.json' with { type: 'json' };

// Typed, effective-dated access to the contribution table. Every lookup takes the month being
// paid for (YYYY-MM): both the band table and any reduction follow that month, never the day
// the money is taken.

export type { PaymentRules, Program, RateSchedule, RateTable } from './rates-schema';

export interface Band {
  no: number;
  /** Lowest declared monthly income in this band. */
  incomeFrom: Rupiah;
  /** The next band's lower bound (exclusive), or null for the top band. */
  incomeTo: Rupiah | null;
  /** Dasar Pengenaan Premi: the base JKK and JHT are computed on. */
  dpp: Rupiah;
}

export interface ReductionContext {
  /** Transport occupation (ojek/ojol, drivers, couriers, logistics): decides PP 50/2025 dates. */
  transport: boolean;
  /** A BPU who is an employer. */
  employer?: boolean;
  /** JKK/JKM paid by the state budget (APBN/APBD). */
  stateFunded?: boolean;
  /** Overrides the table's default for employers (an open legal question; a setting). */
  employerEligible?: boolean;
}

export interface Reduction {
  id: string;
  regulation: string;
  programs: Program[];
  discountBasisPoints: number;
  from: YearMonth;
  to: YearMonth;
}

export interface Rates {
  scheduleFor(month: YearMonth): RateSchedule;
  listBands(month: YearMonth): Band[];
  bandForIncome(income: Rupiah, month: YearMonth): Band;
  bandByNo(no: number, month: YearMonth): Band;
  reductionFor(month: YearMonth, ctx: ReductionContext): Reduction | null;
  payment: PaymentRules;
  table: RateTable;
}

/** Amount due after a discount, rounded half up to whole rupiah; the reduction is the rest. */
export function applyDiscount(full: Rupiah, discountBasisPoints: number): { due: Rupiah; reduction: Rupiah } {
  assertRupiah(full);
  // full ≤ a few million and bp ≤ 10 000: the product stays far below 2^53, so this is exact.
  const due = Math.floor((full * (10_000 - discountBasisPoints) + 5_000) / 10_000);
  return { due, reduction: full - due };
}

/** Builds the lookups over a (validated) table; tests pass their own tables. */
export function createRates(input: unknown): Rates {
  const table = rateTableSchema.parse(input);
  // Newest first, so the first schedule in force on a month's first day wins.
  const schedules = [...table.schedules].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const bandCache = new Map<RateSchedule, Band[]>();

  function scheduleFor(month: YearMonth): RateSchedule {
    const firstDay = `${assertMonth(month)}-01`;
    const s = schedules.find((x) => x.effectiveFrom <= firstDay);
    if (!s) throw new AppError('INVALID_INPUT', 'err.rates.noSchedule', { month });
    return s;
  }

  function listBands(month: YearMonth): Band[] {
    const s = scheduleFor(month);
    let bands = bandCache.get(s);
    if (!bands) {
      bands = s.bands.map((b, i) => ({
        no: b.no, incomeFrom: b.incomeFrom, dpp: b.dpp,
        incomeTo: i + 1 < s.bands.length ? s.bands[i + 1].incomeFrom : null,
      }));
      bandCache.set(s, bands);
    }
    return bands.map((b) => ({ ...b }));
  }

  function bandForIncome(income: Rupiah, month: YearMonth): Band {
    if (!Number.isSafeInteger(income) || income < 0) throw new AppError('INVALID_INPUT', 'err.contribution.income', { income: String(income) });
    const bands = listBands(month);
    for (let i = bands.length - 1; i >= 0; i--) if (income >= bands[i].incomeFrom) return bands[i];
    return bands[0];
  }

  function bandByNo(no: number, month: YearMonth): Band {
    const band = listBands(month).find((b) => b.no === no);
    if (!band) throw new AppError('INVALID_INPUT', 'err.contribution.band', { band: String(no), max: listBands(month).length });
    return band;
  }

  function eligible(r: ReductionRow, ctx: ReductionContext): boolean {
    if (ctx.stateFunded && r.excludesStateFunded) return false;
    if (ctx.employer && !(ctx.employerEligible ?? r.employerEligibleDefault)) return false;
    return true;
  }

  function reductionFor(month: YearMonth, ctx: ReductionContext): Reduction | null {
    assertMonth(month);
    for (const r of table.reductions) {
      if (!eligible(r, ctx)) continue;
      for (const p of r.periods) {
        const classFits = p.appliesTo === 'all' || (p.appliesTo === 'transport') === ctx.transport;
        if (classFits && monthsBetween(p.from, month) >= 0 && monthsBetween(month, p.to) >= 0) {
          return { id: r.id, regulation: r.regulation, programs: [...r.programs], discountBasisPoints: r.discountBasisPoints, from: p.from, to: p.to };
        }
      }
    }
    return null;
  }

  return { scheduleFor, listBands, bandForIncome, bandByNo, reductionFor, payment: table.payment, table };
}

/** The table shipped in resources/rates, checked once when this module loads. */
export const rates: Rates = createRates(rateData);

export const listBands = (month: YearMonth): Band[] => rates.listBands(month);
export const bandForIncome = (income: Rupiah, month: YearMonth): Band => rates.bandForIncome(income, month);
export const bandByNo = (no: number, month: YearMonth): Band => rates.bandByNo(no, month);
export const reductionFor = (month: YearMonth, ctx: ReductionContext): Reduction | null => rates.reductionFor(month, ctx);
export const paymentRules = (): PaymentRules => rates.payment;

import { AppError } from '../../../shared/errors';
import { businessDateOf, type TimeZone } from '../../../shared/dates';
import { coverageStatus, payableMonths, type CoverageStatus, type Payable } from '../../../shared/domain/coverage';
import { pricePeriod, type PriceOptions, type PeriodPrice } from '../../../shared/domain/contribution';
import { isMonth, sortMonths, type YearMonth } from '../../../shared/domain/months';
import { bandByNo, bandForIncome, paymentRules } from '../../../shared/domain/rates';
import { maskNik } from '../../../shared/domain/nik';
import { PROGRAMS, type Program } from '../../../shared/ledger/entry';
import type { Quote } from '../../../shared/contract/payment';
import { programsOf, type ParticipantRow } from '../participants/repo';

// From a participant row and the months they paid to what they may pay and what it costs.
// Pure functions over the domain rules: no I/O, so the payment service stays thin.

/** The month the participant's (latest) registration falls in, in the branch's zone. */
export function registeredMonthOf(p: ParticipantRow, zone: TimeZone): YearMonth {
  const at = new Date(p.registered_at);
  if (!Number.isNaN(at.getTime())) return businessDateOf(at, zone).slice(0, 7);
  const head = p.registered_at.slice(0, 7);
  if (isMonth(head)) return head;
  throw new AppError('INVALID_INPUT', 'err.payment.participantData', { field: 'registered_at' });
}

export function priceOptionsOf(p: ParticipantRow): PriceOptions {
  const programs = programsOf(p);
  const base = { jht: programs.includes('JHT'), transport: p.transport === 1 };
  if (p.income_band !== null) return { ...base, bandNo: p.income_band };
  if (p.declared_income !== null) return { ...base, declaredIncome: p.declared_income };
  throw new AppError('INVALID_INPUT', 'err.payment.participantData', { field: 'income_band' });
}

export function bandOf(p: ParticipantRow, month: YearMonth): { no: number; dpp: number } {
  const b = p.income_band !== null ? bandByNo(p.income_band, month) : bandForIncome(p.declared_income ?? 0, month);
  return { no: b.no, dpp: b.dpp };
}

export interface PaymentContext {
  participant: ParticipantRow;
  registeredMonth: YearMonth;
  currentMonth: YearMonth;
  paidMonths: YearMonth[];
  coverage: CoverageStatus;
  payable: Payable;
  /** Every month count that may be chosen now: 1..min(cap, payable months). */
  counts: number[];
}

export function paymentContext(p: ParticipantRow, paidMonths: readonly YearMonth[], currentMonth: YearMonth, zone: TimeZone): PaymentContext {
  const registeredMonth = registeredMonthOf(p, zone);
  const paid = sortMonths(paidMonths);
  const input = { registeredMonth, paidMonths: paid, currentMonth };
  const payable = payableMonths(input);
  const cap = Math.max(...paymentRules().monthsOffered, 1);
  const max = Math.min(cap, payable.months.length);
  return {
    participant: p, registeredMonth, currentMonth, paidMonths: paid,
    coverage: coverageStatus(input), payable,
    counts: Array.from({ length: max }, (_, i) => i + 1),
  };
}

/** The first `count` payable months, or a field error when that many may not be paid now. */
export function monthsToPay(ctx: PaymentContext, count: number): YearMonth[] {
  if (!ctx.counts.includes(count)) {
    const max = ctx.counts.length;
    throw new AppError('INVALID_INPUT', max === 0 ? 'err.payment.nothingPayable' : 'err.payment.monthsNotAllowed', { max }, [
      { path: 'months', key: max === 0 ? 'err.payment.nothingPayable' : 'err.payment.monthsNotAllowed', params: { max } },
    ]);
  }
  return ctx.payable.months.slice(0, count);
}

export function quoteOf(ctx: PaymentContext, months: readonly YearMonth[]): { quote: Quote; price: PeriodPrice } {
  const price = pricePeriod(months, priceOptionsOf(ctx.participant));
  const charged = new Set<Program>(price.months.flatMap((m) => m.programs));
  const arrears = new Set(ctx.payable.arrears);
  const reductions = price.regulations.map((regulation) => ({
    regulation,
    amount: price.months.filter((m) => m.reduction?.regulation === regulation)
      .reduce((s, m) => s + m.reduction!.JKK + m.reduction!.JKM + m.reduction!.JHT, 0),
  }));
  const quote: Quote = {
    participantId: ctx.participant.id,
    from: price.from,
    to: price.to,
    months: price.months.map((m) => ({
      month: m.month, dpp: m.dpp, full: m.full, due: m.due, total: m.total, arrears: arrears.has(m.month),
      reduction: m.reduction ? { regulation: m.reduction.regulation, JKK: m.reduction.JKK, JKM: m.reduction.JKM, JHT: m.reduction.JHT } : null,
    })),
    programs: PROGRAMS.filter((c) => charged.has(c)).map((code) => ({
      code, dpp: price.months[0].dpp, full: price.totals.full[code], reduction: price.totals.reduction[code], due: price.totals.due[code],
    })),
    reductions,
    totalFull: price.totalFull,
    totalReduction: price.totalReduction,
    total: price.total,
    reactivation: ctx.payable.reactivation,
  };
  return { quote, price };
}

export function participantSummary(ctx: PaymentContext) {
  const p = ctx.participant;
  return {
    id: p.id, name: p.name, nikMasked: maskNik(p.nik), kpj: p.kpj, programs: programsOf(p), occupationCode: p.occupation_code,
    transport: p.transport === 1, origin: p.origin, registeredBranchName: p.registered_branch_name,
    registeredMonth: ctx.registeredMonth, band: bandOf(p, ctx.currentMonth),
  };
}

import { addMonths, assertMonth, dayOfMonth, monthRange, monthsBetween, sortMonths, type YearMonth } from './months';
import { paymentRules, type PaymentRules } from './rates';

// Coverage and arrears, DOMAIN.md §3. A worker is covered for the months paid; "covered until"
// is the last paid month. Unpaid months may be paid late for at most `arrearsMaxMonths`
// (3) months, oldest first, with no fine. More than 3 consecutive unpaid months end the
// membership: the worker re-registers or re-activates and a new coverage period starts.
// All of it is month arithmetic on 'YYYY-MM' strings; "now" is the current business month.

export interface CoverageInput {
  /** Month of (the latest) registration. */
  registeredMonth: YearMonth;
  /** Every month ever paid for (any order, duplicates ignored). */
  paidMonths: readonly YearMonth[];
  /** The current business month. */
  currentMonth: YearMonth;
  /** Overrides for the table's payment rules (settings). */
  rules?: Partial<PaymentRules>;
}

export interface CoverageStatus {
  /** First month of the coverage period the worker is in (registration or re-start). */
  periodStart: YearMonth;
  /** Last paid month of that period, or null when nothing was paid in it. */
  paidUntil: YearMonth | null;
  /** Whether the current month is paid. */
  coveredNow: boolean;
  /** Unpaid months that may still be paid, oldest first (at most `arrearsMaxMonths`). */
  arrears: YearMonth[];
  /** Older unpaid months of the period that can no longer be paid. */
  missed: YearMonth[];
  /** Consecutive unpaid months just before the current month. */
  unpaidRun: number;
  /** More than `arrearsMaxMonths` consecutive unpaid months: membership ended. */
  lapsed: boolean;
  /** First month of the unpaid run that ended the membership. */
  lapsedSince: YearMonth | null;
}

function rulesOf(input: CoverageInput): PaymentRules {
  return { ...paymentRules(), ...input.rules };
}

/** Where the current coverage period starts: after the last unpaid run longer than the limit. */
function currentPeriodStart(registered: YearMonth, paid: YearMonth[], limit: number): YearMonth {
  let start = registered;
  let previous: YearMonth | null = null;
  for (const m of paid) {
    const gap = previous === null ? monthsBetween(registered, m) : monthsBetween(previous, m) - 1;
    if (gap > limit) start = m;
    previous = m;
  }
  return start;
}

export function coverageStatus(input: CoverageInput): CoverageStatus {
  const registered = assertMonth(input.registeredMonth);
  const current = assertMonth(input.currentMonth);
  const { arrearsMaxMonths } = rulesOf(input);
  const paid = sortMonths(input.paidMonths).filter((m) => monthsBetween(registered, m) >= 0);
  const paidSet = new Set(paid);

  const periodStart = currentPeriodStart(registered, paid, arrearsMaxMonths);
  const inPeriod = paid.filter((m) => monthsBetween(periodStart, m) >= 0);
  const paidUntil = inPeriod.length ? inPeriod[inPeriod.length - 1] : null;

  const past = monthRange(periodStart, addMonths(current, -1));
  let unpaidRun = 0;
  for (let i = past.length - 1; i >= 0 && !paidSet.has(past[i]); i--) unpaidRun++;
  const lapsed = unpaidRun > arrearsMaxMonths;

  const unpaid = past.filter((m) => !paidSet.has(m));
  const windowStart = addMonths(current, -arrearsMaxMonths);
  const arrears = lapsed ? [] : unpaid.filter((m) => monthsBetween(windowStart, m) >= 0);
  const missed = unpaid.filter((m) => !arrears.includes(m));

  return {
    periodStart, paidUntil, coveredNow: paidSet.has(current), arrears, missed, unpaidRun, lapsed,
    lapsedSince: lapsed ? addMonths(current, -unpaidRun) : null,
  };
}

export interface Payable {
  /** Months that may be paid, oldest first; a payment of n months takes the first n. */
  months: YearMonth[];
  /** The arrears among them. */
  arrears: YearMonth[];
  /** The membership lapsed: paying starts a new coverage period at the current month. */
  reactivation: boolean;
  /** Counts from the counter's offer (1, 3, 6, 12) that fit in `months`. */
  offers: number[];
  /** The latest month that may be paid now (current month + cap − 1). */
  horizon: YearMonth;
}

/** Which months may be paid next: arrears first, then the current month and ahead up to the cap. */
export function payableMonths(input: CoverageInput): Payable {
  const rules = rulesOf(input);
  const status = coverageStatus(input);
  const current = input.currentMonth;
  const horizon = addMonths(current, rules.maxMonthsAhead - 1);
  const paidSet = new Set(input.paidMonths);
  // Nothing before registration (or the start of the current period) is payable.
  const from = monthsBetween(status.periodStart, current) >= 0 ? current : status.periodStart;
  const ahead = monthRange(from, horizon).filter((m) => !paidSet.has(m));
  const months = [...status.arrears, ...ahead];
  return {
    months,
    arrears: status.arrears,
    reactivation: status.lapsed,
    offers: rules.monthsOffered.filter((n) => n <= months.length),
    horizon,
  };
}

/** The day a contribution month is due: the 15th of that month (holidays not moved here). */
export function dueDate(month: YearMonth, rules: Partial<PaymentRules> = {}): string {
  return dayOfMonth(month, rules.dueDay ?? paymentRules().dueDay);
}

/** Whether a month's contribution is past its due date on `today` (YYYY-MM-DD). */
export function isOverdue(month: YearMonth, today: string, rules: Partial<PaymentRules> = {}): boolean {
  return today > dueDate(month, rules);
}

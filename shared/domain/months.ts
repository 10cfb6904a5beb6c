import { z } from 'zod';

// Contributions are paid per calendar month, written 'YYYY-MM'. These helpers do the
// month arithmetic on those strings without Date objects, so no time zone can shift a month.

export type YearMonth = string;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthSchema = z.string().regex(MONTH_RE, { error: 'err.month.format' });

export function isMonth(value: unknown): value is YearMonth {
  return typeof value === 'string' && MONTH_RE.test(value);
}

export function assertMonth(value: unknown): YearMonth {
  if (!isMonth(value)) throw new TypeError(`expected a month 'YYYY-MM', got ${String(value)}`);
  return value;
}

/** Months since year 0: a single integer that is easy to compare and subtract. */
function toIndex(month: YearMonth): number {
  const m = MONTH_RE.exec(assertMonth(month))!;
  return Number(m[1]) * 12 + (Number(m[2]) - 1);
}

function fromIndex(index: number): YearMonth {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) throw new TypeError(`month offset must be an integer, got ${n}`);
  return fromIndex(toIndex(month) + n);
}

/** How many months `to` lies after `from` (negative when before). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return toIndex(to) - toIndex(from);
}

export function compareMonths(a: YearMonth, b: YearMonth): number {
  return Math.sign(toIndex(a) - toIndex(b));
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = toIndex(from), end = toIndex(to); i <= end; i++) out.push(fromIndex(i));
  return out;
}

/** The month of a 'YYYY-MM-DD' date. */
export function monthOf(isoDate: string): YearMonth {
  return assertMonth(isoDate.slice(0, 7));
}

/** A given day of a month as 'YYYY-MM-DD' (the day is clamped to the month's length). */
export function dayOfMonth(month: YearMonth, day: number): string {
  const [y, m] = assertMonth(month).split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Math.min(Math.max(1, day), last);
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** Sorted, de-duplicated copy (oldest first). */
export function sortMonths(months: readonly YearMonth[]): YearMonth[] {
  return [...new Set(months.map(assertMonth))].sort();
}

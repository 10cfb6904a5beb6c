import type { Period } from '../../../shared/protocol/central';

// Evaluation-period arithmetic on 'YYYY-MM-DD' business dates (calendar days, no zone), and the
// progress figures a head reads: how far, how many days left, what pace is needed.

const DAY_MS = 86_400_000;
const dayIndex = (isoDate: string): number => Date.UTC(+isoDate.slice(0, 4), +isoDate.slice(5, 7) - 1, +isoDate.slice(8, 10)) / DAY_MS;

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayIndex(to) - dayIndex(from);
}

/**
 * The usual evaluation periods when the central server was never reached: three four-month
 * periods a year with the partnership's minimum of 500 new participants (DOMAIN.md §8). The
 * real dates and targets come from the server's /v1/targets as soon as it answers once.
 */
export const USUAL_TARGET = 500;
export function usualPeriodOf(today: string): Period {
  const year = today.slice(0, 4);
  const m = +today.slice(5, 7);
  const n = m <= 4 ? 1 : m <= 8 ? 2 : 3;
  const [from, to] = n === 1 ? ['01-01', '04-30'] : n === 2 ? ['05-01', '08-31'] : ['09-01', '12-31'];
  return { id: `${year}-P${n}`, name: `Periode ${['I', 'II', 'III'][n - 1]} ${year}`, from: `${year}-${from}`, to: `${year}-${to}`, target: USUAL_TARGET };
}

/** The period that contains today; else the latest one that ended; else null. */
export function pickPeriod(periods: readonly Period[], today: string): Period | null {
  const containing = periods.filter((p) => p.from <= today && today <= p.to).sort((a, b) => b.from.localeCompare(a.from));
  if (containing.length) return containing[0];
  const past = periods.filter((p) => p.to < today).sort((a, b) => b.to.localeCompare(a.to));
  return past[0] ?? null;
}

export interface Progress {
  target: number; branchTotal: number; remaining: number; percent: number;
  daysTotal: number; dayOfPeriod: number; daysLeft: number; paceNeeded: number; expectedByToday: number; onTrack: boolean;
}

/** Progress of `total` new participants against the period's target on `today`. */
export function progressOf(period: Period, total: number, today: string): Progress {
  const daysTotal = daysBetween(period.from, period.to) + 1;
  const elapsed = Math.min(Math.max(daysBetween(period.from, today) + 1, 0), daysTotal); // days done, today included
  const daysLeft = Math.max(0, Math.min(daysTotal, daysBetween(today, period.to) + 1));
  const remaining = Math.max(0, period.target - total);
  const paceNeeded = remaining === 0 ? 0 : daysLeft === 0 ? remaining : Math.ceil(remaining / daysLeft);
  const expectedByToday = Math.ceil((period.target * elapsed) / daysTotal);
  return {
    target: period.target, branchTotal: total, remaining,
    percent: period.target === 0 ? 100 : Math.floor((total * 100) / period.target),
    daysTotal, dayOfPeriod: Math.max(0, Math.min(daysTotal, daysBetween(period.from, today) + 1)), daysLeft,
    paceNeeded, expectedByToday, onTrack: total >= expectedByToday,
  };
}

/** Every date from `from` to `to`, both included. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const start = dayIndex(from);
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) out.push(new Date((start + i) * DAY_MS).toISOString().slice(0, 10));
  return out;
}

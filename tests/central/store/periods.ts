import { businessDateOf } from '../../../shared/dates';
import type { Period } from '../../../shared/protocol/central';
import type { DB } from '../db';

// Evaluation periods of the Pos–BPJS partnership and each branch's target (DOMAIN.md §8: at
// least 500 new BPU participants per office per period, several periods a year). The number
// and dates of periods are not published, so they are configurable; the default is three
// four-month periods a year.

export const DEFAULT_TARGET = 500;

const THIRDS = [
  { n: 'I', from: '01-01', to: '04-30', months: 'Januari–April' },
  { n: 'II', from: '05-01', to: '08-31', months: 'Mei–Agustus' },
  { n: 'III', from: '09-01', to: '12-31', months: 'September–Desember' },
];

export function defaultPeriods(years: number[], target = DEFAULT_TARGET): Period[] {
  return years.flatMap((year) => THIRDS.map((t, i) => ({
    id: `${year}-P${i + 1}`,
    name: `Periode ${t.n} ${year} (${t.months})`,
    from: `${year}-${t.from}`,
    to: `${year}-${t.to}`,
    target,
  })));
}

export interface BranchTarget { periodId: string; branchCode: string; target: number }

interface PeriodRow { id: string; name: string; from_date: string; to_date: string; target: number }
const toPeriod = (r: PeriodRow): Period => ({ id: r.id, name: r.name, from: r.from_date, to: r.to_date, target: r.target });

export function createPeriodStore(db: DB, now: () => Date) {
  const s = {
    all: db.prepare<[], PeriodRow>('SELECT * FROM periods ORDER BY from_date, id'),
    get: db.prepare<[string], PeriodRow>('SELECT * FROM periods WHERE id = ?'),
    forBranch: db.prepare<[string], PeriodRow>(`SELECT p.id, p.name, p.from_date, p.to_date,
      COALESCE(t.target, p.target) AS target
      FROM periods p LEFT JOIN branch_targets t ON t.period_id = p.id AND t.branch_code = ?
      ORDER BY p.from_date, p.id`),
    containing: db.prepare<[string], PeriodRow>(
      'SELECT * FROM periods WHERE ? BETWEEN from_date AND to_date ORDER BY from_date DESC LIMIT 1'),
    count: db.prepare<[], number>('SELECT COUNT(*) FROM periods').pluck(),
    clearTargets: db.prepare('DELETE FROM branch_targets'),
    clear: db.prepare('DELETE FROM periods'),
    insert: db.prepare('INSERT INTO periods (id, name, from_date, to_date, target) VALUES (@id, @name, @from, @to, @target)'),
    insertTarget: db.prepare('INSERT OR REPLACE INTO branch_targets (period_id, branch_code, target) VALUES (?, ?, ?)'),
  };

  const replace = db.transaction((periods: Period[], targets: BranchTarget[]) => {
    s.clearTargets.run();
    s.clear.run();
    for (const p of periods) s.insert.run(p);
    for (const t of targets) s.insertTarget.run(t.periodId, t.branchCode, t.target);
  });

  return {
    list: (): Period[] => s.all.all().map(toPeriod),
    get: (id: string): Period | null => { const r = s.get.get(id); return r ? toPeriod(r) : null; },
    /** Periods with this branch's own target where one is set. */
    forBranch: (branchCode: string): Period[] => s.forBranch.all(branchCode).map(toPeriod),
    /** The period that contains today (Asia/Jakarta, where the partnership is run from). */
    current: (): Period | null => {
      const r = s.containing.get(businessDateOf(now(), 'Asia/Jakarta'));
      return r ? toPeriod(r) : null;
    },
    /** Replaces every period and branch target. */
    replace: (periods: Period[], targets: BranchTarget[] = []): void => { replace(periods, targets); },
    /** On a new database: last year, this year and next year, three periods each. */
    ensureDefaults: (): void => {
      if (s.count.get() === 0) {
        const year = now().getUTCFullYear();
        replace(defaultPeriods([year - 1, year, year + 1]), []);
      }
    },
  };
}
export type PeriodStore = ReturnType<typeof createPeriodStore>;

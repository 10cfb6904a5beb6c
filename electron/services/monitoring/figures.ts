import type { Db } from '../db/open';
import { datesOf } from './period';

// The branch's own figures, computed from this counter's ledger (the record) for one period:
// REGISTRATION entries count as new participants unless a VOID reversed them; CONTRIBUTION
// entries count as payments unless voided. Grouped per counter, teller and business date.

export interface LedgerFigures {
  registrations: number;
  perTeller: { userId: string; name: string; registrations: number; payments: number; amount: number }[];
  perCounter: { counterId: string; registrations: number; payments: number }[];
  series: { date: string; registrations: number; payments: number }[];
}

interface Group { kind: 'REGISTRATION' | 'CONTRIBUTION'; counter_id: string; user_id: string; business_date: string; n: number; amount: number }

export function createLedgerFigures(db: Db) {
  const groups = db.prepare<{ branch: string; from: string; to: string }, Group>(`
    SELECT e.kind, e.counter_id, e.user_id, e.business_date, COUNT(*) AS n, SUM(e.amount) AS amount
    FROM ledger_entries e
    WHERE e.kind IN ('REGISTRATION', 'CONTRIBUTION') AND e.branch_code = @branch
      AND e.business_date BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.kind = 'VOID' AND v.ref_entry_id = e.id)
    GROUP BY e.kind, e.counter_id, e.user_id, e.business_date`);
  // What the central server has counted of ours: acknowledged registrations whose void (if
  // any) it has not acknowledged. Its standings less this = the other counters of the branch.
  const atCentral = db.prepare<{ branch: string; from: string; to: string }, number>(`
    SELECT COUNT(*) FROM ledger_entries e JOIN sync_acks a ON a.entry_id = e.id
    WHERE e.kind = 'REGISTRATION' AND e.branch_code = @branch AND e.business_date BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM ledger_entries v JOIN sync_acks va ON va.entry_id = v.id
                      WHERE v.kind = 'VOID' AND v.ref_entry_id = e.id)`).pluck();
  const users = db.prepare<[], { id: string; display_name: string }>('SELECT id, display_name FROM users');

  return {
    /** Figures of the period from `from` to `to`; the series runs from `from` to `seriesTo`. */
    of(branch: string, from: string, to: string, seriesTo: string): LedgerFigures {
      const rows = groups.all({ branch, from, to });
      const names = new Map(users.all().map((u) => [u.id, u.display_name]));
      const tellers = new Map<string, LedgerFigures['perTeller'][number]>();
      const counters = new Map<string, LedgerFigures['perCounter'][number]>();
      const days = new Map<string, { registrations: number; payments: number }>();
      let registrations = 0;
      for (const r of rows) {
        const reg = r.kind === 'REGISTRATION';
        const teller = tellers.get(r.user_id) ?? { userId: r.user_id, name: names.get(r.user_id) ?? r.user_id, registrations: 0, payments: 0, amount: 0 };
        const counter = counters.get(r.counter_id) ?? { counterId: r.counter_id, registrations: 0, payments: 0 };
        const day = days.get(r.business_date) ?? { registrations: 0, payments: 0 };
        if (reg) {
          registrations += r.n;
          teller.registrations += r.n; counter.registrations += r.n; day.registrations += r.n;
        } else {
          teller.payments += r.n; teller.amount += r.amount; counter.payments += r.n; day.payments += r.n;
        }
        tellers.set(r.user_id, teller); counters.set(r.counter_id, counter); days.set(r.business_date, day);
      }
      const series = seriesTo < from ? [] : datesOf(from, seriesTo).map((date) => ({ date, ...(days.get(date) ?? { registrations: 0, payments: 0 }) }));
      return {
        registrations,
        perTeller: [...tellers.values()].sort((a, b) => b.registrations - a.registrations || b.payments - a.payments || a.name.localeCompare(b.name)),
        perCounter: [...counters.values()].sort((a, b) => a.counterId.localeCompare(b.counterId)),
        series,
      };
    },
    /** This counter's registrations in the period that the central server counts now. */
    countedAtCentral: (branch: string, from: string, to: string): number => atCentral.get({ branch, from, to }) ?? 0,
  };
}
export type LedgerFiguresRepo = ReturnType<typeof createLedgerFigures>;

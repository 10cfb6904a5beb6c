import type { WinBackRow } from '../../../shared/contract/monitoring';
import { coverageStatus, isOverdue } from '../../../shared/domain/coverage';
import { compareMonths, monthOf } from '../../../shared/domain/months';
import { normalisePhone } from '../../../shared/domain/phone';
import { businessDateOf, type TimeZone } from '../../../shared/dates';
import type { Db } from '../db/open';

// The win-back list: participants registered at this branch (registration not voided) whose
// coverage has lapsed or is not paid for the current month, with their phone numbers, to call.
// Paid months are this counter's `participant_months` (not voided). Order = urgency: first
// those in arrears, most months behind first (one more unpaid month and the membership ends,
// which a call today still prevents); then this month unpaid, past the due date first; then the
// lapsed (they must re-activate), most recently lapsed first.

interface Row { id: string; name: string; kpj: string | null; phone: string | null; registered_at: string; reg_date: string | null }

const RANK: Record<WinBackRow['status'], number> = { arrears: 0, due: 1, lapsed: 2 };

export function createWinBack(db: Db) {
  const participants = db.prepare<[string], Row>(`
    SELECT p.id, p.name, p.kpj, p.phone, p.registered_at, e.business_date AS reg_date
    FROM participants p LEFT JOIN ledger_entries e ON e.id = p.registration_entry_id
    WHERE p.registered_branch_code = ?
      AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.kind = 'VOID' AND v.ref_entry_id = p.registration_entry_id)`);
  const months = db.prepare<[string], { participant_id: string; month: string }>(`
    SELECT m.participant_id, m.month FROM participant_months m JOIN participants p ON p.id = m.participant_id
    WHERE p.registered_branch_code = ? AND m.voided_by IS NULL`);

  return {
    list(branch: string, today: string, zone: TimeZone, limit: number): { total: number; rows: WinBackRow[] } {
      const currentMonth = monthOf(today);
      const paid = new Map<string, string[]>();
      for (const m of months.all(branch)) {
        const list = paid.get(m.participant_id);
        if (list) list.push(m.month); else paid.set(m.participant_id, [m.month]);
      }
      const out: WinBackRow[] = [];
      for (const p of participants.all(branch)) {
        const registeredOn = p.reg_date ?? (p.registered_at.length > 10 ? businessDateOf(p.registered_at, zone) : p.registered_at.slice(0, 10));
        const registeredMonth = monthOf(registeredOn);
        if (compareMonths(registeredMonth, currentMonth) > 0) continue;
        const c = coverageStatus({ registeredMonth, paidMonths: paid.get(p.id) ?? [], currentMonth });
        if (c.coveredNow || (c.paidUntil !== null && compareMonths(c.paidUntil, currentMonth) >= 0)) continue;
        const status: WinBackRow['status'] = c.lapsed ? 'lapsed' : c.arrears.length > 0 ? 'arrears' : 'due';
        const phone = p.phone ? normalisePhone(p.phone) : null;
        out.push({
          participantId: p.id, name: p.name, kpj: p.kpj, phone: p.phone,
          phoneLocal: phone?.ok ? phone.local : p.phone,
          registeredOn, paidUntil: c.paidUntil, status, unpaidRun: c.unpaidRun,
          overdue: isOverdue(currentMonth, today),
          lapsedSince: c.lapsedSince,
        });
      }
      out.sort((a, b) => RANK[a.status] - RANK[b.status]
        || (a.status === 'lapsed' ? (b.lapsedSince ?? '').localeCompare(a.lapsedSince ?? '') : b.unpaidRun - a.unpaidRun)
        || a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId));
      return { total: out.length, rows: out.slice(0, limit) };
    },
  };
}

import type { Db } from '../db/open';

// The participant_months projection (migration 6): which months a participant paid at this
// counter, by which entry, and which of those a VOID took back. Writes run inside the caller's
// (ledger) transaction.

export function createMonthsRepo(db: Db) {
  const paid = db.prepare('SELECT month FROM participant_months WHERE participant_id = ? AND voided_by IS NULL ORDER BY month').pluck();
  const voidedOnly = db.prepare(`SELECT DISTINCT m.month FROM participant_months m WHERE m.participant_id = ? AND m.voided_by IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM participant_months a WHERE a.participant_id = m.participant_id AND a.month = m.month AND a.voided_by IS NULL)
    ORDER BY m.month`).pluck();
  const ofEntry = db.prepare('SELECT month FROM participant_months WHERE entry_id = ? ORDER BY month').pluck();
  const insert = db.prepare('INSERT INTO participant_months (participant_id, month, entry_id, voided_by) VALUES (?, ?, ?, NULL)');
  const markVoided = db.prepare('UPDATE participant_months SET voided_by = ? WHERE entry_id = ? AND voided_by IS NULL');
  return {
    /** Months paid here and not voided, oldest first. */
    paid: (participantId: string): string[] => paid.all(participantId) as string[],
    /** Months whose payment here was voided and not paid again (the central server may not know yet). */
    voidedOnly: (participantId: string): string[] => voidedOnly.all(participantId) as string[],
    ofEntry: (entryId: string): string[] => ofEntry.all(entryId) as string[],
    record(participantId: string, months: readonly string[], entryId: string): void {
      for (const m of months) insert.run(participantId, m, entryId);
    },
    voidEntry: (entryId: string, voidEntryId: string): number => markVoided.run(voidEntryId, entryId).changes,
  };
}
export type MonthsRepo = ReturnType<typeof createMonthsRepo>;

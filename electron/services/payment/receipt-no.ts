import type { Db } from '../db/open';

// Receipt numbers: `<branch>-<counter>-<YYYYMMDD>-<nnnn>`, e.g. `64400-01-20261125-0001`.
// Gapless per counter per business day: the next number is read from the ledger inside the
// transaction that writes the entry carrying it, so a rolled-back entry frees its number and
// two entries can never share one. Any kind that prints a slip (payment, void, registration)
// may draw from the same sequence.

export interface ReceiptNoParts { branchCode: string; counterNumber: number; counterId: string; businessDate: string }

export function receiptPrefix(p: Pick<ReceiptNoParts, 'branchCode' | 'counterNumber' | 'businessDate'>): string {
  return `${p.branchCode}-${String(p.counterNumber).padStart(2, '0')}-${p.businessDate.replaceAll('-', '')}-`;
}

/** The day's highest number so far; walks ledger_entries_day (migrations 12 and 15) backwards, one row read. */
export const LAST_RECEIPT_NO_SQL = `SELECT receipt_no FROM ledger_entries
  WHERE counter_id = ? AND business_date = ? AND receipt_no IS NOT NULL AND substr(receipt_no, 1, ?) = ?
  ORDER BY length(receipt_no) DESC, receipt_no DESC LIMIT 1`;

export function createReceiptNumbers(db: Db) {
  const last = db.prepare(LAST_RECEIPT_NO_SQL).pluck();
  return {
    /** The next number of the day. Call it inside the transaction that records the entry. */
    next(p: ReceiptNoParts): string {
      if (!db.inTransaction) throw new Error('receipt numbers are drawn inside the recording transaction');
      const prefix = receiptPrefix(p);
      const prev = last.get(p.counterId, p.businessDate, prefix.length, prefix) as string | undefined;
      const n = prev ? Number(prev.slice(prefix.length)) + 1 : 1;
      if (!Number.isSafeInteger(n)) throw new Error(`unreadable receipt number ${prev}`);
      return `${prefix}${String(n).padStart(4, '0')}`;
    },
  };
}
export type ReceiptNumbers = ReturnType<typeof createReceiptNumbers>;

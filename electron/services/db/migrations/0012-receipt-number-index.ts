import type { Migration } from '../migrate';

// The next receipt number of a day is read from the day's last one. Without an index on it,
// every payment scanned and sorted all of the counter's entries of the day: the thousandth
// payment of a busy day read a thousand rows. This index holds the day's numbers in the order
// the look-up wants them, so it reads one (receipt-no.ts).
export const m0012: Migration = {
  version: 12,
  name: 'receipt-number-index',
  up(db) {
    db.exec(`
      CREATE INDEX ledger_entries_receipt_no ON ledger_entries (counter_id, business_date, length(receipt_no), receipt_no)
        WHERE receipt_no IS NOT NULL;
    `);
  },
};

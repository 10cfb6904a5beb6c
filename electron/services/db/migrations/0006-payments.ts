import type { Migration } from '../migrate';

// Contribution months paid per participant, and the receipt printed for each money entry.
// Both are projections written in the same transaction as their ledger entry (the ledger stays
// the record). A month row is never deleted: a VOID marks it with `voided_by`, so a month can be
// paid, voided and paid again, but only one unvoided row may exist per participant and month.
// `receipts` keeps the layout (ReceiptDoc JSON) as printed, so a reprint shows what was printed.
export const m0006: Migration = {
  version: 6,
  name: 'payments',
  up(db) {
    db.exec(`
      CREATE TABLE participant_months (
        participant_id TEXT NOT NULL REFERENCES participants(id),
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        entry_id TEXT NOT NULL REFERENCES ledger_entries(id),
        voided_by TEXT REFERENCES ledger_entries(id),
        PRIMARY KEY (entry_id, month)
      ) STRICT;
      CREATE UNIQUE INDEX participant_months_paid ON participant_months (participant_id, month) WHERE voided_by IS NULL;
      CREATE INDEX participant_months_participant ON participant_months (participant_id, month);

      CREATE TABLE receipts (
        entry_id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
        receipt_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        doc_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};

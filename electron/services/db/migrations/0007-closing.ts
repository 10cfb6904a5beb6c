import type { Migration } from '../migrate';

// Closing a business day (DESIGN.md §4). The CLOSING ledger entry is the record; `closings`
// keeps what comes after it (the report as built, its PDF, the central server's
// acknowledgement). The triggers make "CLOSED without its CLOSING entry" impossible in the
// file itself, whatever code writes to it.
export const m0007: Migration = {
  version: 7,
  name: 'closing',
  up(db) {
    db.exec(`
      CREATE TABLE closings (
        counter_id TEXT NOT NULL,
        business_date TEXT NOT NULL,
        entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries(id),
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        report_json TEXT NOT NULL,
        pdf_path TEXT,
        central_closing_id TEXT,
        acked_at TEXT,
        send_attempts INTEGER NOT NULL DEFAULT 0,
        last_send_error TEXT,
        PRIMARY KEY (counter_id, business_date)
      ) STRICT;
      CREATE INDEX closings_unacked ON closings (acked_at) WHERE acked_at IS NULL;

      -- One CLOSING entry per counter and business date.
      CREATE UNIQUE INDEX ledger_entries_one_closing ON ledger_entries (counter_id, business_date) WHERE kind = 'CLOSING';

      -- A day becomes CLOSED only together with its CLOSING entry (same transaction).
      CREATE TRIGGER business_days_closed_needs_entry BEFORE UPDATE OF state ON business_days
        WHEN NEW.state = 'CLOSED' AND NOT EXISTS (
          SELECT 1 FROM ledger_entries
          WHERE id = NEW.closing_entry_id AND kind = 'CLOSING'
            AND counter_id = NEW.counter_id AND business_date = NEW.business_date)
        BEGIN SELECT RAISE(ABORT, 'DAY_CLOSED: a day is closed only with its CLOSING entry'); END;
      CREATE TRIGGER business_days_insert_not_closed BEFORE INSERT ON business_days
        WHEN NEW.state = 'CLOSED'
        BEGIN SELECT RAISE(ABORT, 'DAY_CLOSED: a day is closed only with its CLOSING entry'); END;
    `);
  },
};

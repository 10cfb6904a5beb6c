import type { Migration } from '../migrate';

// Every B-tree a transaction touches is at least one page (4 KiB) more in the WAL at its commit,
// and a durable commit's fsync grows with the bytes it flushes. A payment touched 23 B-trees and
// wrote 25 WAL frames (issue 15: the commit rate). This step keeps every table and every
// question the code asks, with fewer trees per write:
// - participant_months is stored in its primary key's order (WITHOUT ROWID: one tree, not a
//   table plus its key), and loses the index that repeated participant_months_paid for rows
//   that were never voided; voided rows (rare) get a partial index of their own;
// - outbox likewise, keyed by entry id; personal_data (migration 14) too, keyed by participant
//   and version (a registration's or correction's record: a few hundred bytes);
// - audit_log keeps its ids but drops AUTOINCREMENT (its sqlite_sequence row was rewritten on
//   every insert; the log is append-only, so ids are never reused anyway) and the `at` index no
//   query uses;
// - ledger_entries: the day index and the receipt-number index (migration 12) become one, which
//   serves both; it is UNIQUE, so two entries of a day can never share a receipt number (the
//   guarantee the receipts table gave, now for every kind that prints a slip). The ledger's rows
//   and their hashes are untouched.
// The receipts table stays for the receipts it holds; new receipts are kept once, in their
// print job (payment-service.ts).

function rebuild(db: Parameters<Migration['up']>[0], table: string, create: string, columns: string): void {
  db.exec(`
    ${create.replace(`CREATE TABLE ${table} `, `CREATE TABLE ${table}_new `)};
    INSERT INTO ${table}_new (${columns}) SELECT ${columns} FROM ${table};
    DROP TABLE ${table};
    ALTER TABLE ${table}_new RENAME TO ${table};
  `);
}

export const m0015: Migration = {
  version: 15,
  name: 'fewer-pages-per-commit',
  up(db) {
    rebuild(db, 'participant_months', `CREATE TABLE participant_months (
        participant_id TEXT NOT NULL REFERENCES participants(id),
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
        entry_id TEXT NOT NULL REFERENCES ledger_entries(id),
        voided_by TEXT REFERENCES ledger_entries(id),
        PRIMARY KEY (entry_id, month)
      ) STRICT, WITHOUT ROWID`, 'participant_id, month, entry_id, voided_by');
    db.exec(`
      CREATE UNIQUE INDEX participant_months_paid ON participant_months (participant_id, month) WHERE voided_by IS NULL;
      CREATE INDEX participant_months_voided ON participant_months (participant_id, month) WHERE voided_by IS NOT NULL;
    `);

    rebuild(db, 'outbox', `CREATE TABLE outbox (
        entry_id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
        seq INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','rejected')),
        enqueued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        last_error TEXT
      ) STRICT, WITHOUT ROWID`, 'entry_id, seq, state, enqueued_at, attempts, last_attempt_at, last_error');
    db.exec('CREATE INDEX outbox_pending ON outbox (state, seq);');

    rebuild(db, 'personal_data', `CREATE TABLE personal_data (
        participant_id TEXT NOT NULL REFERENCES participants(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries(id),
        salt TEXT,
        data TEXT,
        created_at TEXT NOT NULL,
        erased_at TEXT,
        PRIMARY KEY (participant_id, version),
        CHECK ((salt IS NULL) = (data IS NULL)),
        CHECK (erased_at IS NULL OR salt IS NULL)
      ) STRICT, WITHOUT ROWID`, 'participant_id, version, entry_id, salt, data, created_at, erased_at');

    // DROP TABLE fires no DELETE trigger: the append-only guards go with the old table and are
    // set again on the new one.
    rebuild(db, 'audit_log', `CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        username TEXT,
        counter_id TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        detail TEXT
      ) STRICT`, 'id, at, user_id, username, counter_id, action, target, detail');
    db.exec(`
      DELETE FROM sqlite_sequence WHERE name = 'audit_log';
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);

    // NULL receipt numbers (entries that print nothing) never collide in a UNIQUE index.
    db.exec(`
      DROP INDEX ledger_entries_day;
      DROP INDEX ledger_entries_receipt_no;
      CREATE UNIQUE INDEX ledger_entries_day ON ledger_entries (counter_id, business_date, length(receipt_no), receipt_no);
    `);
  },
};

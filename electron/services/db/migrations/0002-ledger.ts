import type { Migration } from '../migrate';

// The append-only, hash-chained ledger (DESIGN.md §2, §9), the business days it is written
// into, and the outbox that carries entries to the central server.
export const m0002: Migration = {
  version: 2,
  name: 'ledger',
  up(db) {
    db.exec(`
      CREATE TABLE business_days (
        counter_id TEXT NOT NULL,
        business_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('OPEN','CLOSING','CLOSED')),
        opened_at TEXT NOT NULL,
        closing_started_at TEXT,
        closed_at TEXT,
        closing_entry_id TEXT,
        PRIMARY KEY (counter_id, business_date)
      ) STRICT;

      -- A day only moves forward (OPEN → CLOSING → CLOSED, or CLOSING back to OPEN when a
      -- head cancels a closing); a CLOSED day never changes again.
      CREATE TRIGGER business_days_closed_is_final BEFORE UPDATE ON business_days
        WHEN OLD.state = 'CLOSED'
        BEGIN SELECT RAISE(ABORT, 'DAY_CLOSED: a closed business day cannot change'); END;
      CREATE TRIGGER business_days_no_delete BEFORE DELETE ON business_days
        BEGIN SELECT RAISE(ABORT, 'business days are never deleted'); END;

      CREATE TABLE ledger_entries (
        id TEXT PRIMARY KEY,
        counter_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        business_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        branch_code TEXT NOT NULL,
        user_id TEXT NOT NULL,
        participant_id TEXT,
        amount INTEGER NOT NULL,
        breakdown TEXT,
        payment_method TEXT,
        receipt_no TEXT,
        ref_entry_id TEXT,
        payload TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (counter_id, seq)
      ) STRICT;
      CREATE INDEX ledger_entries_day ON ledger_entries (counter_id, business_date);
      CREATE INDEX ledger_entries_participant ON ledger_entries (participant_id);
      CREATE INDEX ledger_entries_ref ON ledger_entries (ref_entry_id);

      CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
      CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

      -- The chain is checked as it is written: gapless seq, prev_hash = the previous hash.
      CREATE TRIGGER ledger_entries_chain BEFORE INSERT ON ledger_entries
        WHEN NEW.seq <> COALESCE((SELECT MAX(seq) FROM ledger_entries WHERE counter_id = NEW.counter_id), 0) + 1
          OR NEW.prev_hash <> COALESCE(
               (SELECT hash FROM ledger_entries WHERE counter_id = NEW.counter_id AND seq = NEW.seq - 1),
               '0000000000000000000000000000000000000000000000000000000000000000')
        BEGIN SELECT RAISE(ABORT, 'ledger chain broken: seq or prev_hash does not follow'); END;

      -- Nothing is written into a day that is not open (a CLOSING entry goes into a closing day).
      CREATE TRIGGER ledger_entries_open_day BEFORE INSERT ON ledger_entries
        WHEN NOT EXISTS (
          SELECT 1 FROM business_days
          WHERE counter_id = NEW.counter_id AND business_date = NEW.business_date
            AND (state = 'OPEN' OR (state = 'CLOSING' AND NEW.kind = 'CLOSING')))
        BEGIN SELECT RAISE(ABORT, 'DAY_CLOSED: the business day is not open'); END;

      -- Waiting to be acknowledged by the central server. A row leaves only on acknowledgement.
      CREATE TABLE outbox (
        entry_id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
        seq INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','rejected')),
        enqueued_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_attempt_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (state, seq);

      -- What the central server answered for each entry it acknowledged.
      CREATE TABLE sync_acks (
        entry_id TEXT PRIMARY KEY REFERENCES ledger_entries(id),
        status TEXT NOT NULL CHECK (status IN ('accepted','duplicate')),
        acked_at TEXT NOT NULL,
        kpj TEXT
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate';

// Personal data out of the hash chain (issue 16, DESIGN.md §11). From here on a REGISTRATION or
// PARTICIPANT_CORRECTION entry carries only a commitment (HMAC-SHA-256 under a random salt) to
// the worker's personal data; the data and its salt are kept here, one row per version, in the
// same transaction as the entry that commits to it. Rows are never rewritten but for erasure,
// which empties salt and data of every version (crypto-shredding: the commitment then proves
// nothing, and the chain, which never held the data, still verifies). Entries written before
// this migration keep their data in clear: the chain is never rewritten.
export const m0014: Migration = {
  version: 14,
  name: 'personal-data',
  up(db) {
    db.exec(`
      CREATE TABLE personal_data (
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
      ) STRICT;
    `);
  },
};

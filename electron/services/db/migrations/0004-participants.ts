import type { Migration } from '../migrate';

// Participants known at this counter: registered here (origin 'local', written in the same
// transaction as their REGISTRATION entry) or looked up at the central server (origin
// 'central'). This table is a projection: the ledger is the record. The KPJ number arrives
// from the central server with sync, so it starts NULL ("menunggu nomor KPJ").
export const m0004: Migration = {
  version: 4,
  name: 'participants',
  up(db) {
    db.exec(`
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        nik TEXT NOT NULL UNIQUE,
        kpj TEXT UNIQUE,
        name TEXT NOT NULL,
        birth_place TEXT,
        birth_date TEXT NOT NULL,
        sex TEXT CHECK (sex IN ('M','F')),
        mother_name TEXT,
        phone TEXT,
        address TEXT,
        village_code TEXT,
        district_code TEXT,
        regency_code TEXT,
        province_code TEXT,
        occupation_code TEXT,
        transport INTEGER NOT NULL DEFAULT 0,
        income_band INTEGER,
        declared_income INTEGER,
        programs TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('local','central')),
        registered_branch_code TEXT,
        registered_branch_name TEXT,
        registered_at TEXT NOT NULL,
        registration_entry_id TEXT REFERENCES ledger_entries(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX participants_name ON participants (name COLLATE NOCASE);
      CREATE INDEX participants_registered ON participants (registered_at);
    `);
  },
};

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// The central double's own SQLite file. `entries` keeps every column of the ledger row exactly
// (so the server can recompute the hash) plus what the server knows about its arrival.
// Participants, paid months and standings are derived from entries; voids are applied when
// asked (a VOID may arrive before or after what it reverses).

export type DB = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS branches (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, province_code TEXT NOT NULL,
  regency_code TEXT NOT NULL, time_zone TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS enrol_codes (
  code TEXT PRIMARY KEY, branch_code TEXT NOT NULL REFERENCES branches(code),
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, device_id TEXT
);
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, branch_code TEXT NOT NULL REFERENCES branches(code),
  counter_number INTEGER NOT NULL, counter_id TEXT NOT NULL, enrolled_at TEXT NOT NULL,
  client_time TEXT NOT NULL, revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS devices_counter ON devices(counter_id);
CREATE TABLE IF NOT EXISTS entries (
  id TEXT PRIMARY KEY, counter_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL,
  business_date TEXT NOT NULL, created_at TEXT NOT NULL, branch_code TEXT NOT NULL, user_id TEXT NOT NULL,
  participant_id TEXT, amount INTEGER NOT NULL, breakdown TEXT, payment_method TEXT, receipt_no TEXT,
  ref_entry_id TEXT, payload TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  received_at TEXT NOT NULL, device_id TEXT, planted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS entries_day ON entries(counter_id, business_date, seq, id);
CREATE INDEX IF NOT EXISTS entries_ref ON entries(ref_entry_id) WHERE ref_entry_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS entries_registrations ON entries(business_date, branch_code) WHERE kind = 'REGISTRATION';
-- A participant's paid months are read from the payloads of its contributions (json_each).
CREATE INDEX IF NOT EXISTS entries_contributions ON entries(participant_id) WHERE kind = 'CONTRIBUTION';
CREATE TABLE IF NOT EXISTS participants (
  participant_id TEXT PRIMARY KEY, nik TEXT NOT NULL, kpj TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  birth_date TEXT NOT NULL, branch_code TEXT NOT NULL, registered_at TEXT NOT NULL, programs TEXT NOT NULL,
  income_band TEXT, occupation_code TEXT, registration_entry_id TEXT NOT NULL UNIQUE, payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_nik ON participants(nik);
-- Personal data of v2 entries (issue 16): one row per version, beside the entry that commits to
-- it. Erasure empties salt and data, and the participant's personal columns.
CREATE TABLE IF NOT EXISTS personal_data (
  entry_id TEXT PRIMARY KEY, participant_id TEXT NOT NULL, version INTEGER NOT NULL, salt TEXT, data TEXT,
  received_at TEXT NOT NULL, erased_at TEXT
);
CREATE INDEX IF NOT EXISTS personal_data_participant ON personal_data(participant_id);
CREATE TABLE IF NOT EXISTS closings (
  closing_id TEXT PRIMARY KEY, counter_id TEXT NOT NULL, business_date TEXT NOT NULL,
  closing_entry_id TEXT NOT NULL, closing_hash TEXT NOT NULL, report TEXT NOT NULL,
  received_at TEXT NOT NULL, device_id TEXT NOT NULL, UNIQUE (counter_id, business_date)
);
CREATE TABLE IF NOT EXISTS periods (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, from_date TEXT NOT NULL, to_date TEXT NOT NULL, target INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS branch_targets (
  period_id TEXT NOT NULL REFERENCES periods(id) ON DELETE CASCADE, branch_code TEXT NOT NULL,
  target INTEGER NOT NULL, PRIMARY KEY (period_id, branch_code)
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('kpj_next', 1);
`;

/** Tables a test may count to prove a request wrote nothing. */
export const TABLES = [
  'branches', 'enrol_codes', 'devices', 'entries', 'participants', 'personal_data', 'closings', 'periods', 'branch_targets',
] as const;

export function openCentralDb(path: string): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // The double trades fsync-per-commit for speed; WAL keeps it consistent across a crash.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}

export function countRows(db: DB): Record<(typeof TABLES)[number], number> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const t of TABLES) out[t] = (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  return out;
}

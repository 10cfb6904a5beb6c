import type Database from 'better-sqlite3';
import { openSqlite } from './driver';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/**
 * The ledger file exists but cannot be opened or is damaged. It is never replaced or
 * repaired silently: the counter stops and tells the technician what to do.
 */
export class LedgerFileError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(
      `Berkas buku besar ${file} tidak dapat dibuka atau rusak (${reason}). Loket tidak mengubah berkas ini. ` +
      'Teknisi: salin berkas ini untuk diperiksa, lalu pulihkan cadangan terakhir (Pengaturan → Cadangan) ' +
      'atau hubungi dukungan. / The ledger file cannot be opened or is damaged; Loket left it untouched. ' +
      'Technician: copy the file for inspection, then restore the latest backup or call support.',
    );
    this.name = 'LedgerFileError';
  }
}

/**
 * Opens the counter's ledger file with the durability settings DESIGN.md §2 asks for
 * (WAL, synchronous=FULL, foreign keys) and brings its schema up to date.
 */
export function openLedgerDb(file: string): Db {
  mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = openSqlite(file);
    // A quick structural check before anything writes: a damaged file is reported, never migrated.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (e) {
    throw new LedgerFileError(file, e instanceof Error ? e.message : String(e));
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  runMigrations(db, MIGRATIONS);
  return db;
}

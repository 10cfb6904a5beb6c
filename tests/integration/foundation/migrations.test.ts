import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openLedgerDb } from '../../../electron/services/db/open';
import { appliedVersions, runMigrations, type Migration } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { tempDir } from '../../support/tmp';
import { createReceiptNumbers, LAST_RECEIPT_NO_SQL } from '../../../electron/services/payment/receipt-no';

let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

describe('numbered migrations', () => {
  it('builds a fresh file with WAL, synchronous=FULL and foreign keys, and records every step', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = openLedgerDb(join(t.dir, 'ledger.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it('leaves an already-migrated file as it is, data included', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const file = join(t.dir, 'ledger.sqlite');
    const db = openLedgerDb(file);
    db.prepare("INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES ('u1','siti','Siti','teller','x','now')").run();
    db.close();
    const again = openLedgerDb(file);
    expect(runMigrations(again, MIGRATIONS)).toEqual([]);
    expect((again.prepare('SELECT username FROM users').get() as { username: string }).username).toBe('siti');
    again.close();
  });

  it('migration 11: the reference index holds only entries that refer to another, and void look-ups still use it', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = openLedgerDb(join(t.dir, 'ledger.sqlite'));
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_entries_ref'").pluck().get() as string;
    expect(sql).toMatch(/WHERE ref_entry_id IS NOT NULL/);
    const plan = (query: string) => (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...(query.includes('?') ? ['x'] : [])) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // The payment service's "is this voided?" and the history's join on voids.
    expect(plan("SELECT id, receipt_no FROM ledger_entries WHERE kind = 'VOID' AND ref_entry_id = ?")).toMatch(/ledger_entries_ref/);
    expect(plan(`SELECT e.id FROM ledger_entries e LEFT JOIN ledger_entries v ON v.ref_entry_id = e.id AND v.kind = 'VOID'`)).toMatch(/ledger_entries_ref/);
    db.close();
  });

  it('migrations 12 and 15: the next receipt number reads the day\'s last one from an index, without sorting the day', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = openLedgerDb(join(t.dir, 'ledger.sqlite'));
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_entries_day'").pluck().get() as string;
    expect(sql).toMatch(/CREATE UNIQUE INDEX ledger_entries_day ON ledger_entries \(counter_id, business_date, length\(receipt_no\), receipt_no\)/);
    db.exec('BEGIN');
    const numbers = createReceiptNumbers(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LAST_RECEIPT_NO_SQL}`).all('c', 'd', 1, 'x') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/COVERING INDEX ledger_entries_day/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(numbers.next({ branchCode: '64400', counterNumber: 1, counterId: 'c', businessDate: '2026-11-25' })).toBe('64400-01-20261125-0001');
    db.exec('ROLLBACK');
    db.close();
  });

  it('a failing step rolls back whole and is not recorded', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = new Database(join(t.dir, 'x.sqlite'));
    const bad: Migration = { version: 99, name: 'bad', up(d) { d.exec('CREATE TABLE half (a)'); throw new Error('boom'); } };
    expect(() => runMigrations(db, [bad])).toThrow('boom');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(appliedVersions(db)).toEqual([]);
    db.close();
  });
});

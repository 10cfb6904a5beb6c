import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { tempDir } from '../../support/tmp';

// Migration 15 rebuilds four tables with fewer B-trees (issue 15's commit rate). A counter that
// updates keeps every row, every guard and every question the code asks of them.

let cleanup: (() => void) | null = null;
afterEach(() => { cleanup?.(); cleanup = null; });

const GENESIS = '0'.repeat(64);

/** A ledger file as migration 14 left it, with a participant who registered, paid 2 months and had one voided. */
function ledgerAtVersion14(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 14));
  db.exec(`
    INSERT INTO business_days (counter_id, business_date, state, opened_at) VALUES ('c1', '2026-11-25', 'OPEN', '2026-11-25T01:00:00Z');
    INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
      VALUES ('p1', '3518014708900001', 'Sri', '1990-08-07', '["JKK","JKM"]', 'local', '2026-11-25T01:00:00Z', '2026-11-25T01:00:00Z');
  `);
  const entry = db.prepare(`INSERT INTO ledger_entries (id, counter_id, seq, kind, business_date, created_at, branch_code, user_id,
      participant_id, amount, receipt_no, ref_entry_id, prev_hash, hash)
    VALUES (?, 'c1', ?, ?, '2026-11-25', '2026-11-25T01:00:00Z', '64400', 'u1', 'p1', ?, ?, ?, ?, ?)`);
  const hash = (n: number) => String(n).repeat(64).slice(0, 64);
  entry.run('E1', 1, 'REGISTRATION', 0, '64400-01-20261125-0001', null, GENESIS, hash(1));
  entry.run('E2', 2, 'CONTRIBUTION', 33_600, '64400-01-20261125-0002', null, hash(1), hash(2));
  entry.run('E3', 3, 'VOID', -33_600, '64400-01-20261125-0003', 'E2', hash(2), hash(3));
  entry.run('E4', 4, 'CONTRIBUTION', 16_800, '64400-01-20261125-0004', null, hash(3), hash(4));
  db.exec(`
    INSERT INTO personal_data (participant_id, version, entry_id, salt, data, created_at) VALUES ('p1', 1, 'E1', 'aa', '{"name":"Sri"}', '2026-11-25T01:00:00Z');
    INSERT INTO participant_months (participant_id, month, entry_id, voided_by) VALUES ('p1', '2026-11', 'E2', 'E3'), ('p1', '2026-12', 'E2', 'E3'), ('p1', '2026-11', 'E4', NULL);
    INSERT INTO outbox (entry_id, seq, enqueued_at) VALUES ('E3', 3, '2026-11-25T01:00:00Z'), ('E4', 4, '2026-11-25T01:00:00Z');
    UPDATE outbox SET state = 'rejected', attempts = 2, last_error = 'X' WHERE entry_id = 'E3';
    INSERT INTO audit_log (at, counter_id, action, target) VALUES ('2026-11-25T01:00:00Z', 'c1', 'payment.create', 'E2'), ('2026-11-25T01:00:01Z', 'c1', 'payment.void', 'E3');
  `);
  return db;
}

const rows = (db: Database.Database, sql: string) => db.prepare(sql).all();

describe('migration 15: fewer pages per commit', () => {
  it('keeps every row of the rebuilt tables, and the file passes the integrity and foreign key checks', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = ledgerAtVersion14(join(t.dir, 'ledger.sqlite'));
    const tables = ['participant_months', 'outbox', 'personal_data', 'audit_log'];
    const order: Record<string, string> = { participant_months: 'entry_id, month', outbox: 'entry_id', personal_data: 'participant_id, version', audit_log: 'id' };
    const before = Object.fromEntries(tables.map((name) => [name, rows(db, `SELECT * FROM ${name} ORDER BY ${order[name]}`)]));
    expect(runMigrations(db, MIGRATIONS)).toEqual([15]);
    for (const name of tables) expect(rows(db, `SELECT * FROM ${name} ORDER BY ${order[name]}`), name).toEqual(before[name]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Stored in their keys' order: no separate table and key any more.
    const sql = (name: string) => db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string;
    for (const name of ['participant_months', 'outbox', 'personal_data']) expect(sql(name), name).toMatch(/WITHOUT ROWID$/);
    expect(sql('participant_months_participant')).toBeUndefined();
    expect(sql('audit_log_at')).toBeUndefined();
    expect(sql('ledger_entries_receipt_no')).toBeUndefined();
    db.close();
  });

  it('keeps the guards: the audit log stays append-only and goes on numbering, a month is paid once, a receipt number is used once', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = ledgerAtVersion14(join(t.dir, 'ledger.sqlite'));
    runMigrations(db, MIGRATIONS);
    expect(() => db.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    const next = db.prepare("INSERT INTO audit_log (at, counter_id, action) VALUES ('2026-11-25T02:00:00Z', 'c1', 'next')").run();
    expect(next.lastInsertRowid).toBe(3);
    expect(rows(db, "SELECT name FROM sqlite_sequence WHERE name = 'audit_log'")).toEqual([]);

    // 2026-11 is paid by E4 (unvoided): no second unvoided row; 2026-12 was voided and may be paid again.
    db.exec(`INSERT INTO business_days (counter_id, business_date, state, opened_at) VALUES ('c1', '2026-11-26', 'OPEN', 'x')`);
    expect(() => db.exec("INSERT INTO participant_months (participant_id, month, entry_id) VALUES ('p1', '2026-11', 'E2')")).toThrow(/UNIQUE/);
    db.exec("INSERT INTO participant_months (participant_id, month, entry_id) VALUES ('p1', '2026-12', 'E4')");
    expect(() => db.exec("INSERT INTO participant_months (participant_id, month, entry_id) VALUES ('nobody', '2027-01', 'E4')")).toThrow(/FOREIGN KEY/);

    const entry = db.prepare(`INSERT INTO ledger_entries (id, counter_id, seq, kind, business_date, created_at, branch_code, user_id, amount, receipt_no, prev_hash, hash)
      VALUES (?, 'c1', 5, 'CONTRIBUTION', '2026-11-25', 'x', '64400', 'u1', 1, ?, ?, ?)`);
    expect(() => entry.run('E5', '64400-01-20261125-0004', '4'.repeat(64), '5'.repeat(64))).toThrow(/UNIQUE/);
    entry.run('E5', '64400-01-20261125-0005', '4'.repeat(64), '5'.repeat(64));
    db.close();
  });

  it('answers the code\'s questions from an index: unvoided and voided months, an entry\'s months, the outbox in order, a record by entry', () => {
    const t = tempDir(); cleanup = t.cleanup;
    const db = ledgerAtVersion14(join(t.dir, 'ledger.sqlite'));
    runMigrations(db, MIGRATIONS);
    const plan = (query: string) => (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...Array.from(query.matchAll(/\?/g), () => 'x')) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT month FROM participant_months WHERE participant_id = ? AND voided_by IS NULL ORDER BY month')).toMatch(/participant_months_paid/);
    expect(plan('SELECT month FROM participant_months WHERE participant_id = ? AND voided_by IS NOT NULL')).toMatch(/participant_months_voided/);
    expect(plan('SELECT month FROM participant_months WHERE entry_id = ? ORDER BY month')).toMatch(/USING PRIMARY KEY \(entry_id=\?\)/);
    expect(plan("SELECT entry_id FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq")).toMatch(/outbox_pending/);
    expect(plan('SELECT salt FROM personal_data WHERE entry_id = ?')).toMatch(/INDEX sqlite_autoindex_personal_data/);
    expect(plan('SELECT id FROM ledger_entries WHERE counter_id = ? AND business_date = ?')).toMatch(/ledger_entries_day/);
    expect(rows(db, "SELECT month FROM participant_months WHERE participant_id = 'p1' AND voided_by IS NULL")).toEqual([{ month: '2026-11' }]);
    db.close();
  });
});

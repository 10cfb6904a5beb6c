import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { testClock, testHost } from '../../support/host';
import { verifyChain } from '../../../electron/services/ledger/verify';
import { hashEntry } from '../../../electron/services/ledger/hash';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

async function setup() {
  const clock = testClock('2026-11-25T03:00:00Z');
  const h = await testHost({ clock });
  cleanup = h.cleanup;
  const user = h.services.auth.listUsers().find((u) => u.username === 'siti')!;
  const pay = (amount = 16800) => h.services.ledger.record(
    { kind: 'CONTRIBUTION', userId: user.id, amount, paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] } },
    { actor: { userId: user.id, username: user.username }, action: 'payment.create' },
  ).entry;
  return { h, clock, pay, user };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the append-only, hash-chained ledger', () => {
  it('chains entries: gapless seq, prev_hash, hash over the canonical row', async () => {
    const { h, pay } = await setup();
    const a = pay();
    const b = pay(18800);
    expect(a.seq).toBe(1);
    expect(a.prev_hash).toBe('0'.repeat(64));
    expect(b.seq).toBe(2);
    expect(b.prev_hash).toBe(a.hash);
    const stored = h.services.ledger.byId(b.id)!;
    expect(hashEntry(stored)).toBe(stored.hash);
    expect(stored.breakdown).toBe('{"JKK":10000,"JKM":6800}');
    expect(stored.business_date).toBe('2026-11-25');
  });

  it('writes the entry, its outbox row and its audit row in one transaction', async () => {
    const { h, pay, user } = await setup();
    const db = h.services.db;
    const audits = count(db, 'audit_log');
    const e = pay();
    expect(count(db, 'outbox')).toBe(1);
    expect(count(db, 'audit_log')).toBe(audits + 1);
    expect(() => h.services.ledger.record(
      { kind: 'CONTRIBUTION', userId: user.id, amount: 1000 },
      { actor: { userId: user.id, username: user.username }, action: 'x' },
      () => { throw new Error('the caller fails after the entry'); },
    )).toThrow('the caller fails');
    expect(count(db, 'ledger_entries')).toBe(1);
    expect(count(db, 'outbox')).toBe(1);
    expect(count(db, 'audit_log')).toBe(audits + 1);
    expect(h.services.ledger.head().hash).toBe(e.hash);
  });

  it('refuses UPDATE and DELETE at the SQLite level', async () => {
    const { h, pay } = await setup();
    const e = pay();
    expect(() => h.services.db.prepare('UPDATE ledger_entries SET amount = 1 WHERE id = ?').run(e.id)).toThrow(/append-only/);
    expect(() => h.services.db.prepare('DELETE FROM ledger_entries WHERE id = ?').run(e.id)).toThrow(/append-only/);
  });

  it('refuses an insert that breaks the chain, even by hand', async () => {
    const { h, pay } = await setup();
    const e = pay();
    const forged = { ...e, id: '01KZZZZZZZZZZZZZZZZZZZZZZZ', seq: 3 };
    expect(() => h.services.db.prepare(`INSERT INTO ledger_entries (id, counter_id, seq, kind, business_date, created_at, branch_code,
      user_id, participant_id, amount, breakdown, payment_method, receipt_no, ref_entry_id, payload, prev_hash, hash) VALUES
      (@id, @counter_id, @seq, @kind, @business_date, @created_at, @branch_code, @user_id, @participant_id, @amount, @breakdown,
       @payment_method, @receipt_no, @ref_entry_id, @payload, @prev_hash, @hash)`).run(forged)).toThrow(/chain broken/);
  });

  it('writes nothing into a closed day (service and trigger)', async () => {
    const { h, pay } = await setup();
    pay();
    const { counter } = h.services.settings.get();
    // Close the day the only way it can be: CLOSING state, the CLOSING entry, then CLOSED with that entry.
    h.services.db.prepare("UPDATE business_days SET state = 'CLOSING' WHERE counter_id = ? AND business_date = '2026-11-25'").run(counter.id);
    expect(() => pay()).toThrow(expect.objectContaining({ code: 'DAY_CLOSED', key: 'err.dayClosing' }));
    const kepala = h.services.auth.listUsers().find((u) => u.username === 'kepala')!;
    const closing = h.services.ledger.record({ kind: 'CLOSING', userId: kepala.id, amount: 0 }, { actor: { userId: kepala.id, username: 'kepala' }, action: 'closing.confirm' }).entry;
    h.services.db.prepare("UPDATE business_days SET state = 'CLOSED', closed_at = 'x', closing_entry_id = ? WHERE counter_id = ? AND business_date = '2026-11-25'").run(closing.id, counter.id);
    expect(() => pay()).toThrow(expect.objectContaining({ code: 'DAY_CLOSED' }));
    expect(h.services.ledger.dayState('2026-11-25')).toBe('CLOSED');
    expect(() => h.services.db.prepare("UPDATE business_days SET state = 'OPEN' WHERE counter_id = ?").run(counter.id)).toThrow(/DAY_CLOSED/);
  });

  it('dates entries by the branch zone: a Papua branch at 00:30 WIT writes on the new day', async () => {
    const { h, clock, pay } = await setup();
    h.services.settings.update((s) => ({ ...s, branch: { ...s.branch, timeZone: 'Asia/Jayapura' } }));
    clock.now = new Date('2026-11-24T15:30:00Z');
    expect(pay().business_date).toBe('2026-11-25');
  });

  it('the verifier passes a good chain and names the first entry that does not fit', async () => {
    const { h, pay } = await setup();
    for (let i = 0; i < 30; i++) pay(1000 + i);
    const { counter } = h.services.settings.get();
    const progress: number[] = [];
    const good = await verifyChain(h.services.db, counter.id, { chunkSize: 7, onProgress: (p) => progress.push(p.checked) });
    expect(good).toEqual({ ok: true, checked: 30, total: 30, firstBad: null });
    expect(progress).toEqual([7, 14, 21, 28, 30]);

    // Tamper with entry 12 behind the triggers' back, as an attacker with the file would.
    const file = join(h.dir, 'ledger.sqlite');
    const raw = new Database(file);
    raw.exec('DROP TRIGGER ledger_entries_no_update');
    raw.prepare('UPDATE ledger_entries SET amount = 999999 WHERE seq = 12').run();
    raw.close();
    const bad = await verifyChain(h.services.db, counter.id);
    expect(bad.ok).toBe(false);
    expect(bad.firstBad).toMatchObject({ seq: 12, reason: 'hash' });
    expect(bad.checked).toBe(11);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { paymentHost, seedParticipant, type PaymentHost } from './helpers';
import { replay, statementRecorder, type Recorded } from '../../bench/sql-replay';

// The bench's floor row (a payment's SQL replayed with no JS) is only a floor if the replay does
// what the payment did: the same statements, the same transactions, the same rows in the end.

let h: PaymentHost | null = null;
afterEach(async () => { await h?.cleanup(); h = null; });

const TABLES = ['ledger_entries', 'participant_months', 'outbox', 'print_jobs', 'audit_log'] as const;
const rowsOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  } finally { db.close(); }
};

describe('the bench\'s SQL replay', () => {
  it('replays three payments on a copy taken before them into the very rows the router wrote', async () => {
    h = await paymentHost({ printer: false });
    const people = Array.from({ length: 3 }, (_, i) => seedParticipant(h!.services, { nik: `3518014708${String(900000 + i).padStart(6, '0')}`, name: `PESERTA ${i}` }));
    const copy = join(h.host.dir, 'before.sqlite');
    await h.services.db.backup(copy);

    const recorder = statementRecorder(h.services.db);
    const payments: Recorded[][] = [];
    try {
      for (const p of people) payments.push(await recorder.capture(() => h!.ok('payment.create', { participantId: p.id, months: 3, cashTendered: 50_000 }).then(() => undefined)));
    } finally { recorder.release(); }

    // Each payment: its reads, then one transaction holding the entry, its months and the rest.
    for (const p of payments) {
      const inserts = p.filter((s) => /^\s*INSERT/i.test(s.sql));
      expect(inserts.map((s) => s.sql.match(/INSERT INTO (\w+)/i)![1]).sort()).toEqual(
        ['audit_log', 'ledger_entries', 'outbox', 'participant_months', 'participant_months', 'participant_months', 'print_jobs'],
      );
      expect(new Set(inserts.map((s) => s.tx)).size).toBe(1);
      expect(inserts[0].tx).not.toBeNull();
    }
    // The recorder is gone: later statements are not noted.
    const after = await statementRecorder(h.services.db).capture(async () => undefined);
    expect(after).toEqual([]);

    const live = rowsOf(join(h.host.dir, 'ledger.sqlite'));
    expect(rowsOf(copy).ledger_entries.length).toBe(live.ledger_entries.length - 3);
    const r = replay(copy, payments);
    expect(r.perSecond).toBeGreaterThan(0);
    expect(rowsOf(copy)).toEqual(live);
  });

  it('narrowed to the entry\'s insert, writes the entries and nothing else', async () => {
    h = await paymentHost({ printer: false });
    const p = seedParticipant(h.services, { nik: '3518014708900001', name: 'PESERTA SATU' });
    const copy = join(h.host.dir, 'before.sqlite');
    await h.services.db.backup(copy);
    const recorder = statementRecorder(h.services.db);
    const recorded = await recorder.capture(() => h!.ok('payment.create', { participantId: p.id, months: 2, cashTendered: 50_000 }).then(() => undefined));
    recorder.release();
    const before = rowsOf(copy);
    replay(copy, [recorded], (s) => /^\s*INSERT INTO ledger_entries\b/i.test(s.sql));
    const replayed = rowsOf(copy);
    const live = rowsOf(join(h.host.dir, 'ledger.sqlite'));
    expect(replayed.ledger_entries).toEqual(live.ledger_entries);
    expect(replayed.participant_months).toEqual(before.participant_months);
    expect(replayed.print_jobs).toEqual(before.print_jobs);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createChain } from '../../central/entry-builder';
import { signInAs } from '../../support/host';
import { cashPayment, counter, pdfText, type Counter } from './closing-helpers';

// The closing of a day end to end through the router: real SQLite, the central double over
// real HTTP, the PDF read back.

let c: Counter | null = null;
afterEach(async () => { await c?.dispose(); c = null; });

const DAY = '2026-11-25';
const approval = { username: 'kepala', pin: '123456' };
const closingEntries = (x: Counter) =>
  x.host.services.db.prepare("SELECT * FROM ledger_entries WHERE kind = 'CLOSING'").all() as { id: string; business_date: string; payload: string }[];
const dayState = (x: Counter) => x.host.services.ledger.dayState(DAY);

describe('who may do what', () => {
  it('a technician can call none of it; a teller cannot close but can move cash with a head approval', async () => {
    c = await counter({ online: false });
    for (const p of ['cash.openingFloat', 'cash.move', 'closing.status', 'closing.start', 'closing.reconcile', 'closing.count',
      'closing.confirm', 'closing.cancel', 'closing.history', 'closing.reportPdf', 'closing.print', 'closing.xReport', 'closing.progress']) {
      const r = await c.call(p, {}, c.tech);
      expect(r.ok ? 'ok' : r.error.code, p).toBe('FORBIDDEN');
    }
    for (const p of ['closing.start', 'closing.confirm', 'closing.cancel', 'cash.openingFloat', 'closing.xReport']) {
      const r = await c.call(p, {}, c.teller);
      expect(r.ok ? 'ok' : r.error.code, p).toBe('FORBIDDEN');
    }
    const wrong = await c.call('cash.move', { direction: 'IN', amount: 50_000, reason: 'tambah receh', approval: { username: 'agus', pin: '222222' } }, c.teller);
    expect(wrong.ok ? 'ok' : wrong.error.key).toBe('approval.notHead');
    const moved = await c.out('cash.move', { direction: 'OUT', amount: 20_000, reason: 'setor ke bank', approval }, c.teller);
    expect(moved).toMatchObject({ kind: 'CASH_OUT', amount: -20_000, businessDate: DAY });
    const audit = c.host.services.db.prepare("SELECT username, detail FROM audit_log WHERE action = 'cash.move'").get() as { username: string; detail: string };
    expect(audit.username).toBe('siti');
    expect(JSON.parse(audit.detail)).toMatchObject({ approvedBy: 'kepala', reason: 'setor ke bank' });
  });

  it('the opening float is recorded once per day', async () => {
    c = await counter({ online: false });
    await c.out('cash.openingFloat', { amount: 500_000 }, c.head);
    const again = await c.call('cash.openingFloat', { amount: 500_000 }, c.head);
    expect(again.ok ? 'ok' : again.error.key).toBe('closing.err.floatExists');
    expect((await c.out('closing.status', {}, c.head)).openingFloat).toBe(500_000);
    const n = c.host.services.db.prepare("SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'OPENING_FLOAT'").get() as { n: number };
    expect(n.n).toBe(1);
  });
});

describe('reconciliation with the central server', () => {
  it('flags an entry only at central and one changed there; an entry only here is pushed again and then matches', async () => {
    c = await counter();
    const s = c.host.services;
    const a = cashPayment(c.host, 50_400);
    const b = cashPayment(c.host, 16_800);
    await s.sync.drainOnce();
    // An entry the central server lost: written here, its outbox row gone as if acknowledged.
    const lost = cashPayment(c.host, 33_600);
    s.db.prepare('DELETE FROM outbox WHERE entry_id = ?').run(lost.id);
    const counterId = s.settings.get().counter.id;
    const planted = createChain({ counterId, branchCode: '64400', businessDate: DAY, startSeq: 900 }).next({ kind: 'CASH_IN', amount: 7_000 });
    expect(c.central!.admin.plantEntry(planted).status).toBe('accepted');
    expect(c.central!.admin.alterEntry({ id: b.id, amount: 1 })).toBe(true);

    await c.out('closing.start', {}, c.head);
    const r = await c.out('closing.reconcile', {}, c.head);
    expect(r.status).toBe('differences');
    expect(r.counts).toEqual({ matched: 2, onlyLocal: 0, onlyCentral: 1, different: 1 });
    const byId = new Map(r.rows.map((row: { id: string }) => [row.id, row]));
    expect(byId.get(a.id)).toMatchObject({ status: 'matched', pushedAgain: false });
    expect(byId.get(lost.id)).toMatchObject({ status: 'matched', pushedAgain: true });
    expect(byId.get(planted.id)).toMatchObject({ status: 'onlyCentral', local: null, central: { kind: 'CASH_IN', amount: 7_000 } });
    expect(byId.get(b.id)).toMatchObject({ status: 'different', local: { amount: 16_800 }, central: { amount: 1 } });
    const contribution = r.perKind.find((k: { kind: string }) => k.kind === 'CONTRIBUTION');
    expect(contribution).toEqual({ kind: 'CONTRIBUTION', local: { count: 3, amount: 100_800 }, central: { count: 3, amount: 50_400 + 1 + 33_600 } });
    expect(r.perKind.find((k: { kind: string }) => k.kind === 'CASH_IN')).toEqual({ kind: 'CASH_IN', local: { count: 0, amount: 0 }, central: { count: 1, amount: 7_000 } });
    const jkk = r.perProgram.find((p: { program: string }) => p.program === 'JKK');
    expect(jkk.local).toBe(Math.round(50_400 * 0.6) + Math.round(16_800 * 0.6) + Math.round(33_600 * 0.6));
    expect(jkk.central).toBe(Math.round(50_400 * 0.6) + Math.round(33_600 * 0.6)); // the changed entry has no known split
    expect(r.perProgram.find((p: { program: string }) => p.program === 'UNATTRIBUTED').central).toBe(7_000 + 1);
  });

  it('offline, the reconciliation is "unreconciled" and the closing still goes through; the acknowledgement comes later', async () => {
    c = await counter();
    const s = c.host.services;
    cashPayment(c.host, 50_000);
    await c.central!.close();
    await c.out('closing.start', {}, c.head);
    const r = await c.out('closing.reconcile', {}, c.head);
    expect(r).toMatchObject({ status: 'unreconciled', reasonKey: 'closing.recon.offline' });
    await c.out('closing.count', { counts: { N50000: 1 } }, c.head);
    const done = await c.out('closing.confirm', { counts: { N50000: 1 }, pin: '123456' }, c.head);
    expect(done).toMatchObject({ reconStatus: 'unreconciled', ackedAt: null, difference: 0 });
    expect((await c.out('closing.status', {}, c.head)).unacked).toEqual([{ businessDate: DAY, entryId: done.entryId }]);

    // The central server is back (same file, same port): the background retry is acknowledged.
    const { startCentralServer } = await import('../../central/server');
    const { join } = await import('node:path');
    const back = await startCentralServer({ dbPath: join(c.central!.dir, 'central.sqlite'), port: c.central!.port, now: c.clock.fn });
    try {
      await s.closing.resume();
      const [h] = (await c.out('closing.history', {}, c.head)).closings;
      expect(h.centralClosingId).toMatch(/^[0-9A-Z]{26}$/);
      expect(h.ackedAt).not.toBeNull();
      expect((await c.out('closing.status', {}, c.head)).unacked).toEqual([]);
    } finally {
      await back.close();
    }
  });
});

describe('closing a day', () => {
  it('blind count, reason for a difference, PIN, one transaction; the report is saved as PDF with the right totals', async () => {
    c = await counter();
    const s = c.host.services;
    await c.out('cash.openingFloat', { amount: 200_000 }, c.head);
    cashPayment(c.host, 50_400, { cashReceived: 100_000 }); // change Rp49.600 is not income
    const voided = cashPayment(c.host, 16_800);
    s.ledger.record({ kind: 'VOID', userId: 'u', amount: -16_800, refEntryId: voided.id, paymentMethod: 'CASH' }, { actor: { userId: null, username: 'kepala' }, action: 'test.void' });
    await c.out('cash.move', { direction: 'IN', amount: 100_000, reason: 'tambahan receh', approval }, c.head);
    await c.out('cash.move', { direction: 'OUT', amount: 30_000, reason: 'setor bank', approval }, c.head);
    const expected = 200_000 + 50_400 + 16_800 - 16_800 + 100_000 - 30_000; // 320.400

    await c.out('closing.start', {}, c.head);
    // Tellers can no longer take money on the day, and are told why.
    const refused = await c.call('cash.move', { direction: 'IN', amount: 1_000, reason: 'coba lagi', approval }, c.teller);
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ code: 'DAY_CLOSED', key: 'err.dayClosing' });
    expect(() => cashPayment(c!.host, 1_000)).toThrow(/dayClosing|DAY_CLOSED/);

    expect((await c.out('closing.reconcile', {}, c.head)).status).toBe('reconciled');
    const early = await c.call('closing.confirm', { counts: { N100000: 3 }, pin: '123456' }, c.head);
    expect(early.ok ? 'ok' : early.error.key).toBe('closing.err.countFirst');

    // Rp5.000 short: 3×100.000 + 1×10.000 + 1×5.000 + 2×200 = 315.400.
    const counts = { N100000: 3, N10000: 1, N5000: 1, C200: 2 };
    const count = await c.out('closing.count', { counts }, c.head);
    expect(count).toMatchObject({ counted: 315_400, difference: -5_000 });
    expect(count.expected).toMatchObject({ openingFloat: 200_000, cashPayments: 67_200, voidedCashPayments: 16_800, cashIn: 100_000, cashOut: 30_000, expected });

    const noReason = await c.call('closing.confirm', { counts, pin: '123456' }, c.head);
    expect(noReason.ok ? 'ok' : noReason.error.fields).toEqual([{ path: 'reason', key: 'closing.err.reasonRequired' }]);
    const wrongPin = await c.call('closing.confirm', { counts, reason: 'uang kembalian salah', pin: '000000' }, c.head);
    expect(wrongPin.ok ? 'ok' : wrongPin.error.fields?.[0]?.path).toBe('pin');
    expect(dayState(c)).toBe('CLOSING');
    expect(closingEntries(c)).toHaveLength(0);

    const done = await c.out('closing.confirm', { counts, reason: 'uang kembalian salah', pin: '123456' }, c.head);
    expect(done).toMatchObject({ businessDate: DAY, counted: 315_400, expected, difference: -5_000, reason: 'uang kembalian salah', reconStatus: 'reconciled', pdfSaved: true });
    expect(done.centralClosingId).toMatch(/^[0-9A-Z]{26}$/);
    expect(dayState(c)).toBe('CLOSED');
    const [entry] = closingEntries(c);
    expect(closingEntries(c)).toHaveLength(1);
    expect(entry.id).toBe(done.entryId);
    const payload = JSON.parse(entry.payload);
    expect(payload).toMatchObject({ counts, counted: 315_400, difference: -5_000, reason: 'uang kembalian salah', reconciliation: { status: 'reconciled' } });
    expect(s.db.prepare('SELECT closing_entry_id FROM business_days WHERE business_date = ?').get(DAY)).toEqual({ closing_entry_id: entry.id });

    const pdf = await c.out('closing.reportPdf', { businessDate: DAY }, c.head);
    const path = (s.db.prepare('SELECT pdf_path FROM closings').get() as { pdf_path: string }).pdf_path;
    expect(path.startsWith(`${s.dataDir}/closings/`)).toBe(true);
    expect(existsSync(path)).toBe(true);
    expect(Buffer.from(pdf.base64, 'base64').equals(readFileSync(path))).toBe(true);
    const text = await pdfText(readFileSync(path));
    expect(text).toMatch(/Total dihitung\s+Rp315\.400/);
    expect(text).toMatch(/Kas seharusnya\s+Rp320\.400/);
    expect(text).toMatch(/Selisih\s+-Rp5\.000/);
    expect(text).toContain('uang kembalian salah');
    expect(text).toContain('SUDAH DIREKONSILIASI');
    expect(text).not.toContain('BELUM');

    const history = (await c.out('closing.history', {}, c.head)).closings;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ businessDate: DAY, difference: -5_000, closedBy: 'Bambang Wijaya' });
  });

  it('nothing can be written into a closed day: the router and the SQLite trigger both refuse', async () => {
    c = await counter({ online: false });
    const s = c.host.services;
    cashPayment(c.host, 10_000);
    await c.out('closing.start', {}, c.head);
    await c.out('closing.reconcile', {}, c.head);
    await c.out('closing.count', { counts: { N10000: 1 } }, c.head);
    await c.out('closing.confirm', { counts: { N10000: 1 }, pin: '123456' }, c.head);

    const viaRouter = await c.call('cash.move', { direction: 'IN', amount: 1_000, reason: 'setelah tutup', approval }, c.teller);
    expect(viaRouter.ok ? 'ok' : viaRouter.error).toMatchObject({ code: 'DAY_CLOSED', key: 'err.dayClosed' });
    const float = await c.call('cash.openingFloat', { amount: 1_000 }, c.head);
    expect(float.ok ? 'ok' : float.error.code).toBe('DAY_CLOSED');
    const again = await c.call('closing.start', {}, c.head);
    expect(again.ok ? 'ok' : again.error.code).toBe('DAY_CLOSED');

    const last = s.ledger.head();
    const raw = () => s.db.prepare(`INSERT INTO ledger_entries (id, counter_id, seq, kind, business_date, created_at, branch_code, user_id,
      participant_id, amount, breakdown, payment_method, receipt_no, ref_entry_id, payload, prev_hash, hash)
      VALUES ('01JZZZZZZZZZZZZZZZZZZZZZZZ', ?, ?, 'CASH_IN', ?, '2026-11-25T10:00:00.000Z', '64400', 'u', NULL, 1, NULL, NULL, NULL, NULL, NULL, ?, ?)`)
      .run(s.settings.get().counter.id, last.seq + 1, DAY, last.hash, 'f'.repeat(64));
    expect(raw).toThrow(/DAY_CLOSED/);
    expect(() => s.db.prepare("UPDATE business_days SET state = 'OPEN' WHERE business_date = ?").run(DAY)).toThrow(/DAY_CLOSED/);
    // And a day cannot be marked closed without its CLOSING entry.
    s.db.prepare("INSERT INTO business_days (counter_id, business_date, state, opened_at) VALUES (?, '2026-11-26', 'OPEN', 'x')").run(s.settings.get().counter.id);
    expect(() => s.db.prepare("UPDATE business_days SET state = 'CLOSED' WHERE business_date = '2026-11-26'").run()).toThrow(/CLOSING entry/);

    // The next business day opens by itself at its first write.
    c.clock.advance(24 * 3600_000);
    const head = await signInAs(c.host, 'kepala', '123456'); // the old session idle-locked meanwhile
    expect((await c.out('cash.openingFloat', { amount: 100_000 }, head)).businessDate).toBe('2026-11-26');
  });

  it('a closing can be cancelled before the confirmation, and the day is open again', async () => {
    c = await counter({ online: false });
    await c.out('closing.start', {}, c.head);
    expect(dayState(c)).toBe('CLOSING');
    expect(await c.out('closing.cancel', {}, c.head)).toEqual({ businessDate: DAY, state: 'OPEN' });
    expect(dayState(c)).toBe('OPEN');
    await c.out('cash.move', { direction: 'IN', amount: 1_000, reason: 'receh', approval }, c.teller);
    const cancelAgain = await c.call('closing.cancel', {}, c.head);
    expect(cancelAgain.ok ? 'ok' : cancelAgain.error.key).toBe('closing.err.notClosing');
  });

  it('the X report uses the same expected cash and does not close anything; printing it twice changes nothing', async () => {
    c = await counter({ online: false });
    await c.out('cash.openingFloat', { amount: 150_000 }, c.head);
    cashPayment(c.host, 25_200, { cashReceived: 50_000 });
    const x1 = await c.out('closing.xReport', { print: true }, c.head);
    const x2 = await c.out('closing.xReport', { print: true }, c.head);
    expect(x1.expected.expected).toBe(175_200);
    expect(x2.expected).toEqual(x1.expected);
    expect(x1.dayState).toBe('OPEN');
    expect(x1.print).toMatchObject({ printed: false }); // no printer set up: queued, nothing lost
    expect(closingEntries(c)).toHaveLength(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signInAs } from '../../support/host';
import { createPersonalDataStore } from '../../../electron/services/participants/personal-data';
import { correctionPayloadSchema, personalDataSchema } from '../../../shared/protocol/personal-data';
import type { CentralServer } from '../../central/server';
import { form, ok, tellerHost, withCentral, type Host } from './helpers';

// Issue 16 item 2: "Koreksi data peserta" with the worker present and a head's approval, and
// erasure by BPJS's order. Through the router as the UI calls it, with a real central double.

let host: Host | null = null;
let central: CentralServer | null = null;
afterEach(async () => { await central?.close(); await host?.cleanup(); host = null; central = null; });

const HEAD = { username: 'kepala', pin: '123456' };

async function registered() {
  const t = await tellerHost();
  host = t.host;
  central = await withCentral(t.host, t.clock);
  const input = form({ name: 'Budi Santoso', motherName: 'Sri Wahyuni' });
  const out = ok(await t.call('registration.create', input));
  expect((await t.host.services.sync.drainOnce()).failed).toBe(false);
  return { ...t, input, id: out.participant.id as string };
}

const tableCounts = (h: Host) => Object.fromEntries(['ledger_entries', 'personal_data', 'audit_log', 'outbox'].map((t) =>
  [t, h.services.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get()]));
const centralDb = (h: Host) => new Database(join(h.dir, 'central.sqlite'), { readonly: true });

describe('participants.correct', () => {
  it('writes a new version, an entry with its commitment (no values) and the updated row in one go; central follows', async () => {
    const { host, call, id, input } = await registered();
    const out = ok(await call('participants.correct', {
      participantId: id, changes: { name: 'Budi Santosa', phone: '0813 1111 2222', address: 'Jl. Merdeka 1 RT 01/RW 02' },
      reason: 'salah ketik nama di KTP', approval: HEAD,
    }));
    // The address was typed as it was: only what changed counts.
    expect(out).toMatchObject({ version: 2, fields: ['name', 'phone'] });
    expect(out.participant).toMatchObject({ name: 'Budi Santosa', phone: '+6281311112222', nik: input.nik, motherName: 'Sri Wahyuni' });
    expect(ok(await call('participants.get', { id })).name).toBe('Budi Santosa');
    expect(ok(await call('participants.search', { query: 'santosa' })).results.map((r: { id: string }) => r.id)).toContain(id);

    const entry = host.services.ledger.byId(out.entryId)!;
    expect(entry).toMatchObject({ kind: 'PARTICIPANT_CORRECTION', amount: 0, participant_id: id });
    const payload = correctionPayloadSchema.parse(JSON.parse(entry.payload!));
    expect(payload).toMatchObject({ participantId: id, fields: ['name', 'phone'], reason: 'salah ketik nama di KTP', approvedBy: { username: 'kepala' } });
    for (const secret of ['Santosa', '81311112222', input.nik]) expect(entry.payload).not.toContain(secret);

    // Both versions kept: the old one is the audit trail.
    const versions = createPersonalDataStore(host.services.db).versions(id).map((v) => personalDataSchema.parse(JSON.parse(v.data!)));
    expect(versions.map((v) => v.name)).toEqual(['Budi Santoso', 'Budi Santosa']);
    const audit = host.services.audit.recent(10).find((a) => a.action === 'participants.correct')!;
    expect(audit.detail).toContain('kepala');
    expect(audit.detail).not.toContain('Santosa');
    expect((await host.services.verifyLedger()).ok).toBe(true);

    // Central gets the correction beside its data and reads the new name.
    expect(await host.services.sync.drainOnce()).toMatchObject({ failed: false, rejected: 0, accepted: 1 });
    const db = centralDb(host);
    try {
      expect(db.prepare('SELECT name FROM participants WHERE participant_id = ?').pluck().get(id)).toBe('Budi Santosa');
      expect(db.prepare('SELECT COUNT(*) FROM personal_data WHERE participant_id = ?').pluck().get(id)).toBe(2);
    } finally { db.close(); }

    // The next receipt carries the corrected name.
    const paid = ok(await call('payment.create', { participantId: id, months: 1, cashTendered: 50_000, expectedTotal: 8_400 }));
    expect(JSON.stringify(paid.receipt)).toContain('Budi Santosa');
  });

  it('refuses, writing nothing: no change, a wrong PIN, a teller as approver, a bad field (next to it)', async () => {
    const { host, call, id } = await registered();
    const before = tableCounts(host);
    const same = await call('participants.correct', { participantId: id, changes: { name: 'Budi Santoso' }, reason: 'cek', approval: HEAD });
    expect(same.ok || same.error).toMatchObject({ code: 'INVALID_INPUT', key: 'err.correction.nothingChanged' });
    const pin = await call('participants.correct', { participantId: id, changes: { name: 'Budi X' }, reason: 'salah ketik', approval: { ...HEAD, pin: '000000' } });
    expect(pin.ok).toBe(false);
    const teller = await call('participants.correct', { participantId: id, changes: { name: 'Budi X' }, reason: 'salah ketik', approval: { username: 'agus', pin: '222222' } });
    expect(teller.ok || teller.error).toMatchObject({ key: 'approval.notHead' });
    const bad = await call('participants.correct', { participantId: id, changes: { name: 'B4di' , birthDate: '1990-02-31' }, reason: 'x', approval: HEAD });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['changes.birthDate', 'changes.name', 'reason']);
      expect(bad.error.fields?.find((f) => f.path === 'reason')?.key).toBe('err.correction.reasonRequired');
    }
    // A birth date the NIK contradicts (the NIK is the identity: 17/05/1990), said next to the field.
    const wrongDate = await call('participants.correct', { participantId: id, changes: { birthDate: '1990-05-18' }, reason: 'salah ketik', approval: HEAD });
    expect(wrongDate.ok || wrongDate.error.fields).toEqual([expect.objectContaining({ path: 'changes.birthDate', key: 'warn.nik.birthDate' })]);
    expect(tableCounts(host)).toMatchObject({ ledger_entries: before.ledger_entries, personal_data: before.personal_data, outbox: before.outbox });
  });
});

describe('participants.erase', () => {
  it('is for a head only; it shreds every version, the row reads empty, the chain verifies, central forgets the person', async () => {
    const { host, call, id, input } = await registered();
    ok(await call('participants.correct', { participantId: id, changes: { phone: '0813 1111 2222' }, reason: 'nomor baru', approval: HEAD }));
    const head = await signInAs(host, 'kepala', '123456');
    const erase = () => host.router.call({ procedure: 'participants.erase', input: { participantId: id, order: 'BPJS/PDP/2026/017', approval: HEAD }, session: head }, 'direct');
    // The correction has not reached central yet: its data must go before it is shredded.
    expect(await erase()).toMatchObject({ ok: false, error: { key: 'err.erasure.notSynced' } });
    expect(await host.services.sync.drainOnce()).toMatchObject({ failed: false, rejected: 0, accepted: 1 });
    const asTeller = await call('participants.erase', { participantId: id, order: 'BPJS/PDP/2026/017', approval: HEAD });
    expect(asTeller.ok || asTeller.error).toMatchObject({ code: 'FORBIDDEN' });

    const erased = ok(await erase());
    expect(erased).toMatchObject({ participantId: id, versionsErased: 2 });
    const versions = createPersonalDataStore(host.services.db).versions(id);
    expect(versions.every((v) => v.salt === null && v.data === null && v.erased_at !== null)).toBe(true);
    const row = host.services.db.prepare('SELECT * FROM participants WHERE id = ?').get(id);
    const text = JSON.stringify(row);
    for (const secret of [input.nik, 'Budi', 'Sri Wahyuni', 'Merdeka', '81311112222']) expect(text).not.toContain(secret);
    expect((await host.services.verifyLedger()).ok).toBe(true);
    // No payment is taken for nobody.
    const kpj = host.services.participants.byId(id)!.kpj!;
    expect(await call('payment.options', { participantId: id })).toMatchObject({ ok: false, error: { key: 'err.correction.erased' } });
    // Nothing left to correct.
    const again = await call('participants.correct', { participantId: id, changes: { name: 'Budi X' }, reason: 'salah ketik', approval: HEAD });
    expect(again.ok || again.error).toMatchObject({ key: 'err.correction.erased' });

    expect(await host.services.sync.drainOnce()).toMatchObject({ failed: false, rejected: 0 });
    // Found no more, here or at central.
    expect(ok(await call('participants.search', { query: kpj })).results.filter((r: { id: string }) => r.id === id)).toEqual([]);
    const db = centralDb(host);
    try {
      expect(db.prepare('SELECT COUNT(*) FROM personal_data WHERE participant_id = ? AND data IS NOT NULL').pluck().get(id)).toBe(0);
      expect(JSON.stringify(db.prepare('SELECT * FROM participants WHERE participant_id = ?').get(id))).not.toContain(input.nik);
    } finally { db.close(); }
  });

  it('waits until central holds the registration', async () => {
    const t = await tellerHost();
    host = t.host;
    const out = ok(await t.call('registration.create', form()));
    const head = await signInAs(t.host, 'kepala', '123456');
    const r = await t.host.router.call({ procedure: 'participants.erase', input: { participantId: out.participant.id, order: 'BPJS/PDP/2026/018', approval: HEAD }, session: head }, 'direct');
    expect(r.ok || r.error).toMatchObject({ key: 'err.erasure.notSynced' });
  });
});

describe('participants.dataReport ("Data yang kami simpan")', () => {
  it('lists the data held (NIK and mother\'s name masked), its versions and its uses; printing it is audited', async () => {
    const { host, call, id, input } = await registered();
    ok(await call('participants.correct', { participantId: id, changes: { name: 'Budi Santosa' }, reason: 'salah ketik', approval: HEAD }));
    ok(await call('payment.create', { participantId: id, months: 2, cashTendered: 50_000, expectedTotal: 16_800 }));
    const preview = ok(await call('participants.dataReport', { id }));
    const lines = preview.receipt.blocks.map((b: { text?: string; left?: string; right?: string }) => b.text ?? `${b.left ?? ''} ${b.right ?? ''}`).join('\n');
    expect(lines).toContain('DATA PRIBADI YANG KAMI SIMPAN');
    expect(lines).toContain('Budi Santosa');
    expect(lines).toContain(`${input.nik.slice(0, 4)}**********`);
    expect(lines).not.toContain(input.nik);
    expect(lines).not.toContain('Sri Wahyuni');
    expect(lines).toMatch(/v1 Didaftarkan/);
    expect(lines).toMatch(/v2 Dikoreksi/);
    expect(lines).toContain('Pembayaran iuran: 1 transaksi');
    expect(lines).toMatch(/Bulan lunas: \S+ \d{4} s\.d\. \S+ \d{4}/);
    expect(host.services.audit.recent(20).some((a) => a.action === 'participants.dataReport')).toBe(false);
    const printed = ok(await call('participants.printDataReport', { id }));
    expect(printed).toMatchObject({ jobId: expect.any(String) });
    expect(host.services.audit.recent(20).filter((a) => a.action === 'participants.dataReport')).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { batchResponseSchema, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { CorrectionPayload, ErasurePayload, PersonalRecord } from '../../../shared/protocol/personal-data';
import { commitTo, newSalt } from '../../../electron/services/participants/personal-data';
import { personalOf, registrationV2, type Chain } from '../../central/entry-builder';
import { call, makeParticipant, type TestCentral, enrolledCounter } from './helpers';

// Entries of format v2 (issue 16) carry a commitment to the participant's personal data, and
// the data travels beside them in the batch. Central checks the one against the other and stores
// both in one transaction; a record missing or not matching stores nothing.

let central: TestCentral;
let device: EnrolResponse;
let chain: Chain;

beforeAll(async () => { ({ central, device, chain } = await enrolledCounter()); });
afterAll(() => central.stop());

async function send(rows: LedgerEntryRow[], personal: PersonalRecord[] = []) {
  const body = { entries: rows, ...(personal.length ? { personal } : {}) };
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body, token: device.token });
  expect(reply.status).toBe(200);
  return batchResponseSchema.parse(reply.body).results;
}
const lookup = (query: string) => call(central.url, 'GET', `/v1/participants?${query}`, { token: device.token });
const centralDb = () => new Database(central.dbPath, { readonly: true });

describe('a v2 registration at central', () => {
  it('is stored with its personal data when the data matches the commitment, and the KPJ comes back', async () => {
    const p = makeParticipant({ name: 'Siti Aminah', motherName: 'Sri Wahyuni' });
    const reg = registrationV2(p);
    const row = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: reg.payload });
    expect(row.payload).not.toContain(p.nik);
    const [result] = await send([row], [reg.record(row.id)]);
    expect(result).toMatchObject({ status: 'accepted', kpj: expect.stringMatching(/^\d{11}$/) });
    const found = await lookup(`nik=${p.nik}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ participantId: p.id, name: 'Siti Aminah', kpj: result.kpj });
    const db = centralDb();
    try {
      const stored = db.prepare('SELECT salt, data, version FROM personal_data WHERE entry_id = ?').get(row.id) as { salt: string; data: string; version: number };
      expect(stored.salt).toBe(reg.salt);
      expect(JSON.parse(stored.data)).toEqual(reg.data);
      expect(commitTo(stored.salt, JSON.parse(stored.data))).toBe(JSON.parse(row.payload!).personal.commitment);
    } finally { db.close(); }
    // Sent again with its data: a duplicate with the same KPJ, nothing doubled.
    expect((await send([row], [reg.record(row.id)]))[0]).toMatchObject({ status: 'duplicate', kpj: result.kpj });
  });

  it('is refused, storing nothing, when its personal data is missing or not what was committed to', async () => {
    const before = central.admin.counts();
    const p = makeParticipant();
    const reg = registrationV2(p);
    const missing = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: reg.payload });
    expect((await send([missing]))[0]).toMatchObject({ status: 'rejected', reason: 'PERSONAL_DATA_MISMATCH' });
    const forged: PersonalRecord = { ...reg.record(missing.id), data: { ...reg.data, name: 'Orang Lain' } };
    expect((await send([missing], [forged]))[0]).toMatchObject({ status: 'rejected', reason: 'PERSONAL_DATA_MISMATCH' });
    const wrongSalt: PersonalRecord = { ...reg.record(missing.id), salt: newSalt() };
    expect((await send([missing], [wrongSalt]))[0]).toMatchObject({ status: 'rejected', reason: 'PERSONAL_DATA_MISMATCH' });
    expect(central.admin.counts()).toEqual(before);
    expect((await lookup(`nik=${p.nik}`)).status).toBe(404);
  });

  it('takes a correction (new data, new commitment) and then an erasure that shreds every version', async () => {
    const p = makeParticipant({ name: 'Budi Santoso' });
    const reg = registrationV2(p);
    const row = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: reg.payload });
    const [{ kpj }] = await send([row], [reg.record(row.id)]);

    const salt = newSalt();
    const data = personalOf(p, { name: 'Budi Santosa', phone: '+6281299990000' });
    const correction: CorrectionPayload = {
      v: 2, participantId: p.id, personal: { commitment: commitTo(salt, data), version: 2 }, fields: ['name', 'phone'],
      reason: 'salah ketik nama', approvedBy: { id: 'u-head', username: 'kepala' },
    };
    const fix = chain.next({ kind: 'PARTICIPANT_CORRECTION', participant_id: p.id, payload: JSON.stringify(correction) });
    expect(fix.payload).not.toContain('Santosa');
    expect((await send([fix], [{ entryId: fix.id, salt, data: { ...data, name: 'Budi X' } }]))[0]).toMatchObject({ reason: 'PERSONAL_DATA_MISMATCH' });
    expect((await send([fix], [{ entryId: fix.id, salt, data }]))[0]).toMatchObject({ status: 'accepted' });
    expect((await lookup(`kpj=${kpj}`)).body).toMatchObject({ name: 'Budi Santosa' });

    const erasure: ErasurePayload = { v: 2, participantId: p.id, order: 'BPJS/PDP/2026/017', approvedBy: { id: 'u-head', username: 'kepala' } };
    const erase = chain.next({ kind: 'PARTICIPANT_ERASURE', participant_id: p.id, payload: JSON.stringify(erasure) });
    expect((await send([erase]))[0]).toMatchObject({ status: 'accepted' });
    expect((await lookup(`kpj=${kpj}`)).status).toBe(404);
    expect((await lookup(`nik=${p.nik}`)).status).toBe(404);
    const db = centralDb();
    try {
      const versions = db.prepare('SELECT salt, data, erased_at FROM personal_data WHERE participant_id = ? ORDER BY version').all(p.id) as { salt: string | null; data: string | null; erased_at: string | null }[];
      expect(versions).toHaveLength(2);
      for (const v of versions) expect(v).toMatchObject({ salt: null, data: null, erased_at: expect.any(String) });
      const text = JSON.stringify(db.prepare('SELECT * FROM participants WHERE participant_id = ?').get(p.id));
      expect(text).not.toContain(p.nik);
      expect(text).not.toContain('Budi');
    } finally { db.close(); }
    // The entries themselves are all still there, unchanged.
    for (const r of [row, fix, erase]) expect(central.admin.getEntry(r.id)).toMatchObject({ hash: r.hash });
  });

  it('refuses a correction of a participant it does not hold', async () => {
    const p = makeParticipant();
    const salt = newSalt();
    const data = personalOf(p);
    const correction: CorrectionPayload = {
      v: 2, participantId: p.id, personal: { commitment: commitTo(salt, data), version: 2 }, fields: ['name'],
      reason: 'salah ketik', approvedBy: { id: 'u-head', username: 'kepala' },
    };
    const fix = chain.next({ kind: 'PARTICIPANT_CORRECTION', participant_id: p.id, payload: JSON.stringify(correction) });
    expect((await send([fix], [{ entryId: fix.id, salt, data }]))[0]).toMatchObject({ status: 'rejected', reason: 'UNKNOWN_PARTICIPANT' });
  });

  it('answers malformed personal records with a typed INVALID_INPUT naming the field, and writes nothing (fuzzed)', async () => {
    const p = makeParticipant();
    const reg = registrationV2(p);
    const row = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: reg.payload });
    const good = reg.record(row.id);
    const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.json({ maxDepth: 2 }));
    const broken = fc.oneof(
      junk.map((v) => ({ ...good, salt: v })),
      junk.map((v) => ({ ...good, entryId: v })),
      junk.map((v) => ({ ...good, data: v })),
      fc.constantFrom('nik', 'name', 'birthDate', 'motherName').chain((k) => junk.map((v) => ({ ...good, data: { ...good.data, [k]: v } }))),
      junk.map((v) => ({ ...good, extra: v })),
    ).filter((r) => JSON.stringify(r) !== JSON.stringify(good)); // junk that happens to equal the committed data is not junk
    const before = central.admin.counts();
    await fc.assert(fc.asyncProperty(broken, async (record) => {
      const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: [row], personal: [record] }, token: device.token });
      // A record that stays well-formed (a junk string that is still a name) is checked against
      // the commitment and refused; a malformed one is refused by the schema.
      if (reply.status === 200) {
        expect(reply.body.results[0]).toMatchObject({ status: 'rejected', reason: 'PERSONAL_DATA_MISMATCH' });
      } else {
        expect(reply.status).toBe(400);
        expect(reply.body.error.code).toBe('INVALID_INPUT');
        expect(reply.body.error.details.fields[0].path).toMatch(/^personal\.0/);
      }
    }), { numRuns: 150 });
    expect(central.admin.counts()).toEqual(before);
  });

  it('in a derived-chain batch, computes an empty commitment from the record; a forged record breaks the chain and nothing is stored', async () => {
    const p = makeParticipant({ name: 'Dewi Lestari' });
    const reg = registrationV2(p);
    const row = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: reg.payload });
    const bare = ({ hash: _h, prev_hash: _p, ...rest }: LedgerEntryRow) => ({ ...rest, payload: rest.payload!.replace(/"commitment":"[0-9a-f]{64}"/, '"commitment":""') });
    expect(bare(row).payload).toContain('"commitment":""');
    const derived = (record: PersonalRecord) => call(central.url, 'POST', '/v1/transactions:batch', {
      body: { chain: 'derived', prevHash: row.prev_hash, lastHash: row.hash, entries: [bare(row)], personal: [record] }, token: device.token,
    });
    const before = central.admin.counts();
    const forged = await derived({ ...reg.record(row.id), data: { ...reg.data, name: 'Orang Lain' } });
    expect(forged.body.results[0]).toMatchObject({ status: 'rejected', reason: 'HASH_MISMATCH' });
    expect(central.admin.counts()).toEqual(before);
    const good = await derived(reg.record(row.id));
    expect(good.body.results[0]).toMatchObject({ status: 'accepted', kpj: expect.stringMatching(/^\d{11}$/) });
    // Stored whole: the commitment central computed is the one the counter hashed.
    expect(central.admin.getEntry(row.id)).toMatchObject({ payload: row.payload, hash: row.hash });
  });
});

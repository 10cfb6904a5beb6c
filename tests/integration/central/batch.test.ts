import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchResponseSchema, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { contributionPayload, createChain, registrationPayload, rehash, type Chain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, makeParticipant, NGANJUK, type TestCentral, enrolledCounter } from './helpers';

// POST /v1/transactions:batch: accepted, duplicate, rejected; KPJ on registration; idempotency.

let central: TestCentral;
let device: EnrolResponse;
let chain: Chain;

beforeAll(async () => { ({ central, device, chain } = await enrolledCounter()); });
afterAll(() => central.stop());

async function push(entries: LedgerEntryRow[], token = device.token) {
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries }, token });
  expect(reply.status).toBe(200);
  return batchResponseSchema.parse(reply.body).results;
}

function registration(p = makeParticipant()) {
  return chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p) });
}

describe('accepted and duplicate', () => {
  it('accepts new entries and answers duplicate for the same id and hash, in order', async () => {
    const a = chain.next({ kind: 'OPENING_FLOAT', amount: 200_000 });
    const b = chain.next({ kind: 'CASH_IN', amount: 50_000 });
    expect(await push([a, b])).toEqual([{ id: a.id, status: 'accepted' }, { id: b.id, status: 'accepted' }]);
    expect(await push([b, a])).toEqual([{ id: b.id, status: 'duplicate' }, { id: a.id, status: 'duplicate' }]);
    expect(central.admin.getEntry(a.id)).toEqual(a);
  });

  it('treats a repeat inside one batch as a duplicate of the first', async () => {
    const e = chain.next({ kind: 'CASH_OUT', amount: -10_000 });
    expect((await push([e, e])).map((r) => r.status)).toEqual(['accepted', 'duplicate']);
  });

  it('assigns an 11-digit KPJ on REGISTRATION and returns the same one on duplicate', async () => {
    const reg = registration();
    const [first] = await push([reg]);
    expect(first.status).toBe('accepted');
    expect(first.kpj).toMatch(/^26\d{9}$/);
    const [again] = await push([reg]);
    expect(again).toEqual({ id: reg.id, status: 'duplicate', kpj: first.kpj });
  });

  it('gives every registration its own KPJ', async () => {
    const results = await push([registration(), registration(), registration()]);
    const kpjs = results.map((r) => r.kpj);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
    expect(new Set(kpjs).size).toBe(3);
  });

  it('accepts a registration payload with unknown extra fields', async () => {
    const p = { ...makeParticipant(), favouriteColour: 'biru' };
    const [r] = await push([chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p) })]);
    expect(r.status).toBe('accepted');
  });
});

describe('rejected', () => {
  it('rejects the same id with another hash (ID_CONFLICT) and keeps the stored one', async () => {
    const e = chain.next({ kind: 'CASH_IN', amount: 5_000 });
    await push([e]);
    const changed = rehash({ ...e, amount: 6_000 });
    const [r] = await push([changed]);
    expect(r).toMatchObject({ id: e.id, status: 'rejected', reason: 'ID_CONFLICT' });
    expect(r.message).toMatch(/isi yang berbeda/);
    expect(central.admin.getEntry(e.id)?.amount).toBe(5_000);
  });

  it('rejects an entry whose hash does not fit its content (HASH_MISMATCH) and stores nothing', async () => {
    const e = chain.next({ kind: 'CASH_IN', amount: 7_000 });
    const [r] = await push([{ ...e, amount: 70_000 }]);
    expect(r).toMatchObject({ status: 'rejected', reason: 'HASH_MISMATCH' });
    expect(central.admin.getEntry(e.id)).toBeNull();
    // The genuine entry is still welcome afterwards.
    expect((await push([e]))[0].status).toBe('accepted');
  });

  it("rejects another counter's entries (FOREIGN_COUNTER) and another branch's (FOREIGN_BRANCH)", async () => {
    const other = createChain({ counterId: `${BANDUNG.code}-09`, branchCode: BANDUNG.code });
    const wrongBranch = chain.next({ kind: 'CASH_IN', amount: 1_000, branch_code: NGANJUK.code });
    const results = await push([other.next({ kind: 'CASH_IN', amount: 1_000 }), wrongBranch]);
    expect(results.map((r) => r.reason)).toEqual(['FOREIGN_COUNTER', 'FOREIGN_BRANCH']);
  });

  it("does not let another device see or overwrite this counter's entries", async () => {
    const e = chain.next({ kind: 'CASH_IN', amount: 2_000 });
    await push([e]);
    const nganjuk = await enrolDevice(central, NGANJUK.code, 1);
    const [r] = await push([e], nganjuk.token);
    expect(r).toMatchObject({ status: 'rejected', reason: 'FOREIGN_COUNTER' });
  });

  it('rejects payloads that do not fit the kind (BAD_PAYLOAD)', async () => {
    const results = await push([
      chain.next({ kind: 'REGISTRATION', payload: '{"participant":{"nik":"123"}}' }),
      chain.next({ kind: 'REGISTRATION', payload: 'bukan json' }),
      chain.next({ kind: 'CONTRIBUTION', participant_id: 'P-x', amount: 16_800, payload: '{"months":["2026-13"]}' }),
      chain.next({ kind: 'CONTRIBUTION', participant_id: null, amount: 16_800, payload: contributionPayload(['2026-11']) }),
      chain.next({ kind: 'VOID', amount: -16_800, ref_entry_id: null }),
    ]);
    expect(results.map((r) => r.reason)).toEqual(Array(5).fill('BAD_PAYLOAD'));
  });

  it('rejects a second active registration of the same NIK (NIK_REGISTERED) with the existing KPJ', async () => {
    const p = makeParticipant();
    const [first] = await push([registration(p)]);
    const [second] = await push([registration({ ...p, id: `${p.id}-again` })]);
    expect(second).toMatchObject({ status: 'rejected', reason: 'NIK_REGISTERED', kpj: first.kpj });
  });

  it('lets a NIK register again once its registration was voided', async () => {
    const p = makeParticipant();
    const reg = registration(p);
    const [first] = await push([reg]);
    await push([chain.next({ kind: 'VOID', ref_entry_id: reg.id })]);
    const [again] = await push([registration({ ...p, id: `${p.id}-b` })]);
    expect(again.status).toBe('accepted');
    expect(again.kpj).not.toBe(first.kpj);
  });

  it('answers every entry of a mixed batch in order', async () => {
    const ok = chain.next({ kind: 'CASH_IN', amount: 1 });
    const bad = { ...chain.next({ kind: 'CASH_IN', amount: 2 }), hash: 'f'.repeat(64) };
    const ok2 = chain.next({ kind: 'CASH_IN', amount: 3 });
    const results = await push([ok, bad, ok2]);
    expect(results.map((r) => [r.id, r.status])).toEqual([[ok.id, 'accepted'], [bad.id, 'rejected'], [ok2.id, 'accepted']]);
  });
});

describe('batch size', () => {
  it('takes 1000 entries in one batch and refuses 1001 with 400', async () => {
    const big = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, startSeq: 100_000 });
    const entries = Array.from({ length: 1001 }, (_, i) => big.next({ kind: 'CASH_IN', amount: i + 1 }));
    const tooMany = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries }, token: device.token });
    expect(tooMany.status).toBe(400);
    expect(central.admin.getEntry(entries[0].id)).toBeNull();
    const results = await push(entries.slice(0, 1000));
    expect(results).toHaveLength(1000);
    expect(results.every((r) => r.status === 'accepted')).toBe(true);
  });

  it('refuses an empty batch with 400', async () => {
    const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: [] }, token: device.token });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('entries');
  });
});

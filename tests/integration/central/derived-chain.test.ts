import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchResponseSchema, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { contributionPayload, type Chain } from '../../central/entry-builder';
import { call, type TestCentral, enrolledCounter } from './helpers';

// A batch without the chain's hashes (issue 17): central derives them from the rows and the
// first entry's prev_hash and checks the last against the counter's lastHash.

let central: TestCentral;
let device: EnrolResponse;
let chain: Chain;

beforeAll(async () => { ({ central, device, chain } = await enrolledCounter()); });
afterAll(() => central.stop());

const pay = (amount: number) => chain.next({ kind: 'CONTRIBUTION', participant_id: 'P-DERIVED', amount, payment_method: 'CASH', payload: contributionPayload(['2026-11']) });
const bare = (rows: LedgerEntryRow[]) => rows.map(({ hash: _h, prev_hash: _p, ...rest }) => rest);
async function derived(rows: LedgerEntryRow[], lastHash = rows[rows.length - 1].hash) {
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', {
    body: { chain: 'derived', prevHash: rows[0].prev_hash, lastHash, entries: bare(rows) }, token: device.token,
  });
  expect(reply.status).toBe(200);
  return batchResponseSchema.parse(reply.body).results;
}

describe('a batch whose chain central derives', () => {
  it('is stored as the whole rows, with the hashes the counter holds', async () => {
    const rows = [pay(16_800), pay(18_800), pay(20_800)];
    const results = await derived(rows);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    for (const r of rows) expect(central.admin.getEntry(r.id)).toMatchObject({ prev_hash: r.prev_hash, hash: r.hash });
    // Sent again: duplicate.
    expect((await derived(rows)).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('refuses the whole batch, storing nothing, when a row is not what the counter hashed', async () => {
    const rows = [pay(10_000), pay(11_000)];
    const tampered = [rows[0], { ...rows[1], amount: 99_000 }];
    const before = central.admin.counts().entries;
    const results = await derived(tampered, rows[1].hash);
    expect(results.map((r) => [r.status, r.reason])).toEqual([['rejected', 'HASH_MISMATCH'], ['rejected', 'HASH_MISMATCH']]);
    expect(central.admin.counts().entries).toBe(before);
  });

  it('a full batch (the first protocol) is still served and its wrong fields named', async () => {
    const rows = [pay(5_000)];
    const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: rows }, token: device.token });
    expect(batchResponseSchema.parse(reply.body).results[0]).toMatchObject({ status: 'accepted' });
    const bad = await call(central.url, 'POST', '/v1/transactions:batch', { body: { chain: 'derived', prevHash: 'x', entries: [] }, token: device.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['prevHash', 'lastHash']));
  });
});

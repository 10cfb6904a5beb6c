import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { batchResponseSchema, MAX_BODY_BYTES, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { contributionPayload, registrationPayload, type Chain } from '../../central/entry-builder';
import { createCentralClient, wireBody } from '../../../electron/services/central/client';
import { makeParticipant, type TestCentral, enrolledCounter } from './helpers';

// Village links are slow: bodies go compressed both ways (gzip or br), a plain client is still
// served, and a small compressed body that would unpack past the size limit is refused with 413
// before anything is written.

let central: TestCentral;
let device: EnrolResponse;
let chain: Chain;

beforeAll(async () => { ({ central, device, chain } = await enrolledCounter()); });
afterAll(() => central.stop());

function someEntries(n: number): LedgerEntryRow[] {
  const out: LedgerEntryRow[] = [];
  for (let i = 0; i < n; i++) {
    const p = makeParticipant();
    out.push(chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p) }));
    out.push(chain.next({ kind: 'CONTRIBUTION', participant_id: p.id, amount: 16_800, payment_method: 'CASH', payload: contributionPayload(['2026-11']) }));
  }
  return out;
}

async function post(body: Buffer | string, headers: Record<string, string>) {
  const res = await fetch(new URL('/v1/transactions:batch', central.url), {
    method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}`, ...headers },
  });
  return { status: res.status, headers: res.headers, json: await res.json() as any };
}

describe('compressed bodies on the central protocol', () => {
  it('takes a batch sent with gzip, with br, and plain', async () => {
    for (const [encoding, pack] of [['gzip', gzipSync], ['br', brotliCompressSync], [null, (b: Buffer) => b]] as const) {
      const entries = someEntries(3);
      const json = Buffer.from(JSON.stringify({ entries }));
      const r = await post(pack(json), encoding ? { 'content-encoding': encoding } : {});
      expect(r.status, String(encoding)).toBe(200);
      expect(batchResponseSchema.parse(r.json).results.map((x) => x.status)).toEqual(entries.map(() => 'accepted'));
    }
  });

  it("answers compressed as the client's Accept-Encoding allows, and plain to a client that asks for nothing", async () => {
    // fetch decodes what it receives; the header says what went on the wire.
    const br = await post(JSON.stringify({ entries: someEntries(10) }), { 'accept-encoding': 'br, gzip' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.json.results).toHaveLength(20);
    const gz = await post(JSON.stringify({ entries: someEntries(10) }), { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plainAnswer = await post(JSON.stringify({ entries: someEntries(10) }), { 'accept-encoding': 'identity' });
    expect(plainAnswer.headers.get('content-encoding')).toBeNull();
    expect(plainAnswer.json.results).toHaveLength(20);
  });

  it('refuses a zip bomb with 413 and writes nothing', async () => {
    const before = central.admin.counts();
    // 64 MiB of JSON-ish padding that gzips to about 64 KB: the body is small, what it unpacks to is not.
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"entries":[],"pad":"'), Buffer.alloc(8 * MAX_BODY_BYTES, 'a'), Buffer.from('"}')]));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
    const r = await post(bomb, { 'content-encoding': 'gzip' });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(central.admin.counts()).toEqual(before);
  });

  it('refuses an unknown encoding with 415, and a body that is not what it says with 400', async () => {
    const json = JSON.stringify({ entries: someEntries(1) });
    expect((await post(json, { 'content-encoding': 'compress' })).json.error.code).toBe('UNSUPPORTED_ENCODING');
    const broken = await post('not gzip at all', { 'content-encoding': 'gzip' });
    expect(broken.status).toBe(400);
  });

  it("the counter's client compresses what is worth it and reads compressed answers", async () => {
    const small = await wireBody('{"a":1}');
    expect(small.encoding).toBeNull();
    const json = JSON.stringify({ entries: someEntries(20) });
    const big = await wireBody(json);
    expect(big.encoding).toBe('br');
    expect(brotliDecompressSync(big.body as Uint8Array).toString()).toBe(json);
    expect((big.body as Uint8Array).length).toBeLessThan(Buffer.byteLength(json) / 4);
    const client = createCentralClient(() => ({ url: central.url, token: device.token }));
    const entries = someEntries(10);
    const answer = await client.call('batch', { body: { entries } });
    expect(answer.results.map((r) => r.status)).toEqual(entries.map(() => 'accepted'));
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { createChain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, startTestCentral, type TestCentral } from './helpers';

// Property: whatever arrives, the server answers 2xx/4xx (never 5xx, never a dropped
// connection) and garbage writes nothing. Failures print fast-check's seed to replay.

let central: TestCentral;
let device: EnrolResponse;
let stored: LedgerEntryRow;

beforeAll(async () => {
  central = await startTestCentral();
  device = await enrolDevice(central, BANDUNG.code);
  // A known entry: a mutation that happens to leave it unchanged is a duplicate, so still no new row.
  stored = createChain({ counterId: device.counterId, branchCode: BANDUNG.code }).next({ kind: 'CASH_IN', amount: 1_000 });
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: [stored] }, token: device.token });
  expect(reply.body.results[0].status).toBe('accepted');
});
afterAll(() => central.stop());

const POSTS = ['/v1/devices:enrol', '/v1/transactions:batch', '/v1/closings', '/admin/branches', '/admin/entries:plant', '/v1/nowhere'];
const GETS = ['/v1/health', '/v1/participants', '/v1/day-summary', '/v1/day-digest', '/v1/targets', '/v1/standings', '/admin/stats'];
const ENTRY_KEYS = Object.keys({
  id: 0, counter_id: 0, seq: 0, kind: 0, business_date: 0, created_at: 0, branch_code: 0, user_id: 0, participant_id: 0,
  amount: 0, breakdown: 0, payment_method: 0, receipt_no: 0, ref_entry_id: 0, payload: 0, prev_hash: 0, hash: 0,
} satisfies Record<keyof LedgerEntryRow, 0>);

const garbageText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('', 'null', '[]', '{}', '{"entries":null}', '{"entries":[null]}', '{"entries":[{}]}', '\u0000', '{"__proto__":{"x":1}}'),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
);

const mutatedBatch = fc.record({
  key: fc.constantFrom(...ENTRY_KEYS),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.integer(), fc.string({ maxLength: 40 })),
}).map(({ key, value }) => JSON.stringify({ entries: [{ ...stored, [key]: value }] }));

// Per endpoint: `npm test` sends LOKET_FUZZ_HTTP_RUNS (default 10,000) generated requests to
// every endpoint; the count is printed.
const RUNS = Number(process.env.LOKET_FUZZ_HTTP_RUNS ?? 10_000);
let sent = 0;

describe('garbage in', () => {
  it.each(POSTS)('POST %s never answers 5xx and never writes a row, for any body', async (postPath) => {
    const before = central.admin.counts();
    await fc.assert(
      fc.asyncProperty(
        fc.constant(postPath), fc.oneof(garbageText, mutatedBatch), fc.boolean(), fc.boolean(),
        async (path, raw, withToken, jsonType) => {
          sent++;
          const reply = await call(central.url, 'POST', path, {
            raw, token: withToken ? device.token : undefined,
            headers: { 'content-type': jsonType ? 'application/json' : 'text/plain' },
          });
          expect(reply.status).toBeGreaterThanOrEqual(200);
          expect(reply.status).toBeLessThan(500);
          if (reply.status >= 400) expect(typeof reply.body.error.message).toBe('string');
        },
      ),
      { numRuns: RUNS },
    );
    expect(central.admin.counts()).toEqual(before);
  }, 600_000);

  it.each(GETS)('GET %s never answers 5xx for any query string', async (getPath) => {
    const before = central.admin.counts();
    const params = fc.dictionary(
      fc.constantFrom('nik', 'kpj', 'counterId', 'businessDate', 'cursor', 'limit', 'branchCode', 'periodId', 'x'),
      fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String), fc.constantFrom('', '0', '-1', '1e9', 'NaN', '%', '3273011705900001')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constant(getPath), params, fc.boolean(), async (path, query, withToken) => {
        sent++;
        const reply = await call(central.url, 'GET', `${path}?${new URLSearchParams(query)}`, { token: withToken ? device.token : undefined });
        expect(reply.status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    expect(central.admin.counts()).toEqual(before);
  }, 600_000);

  it('counted the requests', () => {
    console.log(`central HTTP fuzz: ${sent} generated requests over ${POSTS.length + GETS.length} endpoints (${RUNS} each)`);
    expect(sent).toBeGreaterThanOrEqual(RUNS * (POSTS.length + GETS.length));
  });
});

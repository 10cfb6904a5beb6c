import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daySummaryResponseSchema, type EnrolResponse } from '../../../shared/protocol/central';
import { dayDigestResponseSchema } from '../../../shared/protocol/day-digest';
import { dayDigest, digestOf } from '../../../shared/domain/day-digest';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { createChain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, NGANJUK, startTestCentral, type TestCentral } from './helpers';

// GET /v1/day-digest (issue 17) and the day summary's seq range: what the counter's
// reconciliation by digest asks of central, over real HTTP.

let central: TestCentral;
let device: EnrolResponse;
const DAY = '2026-11-24';
let dayEntries: LedgerEntryRow[];
const summaryOf = (e: LedgerEntryRow) => ({ id: e.id, seq: e.seq, kind: e.kind, amount: e.amount, hash: e.hash });

beforeAll(async () => {
  central = await startTestCentral();
  device = await enrolDevice(central, BANDUNG.code, 1);
  const chain = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, businessDate: DAY });
  dayEntries = Array.from({ length: 40 }, (_, i) => chain.next({ kind: 'CASH_IN', amount: 1_000 * (i + 1) }));
  const nextDay = chain.next({ kind: 'CASH_IN', amount: 99, business_date: '2026-11-25' });
  expect((await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: [...dayEntries, nextDay] }, token: device.token })).status).toBe(200);
});
afterAll(() => central.stop());

const digestOfDay = async (q: Record<string, string>, token = device.token) => {
  const reply = await call(central.url, 'GET', `/v1/day-digest?${new URLSearchParams({ counterId: device.counterId, businessDate: DAY, ...q })}`, { token });
  return { status: reply.status, body: reply.body };
};

describe('GET /v1/day-digest', () => {
  it("answers the day's count, sum and digest with up to 16 range digests, the same the shared function computes from the entries", async () => {
    const { status, body } = await digestOfDay({});
    expect(status).toBe(200);
    const d = dayDigestResponseSchema.parse(body);
    expect(d).toEqual(dayDigest(dayEntries.map(summaryOf)));
    expect(d).toMatchObject({ fromSeq: 1, toSeq: 40, count: 40, amount: 820_000 });
    expect(d.ranges.length).toBeGreaterThan(1);
    expect(d.ranges.length).toBeLessThanOrEqual(16);
  });

  it('leaves the ranges out when the counter already holds the same digest: a matching day is one short answer', async () => {
    const mine = digestOf(dayEntries.map(summaryOf)).digest;
    const { body } = await digestOfDay({ knownDigest: mine });
    expect(body).toMatchObject({ count: 40, digest: mine, ranges: [] });
    expect(JSON.stringify(body).length).toBeLessThan(200);
    const other = await digestOfDay({ knownDigest: 'e'.repeat(64) });
    expect(other.body.ranges.length).toBeGreaterThan(1);
  });

  it('digests a seq range cut into the parts asked for', async () => {
    const { body } = await digestOfDay({ fromSeq: '11', toSeq: '20', parts: '4' });
    const d = dayDigestResponseSchema.parse(body);
    expect(d).toMatchObject({ fromSeq: 11, toSeq: 20, count: 10, digest: digestOf(dayEntries.slice(10, 20).map(summaryOf)).digest });
    expect(d.ranges.map((r) => [r.fromSeq, r.toSeq, r.count])).toEqual([[11, 13, 3], [14, 16, 3], [17, 19, 3], [20, 20, 1]]);
  });

  it('sees an entry changed at central in exactly one range', async () => {
    const before = dayDigestResponseSchema.parse((await digestOfDay({})).body);
    expect(central.admin.alterEntry({ id: dayEntries[25].id, amount: 1 })).toBe(true);
    const after = dayDigestResponseSchema.parse((await digestOfDay({})).body);
    expect(after.digest).not.toBe(before.digest);
    const changed = after.ranges.filter((r, i) => r.digest !== before.ranges[i].digest);
    expect(changed).toHaveLength(1);
    expect(changed[0].fromSeq <= 26 && changed[0].toSeq >= 26).toBe(true);
    expect(central.admin.alterEntry({ id: dayEntries[25].id, amount: dayEntries[25].amount })).toBe(true);
  });

  it('answers 400 for bad bounds or parts, 403 for a counter of another branch, 401 without token', async () => {
    const bad: Record<string, string>[] = [{ fromSeq: 'x' }, { fromSeq: '9', toSeq: '3' }, { parts: '0' }, { parts: '17' }, { knownDigest: 'abc' }, { toSeq: '-1' }];
    for (const q of bad) {
      expect((await digestOfDay(q)).status, JSON.stringify(q)).toBe(400);
    }
    const other = await enrolDevice(central, NGANJUK.code, 1);
    expect((await digestOfDay({}, other.token)).status).toBe(403);
    expect((await call(central.url, 'GET', `/v1/day-digest?counterId=${device.counterId}&businessDate=${DAY}`)).status).toBe(401);
  });
});

describe('GET /v1/day-summary with a seq range', () => {
  it('lists only the entries of the range, paged with the cursor as before', async () => {
    const got: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q = new URLSearchParams({ counterId: device.counterId, businessDate: DAY, fromSeq: '5', toSeq: '16', limit: '5' });
      if (cursor) q.set('cursor', cursor);
      const page = daySummaryResponseSchema.parse((await call(central.url, 'GET', `/v1/day-summary?${q}`, { token: device.token })).body);
      got.push(...page.entries);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(got).toEqual(dayEntries.slice(4, 16).map(summaryOf));
  });
});

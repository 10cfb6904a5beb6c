import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingResponseSchema, daySummaryResponseSchema, type DaySummaryEntry, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { createChain, type Chain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, NGANJUK, startTestCentral, type TestCentral } from './helpers';

// What a day's closing needs from central: the day summary (cursor pages) and POST /v1/closings.

let central: TestCentral;
let device: EnrolResponse;
let chain: Chain;
const DAY = '2026-11-24';
let dayEntries: LedgerEntryRow[];

beforeAll(async () => {
  central = await startTestCentral();
  device = await enrolDevice(central, BANDUNG.code, 1);
  chain = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, businessDate: DAY });
  dayEntries = Array.from({ length: 25 }, (_, i) => chain.next({ kind: 'CASH_IN', amount: 1_000 * (i + 1) }));
  const nextDay = chain.next({ kind: 'CASH_IN', amount: 99, business_date: '2026-11-25' });
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: [...dayEntries, nextDay] }, token: device.token });
  expect(reply.status).toBe(200);
});
afterAll(() => central.stop());

async function allPages(limit: number, token = device.token): Promise<{ pages: number; entries: DaySummaryEntry[] }> {
  const entries: DaySummaryEntry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const q = new URLSearchParams({ counterId: device.counterId, businessDate: DAY, limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    const reply = await call(central.url, 'GET', `/v1/day-summary?${q}`, { token });
    expect(reply.status).toBe(200);
    const page = daySummaryResponseSchema.parse(reply.body);
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    entries.push(...page.entries);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  return { pages, entries };
}

const summaryOf = (e: LedgerEntryRow) => ({ id: e.id, seq: e.seq, kind: e.kind, amount: e.amount, hash: e.hash });

describe('GET /v1/day-summary', () => {
  it('pages through the day in seq order with a cursor, and only that day', async () => {
    const { pages, entries } = await allPages(10);
    expect(pages).toBe(3);
    expect(entries).toEqual(dayEntries.map(summaryOf));
  });

  it('ends with a null cursor when the page holds the rest exactly', async () => {
    const { pages, entries } = await allPages(25);
    expect(pages).toBe(1);
    expect(entries).toHaveLength(25);
  });

  it('shows what only central holds and what central holds differently', async () => {
    const planted = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, businessDate: DAY, startSeq: 900 })
      .next({ kind: 'CASH_IN', amount: 123 });
    expect(central.admin.plantEntry(planted).status).toBe('accepted');
    expect(central.admin.alterEntry({ id: dayEntries[3].id, hash: 'a'.repeat(64), amount: 1 })).toBe(true);
    const { entries } = await allPages(500);
    expect(entries.at(-1)).toEqual(summaryOf(planted));
    expect(entries[3]).toEqual({ ...summaryOf(dayEntries[3]), hash: 'a'.repeat(64), amount: 1 });
  });

  it('answers 400 for a bad cursor or limit, 403 for a counter of another branch, 401 without token', async () => {
    const base = `counterId=${device.counterId}&businessDate=${DAY}`;
    for (const q of [`${base}&cursor=not-a-cursor`, `${base}&limit=0`, `${base}&limit=5000`, `${base}&limit=-1`, `counterId=${device.counterId}`]) {
      expect((await call(central.url, 'GET', `/v1/day-summary?${q}`, { token: device.token })).status, q).toBe(400);
    }
    const other = await enrolDevice(central, NGANJUK.code, 1);
    const foreign = await call(central.url, 'GET', `/v1/day-summary?${base}`, { token: other.token });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('FORBIDDEN');
    expect((await call(central.url, 'GET', `/v1/day-summary?${base}`)).status).toBe(401);
  });

  it("lets another counter of the same branch read this counter's day", async () => {
    const second = await enrolDevice(central, BANDUNG.code, 2);
    const { entries } = await allPages(100, second.token);
    expect(entries.length).toBeGreaterThanOrEqual(25);
  });
});

describe('POST /v1/closings', () => {
  const closingEntryId = '01KAY3P6X8M5N2Q7R9S0T1V2W3';
  const body = () => ({
    counterId: device.counterId, businessDate: DAY, closingEntryId, closingHash: 'c'.repeat(64),
    report: { totalCash: 325_000, difference: 0, counted: { '100000': 3, '20000': 1, '5000': 1 } },
  });

  it('acknowledges a closing and answers the same id when it is sent again', async () => {
    const first = await call(central.url, 'POST', '/v1/closings', { body: body(), token: device.token });
    expect(first.status).toBe(200);
    const ack = closingResponseSchema.parse(first.body);
    const again = await call(central.url, 'POST', '/v1/closings', { body: body(), token: device.token });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(ack);
    expect(central.admin.counts().closings).toBe(1);
  });

  it('answers 409 for a different closing of a day already closed', async () => {
    const reply = await call(central.url, 'POST', '/v1/closings', {
      body: { ...body(), closingEntryId: '01KAY3P6X8M5N2Q7R9S0T1V2W4' }, token: device.token,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('CONFLICT');
    const otherHash = await call(central.url, 'POST', '/v1/closings', { body: { ...body(), closingHash: 'd'.repeat(64) }, token: device.token });
    expect(otherHash.status).toBe(409);
  });

  it('answers 400 for a malformed closing and 403 for another branch', async () => {
    const bad = await call(central.url, 'POST', '/v1/closings', { body: { ...body(), report: 'ok' }, token: device.token });
    expect(bad.status).toBe(400);
    const other = await enrolDevice(central, NGANJUK.code, 3);
    const foreign = await call(central.url, 'POST', '/v1/closings', { body: { ...body(), businessDate: '2026-11-23' }, token: other.token });
    expect(foreign.status).toBe(403);
  });
});

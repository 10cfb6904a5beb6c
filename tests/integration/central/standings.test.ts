import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingsResponseSchema, targetsResponseSchema, type EnrolResponse, type Standing } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { createChain, registrationPayload } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, makeParticipant, NGANJUK, startTestCentral, type TestCentral } from './helpers';

// Targets and standings computed from the REGISTRATION entries central received.

const PERIODS = [
  { id: 'P-2026-2', name: 'Periode II 2026', from: '2026-05-01', to: '2026-08-31', target: 500 },
  { id: 'P-2026-3', name: 'Periode III 2026', from: '2026-09-01', to: '2026-12-31', target: 3 },
];
const BOGOR = { code: '16100', name: 'KC Bogor', provinceCode: '32', regencyCode: '32.71' };
const CIREBON = { code: '45100', name: 'KC Cirebon', provinceCode: '32', regencyCode: '32.74' };

async function pushAll(central: TestCentral, device: EnrolResponse, rows: LedgerEntryRow[]) {
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: rows }, token: device.token });
  expect(reply.body.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
}

function registrations(counterId: string, branchCode: string, dates: string[], startSeq = 1) {
  const chain = createChain({ counterId, branchCode, startSeq });
  return dates.map((d) => {
    const p = makeParticipant();
    return chain.next({ kind: 'REGISTRATION', business_date: d, participant_id: p.id, payload: registrationPayload(p) });
  });
}

describe('a small, exact scenario', () => {
  let central: TestCentral;
  let bandung: EnrolResponse;

  beforeAll(async () => {
    central = await startTestCentral({
      seed: { branches: [BANDUNG, NGANJUK, BOGOR, CIREBON], periods: PERIODS, branchTargets: [{ periodId: 'P-2026-3', branchCode: BANDUNG.code, target: 100 }] },
    });
    bandung = await enrolDevice(central, BANDUNG.code, 1);
    const nganjuk = await enrolDevice(central, NGANJUK.code, 1);
    // Bandung: three in the period, one of them voided, one before the period.
    const b = registrations(bandung.counterId, BANDUNG.code, ['2026-09-01', '2026-10-10', '2026-12-31', '2026-08-31']);
    const voidOne = createChain({ counterId: bandung.counterId, branchCode: BANDUNG.code, startSeq: 5, prevHash: b[3].hash })
      .next({ kind: 'VOID', business_date: '2026-11-01', ref_entry_id: b[1].id });
    await pushAll(central, bandung, [...b, voidOne]);
    await pushAll(central, nganjuk, registrations(nganjuk.counterId, NGANJUK.code, ['2026-11-20', '2026-11-21']));
    // Bogor has no enrolled device here: its entries are planted at central.
    for (const e of registrations('16100-01', BOGOR.code, ['2026-09-02', '2026-09-03', '2026-09-04'])) {
      expect(central.admin.plantEntry(e).status).toBe('accepted');
    }
  });
  afterAll(() => central.stop());

  it('counts registrations in the period minus voided ones and ranks them (1, 2, 2, 4)', async () => {
    const reply = await call(central.url, 'GET', '/v1/standings?periodId=P-2026-3', { token: bandung.token });
    expect(reply.status).toBe(200);
    const body = standingsResponseSchema.parse(reply.body);
    expect(body.period).toEqual(PERIODS[1]);
    const pick = (s: Standing) => [s.branchCode, s.newParticipants, s.target, s.rankNational, s.rankInProvince];
    expect(body.branches.map(pick)).toEqual([
      [BOGOR.code, 3, 3, 1, 1],
      [BANDUNG.code, 2, 100, 2, 2],
      [NGANJUK.code, 2, 3, 2, 1],
      [CIREBON.code, 0, 3, 4, 3],
    ]);
    expect(body.branches[0]).toMatchObject({ branchName: 'KC Bogor', regionCode: '32.71', provinceCode: '32' });
  });

  it('counts the earlier period on its own', async () => {
    const reply = await call(central.url, 'GET', '/v1/standings?periodId=P-2026-2', { token: bandung.token });
    const mine = reply.body.branches.find((s: Standing) => s.branchCode === BANDUNG.code);
    expect(mine).toMatchObject({ newParticipants: 1, target: 500, rankNational: 1 });
  });

  it('answers 404 for an unknown period', async () => {
    const reply = await call(central.url, 'GET', '/v1/standings?periodId=nope', { token: bandung.token });
    expect(reply.status).toBe(404);
  });

  it("gives targets with the branch's own target where set", async () => {
    const mine = targetsResponseSchema.parse((await call(central.url, 'GET', '/v1/targets', { token: bandung.token })).body);
    expect(mine.periods.map((p) => p.target)).toEqual([500, 100]);
    const other = await call(central.url, 'GET', `/v1/targets?branchCode=${NGANJUK.code}`, { token: bandung.token });
    expect(other.body.periods.map((p: { target: number }) => p.target)).toEqual([500, 3]);
    expect((await call(central.url, 'GET', '/v1/targets?branchCode=00000', { token: bandung.token })).status).toBe(404);
  });
});

describe('generated branches', () => {
  const seedInput = { seed: 7, count: 30, minPerBranch: 5, maxPerBranch: 60, periodId: '2026-P3' };
  let a: TestCentral;
  let b: TestCentral;

  beforeAll(async () => {
    // A pinned clock: the default periods are last year, this year and next year.
    const now = () => new Date('2026-11-25T03:00:00.000Z');
    a = await startTestCentral({ now, seed: { branches: [BANDUNG], otherBranches: seedInput } });
    b = await startTestCentral({ now, seed: { branches: [BANDUNG] } });
  });
  afterAll(async () => { await a.stop(); await b.stop(); });

  it('by default has three periods a year with a target of 500', async () => {
    const device = await enrolDevice(b, BANDUNG.code);
    const { periods } = targetsResponseSchema.parse((await call(b.url, 'GET', '/v1/targets', { token: device.token })).body);
    expect(periods).toHaveLength(9);
    expect(periods.filter((p) => p.from.startsWith('2026-')).map((p) => [p.id, p.from, p.to])).toEqual([
      ['2026-P1', '2026-01-01', '2026-04-30'], ['2026-P2', '2026-05-01', '2026-08-31'], ['2026-P3', '2026-09-01', '2026-12-31'],
    ]);
    expect(periods.every((p) => p.target === 500)).toBe(true);
    // Without a periodId, standings are of the period that contains today.
    const current = await call(b.url, 'GET', '/v1/standings', { token: device.token });
    expect(current.body.period.id).toBe('2026-P3');
  });

  it('makes 30 branches across provinces whose standings are reproducible from the seed', async () => {
    const again = b.admin.seedBranches(seedInput);
    expect(again.branches).toHaveLength(30);
    const standings = async (c: TestCentral, counterNumber: number) => {
      const device = await enrolDevice(c, BANDUNG.code, counterNumber);
      const reply = await call(c.url, 'GET', '/v1/standings?periodId=2026-P3', { token: device.token });
      return standingsResponseSchema.parse(reply.body);
    };
    const sa = await standings(a, 1);
    const sb = await standings(b, 2);
    expect(sa.branches).toHaveLength(31);
    expect(sa.branches).toEqual(sb.branches);
    expect(new Set(sa.branches.map((s) => s.provinceCode)).size).toBeGreaterThan(15);
    const seeded = sa.branches.filter((s) => s.branchCode !== BANDUNG.code);
    expect(seeded.reduce((n, s) => n + s.newParticipants, 0)).toBe(again.registrations);
    expect(seeded.every((s) => s.newParticipants >= 5 && s.newParticipants <= 60)).toBe(true);
  });

  it('ranks consistently with the counts, nationally and per province', async () => {
    const device = await enrolDevice(a, BANDUNG.code, 2);
    const { branches } = standingsResponseSchema.parse((await call(a.url, 'GET', '/v1/standings?periodId=2026-P3', { token: device.token })).body);
    const expectedRank = (list: Standing[], s: Standing) => 1 + list.filter((o) => o.newParticipants > s.newParticipants).length;
    for (const s of branches) {
      expect(s.rankNational).toBe(expectedRank(branches, s));
      expect(s.rankInProvince).toBe(expectedRank(branches.filter((o) => o.provinceCode === s.provinceCode), s));
    }
  });

  it('lets a counter look up a worker registered at a generated branch', async () => {
    const file = new Database(a.dbPath, { readonly: true });
    const seeded = file.prepare("SELECT nik, branch_code FROM participants WHERE branch_code <> ? LIMIT 1").get(BANDUNG.code) as
      { nik: string; branch_code: string };
    file.close();
    const device = await enrolDevice(a, BANDUNG.code, 3);
    const reply = await call(a.url, 'GET', `/v1/participants?nik=${seeded.nik}`, { token: device.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ nik: seeded.nik, branchCode: seeded.branch_code, paidMonths: [] });
    expect(reply.body.kpj).toMatch(/^\d{11}$/);
  });
});

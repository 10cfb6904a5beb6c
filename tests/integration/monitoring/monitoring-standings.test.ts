import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringOverview } from '../../../shared/contract/monitoring';
import type { CentralServer } from '../../central/server';
import { testClock, testHost } from '../../support/host';
import {
  BANDUNG, enrolDevice, enrolHost, KEDIRI, ok, pay, pushRegistrations, register, sessions, startCentral, SURABAYA,
  voidRegistration, type Host,
} from './monitoring-helpers';

// Monitoring against a real central double: other branches (and counter 2 of this branch) push
// registrations over the protocol; this counter registers and takes payments through its real
// services over several months. Period III 2026 (1 Sep – 31 Dec) has a target of 20.
//
// This counter: C registered 10 Jun (outside the period) and paid June; D 15 Sep (agus) paid
// September; on 25 Nov A (no payment), B (paid November) and E (voided) by siti/agus.
// → 3 new participants here (D, A, B). Counter 2 of the branch pushed 4, one voided → 3.

const clock = testClock('2026-06-10T03:00:00.000Z');
let host: Host;
let central: CentralServer;
let head: string;
const ids: Record<string, { participantId: string; entryId: string }> = {};

const overview = async (): Promise<MonitoringOverview> =>
  ok(await host.router.call({ procedure: 'monitoring.overview', input: {}, session: head }, 'direct'));

beforeAll(async () => {
  host = await testHost({ clock });
  central = await startCentral(host, clock);
  await enrolHost(host, central);
  ids.C = await register(host, 'siti', 'Citra Lestari');
  await pay(host, 'siti', ids.C.participantId);

  clock.now = new Date('2026-09-15T03:00:00.000Z');
  ids.D = await register(host, 'agus', 'Dewi Anggraini');
  await pay(host, 'agus', ids.D.participantId);

  clock.now = new Date('2026-11-25T03:00:00.000Z');
  ids.A = await register(host, 'siti', 'Ahmad Fauzi');
  ids.B = await register(host, 'siti', 'Bayu Pratama');
  await pay(host, 'siti', ids.B.participantId);
  ids.E = await register(host, 'agus', 'Eko Wibowo');
  voidRegistration(host, ids.E.entryId);

  const counter2 = await enrolDevice(central, '64400', 2, clock);
  await pushRegistrations(central, counter2, ['2026-09-02', '2026-10-01', '2026-10-02', '2026-11-20'], [1]);
  await pushRegistrations(central, await enrolDevice(central, SURABAYA.code, 1, clock), Array(10).fill('2026-10-10'));
  await pushRegistrations(central, await enrolDevice(central, KEDIRI.code, 1, clock), ['2026-09-05', '2026-11-01', '2026-08-31']);
  await pushRegistrations(central, await enrolDevice(central, BANDUNG.code, 1, clock), Array(8).fill('2026-11-11'));
  head = (await sessions(host)).head;
}, 60_000);

afterAll(async () => {
  await central.close().catch(() => undefined); // the offline test closed it already
  await host.cleanup();
});

describe('monitoring against the central standings', () => {
  it('counts this counter from its ledger exactly, and the other counter from the standings, before sync', async () => {
    const o = await overview();
    expect(o.central.state).toBe('online');
    expect(o.periodSource).toBe('central');
    expect(o.period).toEqual({ id: 'P-2026-3', name: 'Periode III 2026', from: '2026-09-01', to: '2026-12-31', target: 20 });
    // Nothing of ours is at central yet: the branch's central count is counter 2's alone.
    expect(o.standings.mine?.newParticipants).toBe(3);
    expect(o.progress).toMatchObject({ thisCounter: 3, otherCounters: 3, branchTotal: 6, target: 20, remaining: 14 });
  });

  it('after sync, central counts ours too, and the branch total is not counted twice', async () => {
    const sent = await host.services.sync.sendNow();
    expect(sent.rejected).toBe(0);
    expect(host.services.sync.status().waiting).toBe(0);
    const o = await overview();
    expect(o.standings.state).toBe('online');
    expect(o.standings.mine).toMatchObject({ newParticipants: 6, rankInProvince: 2, rankNational: 3, target: 20 });
    expect(o.progress).toEqual({
      target: 20, branchTotal: 6, thisCounter: 3, otherCounters: 3, remaining: 14, percent: 30,
      daysTotal: 122, dayOfPeriod: 86, daysLeft: 37, paceNeeded: 1, expectedByToday: 15, onTrack: false,
    });
    expect(o.standings.branchesNational).toBe(4);
    expect(o.standings.branchesInProvince).toBe(3);
    expect(o.standings.province.map((s) => [s.branchCode, s.newParticipants, s.rankInProvince, s.mine])).toEqual([
      [SURABAYA.code, 10, 1, false], ['64400', 6, 2, true], [KEDIRI.code, 2, 3, false],
    ]);
    expect(o.perCounter).toEqual([
      { counterId: '64400-01', thisCounter: true, registrations: 3, payments: 2, source: 'ledger' },
      { counterId: null, thisCounter: false, registrations: 3, payments: null, source: 'central' },
    ]);
  });

  it('matches the ledger: registrations in the period, less the voided one, per teller and per day', async () => {
    const o = await overview();
    const db = host.services.db;
    const exact = db.prepare(`SELECT COUNT(*) AS n FROM ledger_entries e WHERE kind = 'REGISTRATION'
      AND business_date BETWEEN '2026-09-01' AND '2026-12-31'
      AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.kind = 'VOID' AND v.ref_entry_id = e.id)`).get() as { n: number };
    expect(o.progress?.thisCounter).toBe(exact.n);
    const all = db.prepare(`SELECT COUNT(*) AS n FROM ledger_entries WHERE kind = 'REGISTRATION' AND business_date >= '2026-09-01'`).get() as { n: number };
    expect(all.n).toBe(4); // E is in the ledger, but voided
    expect(o.perTeller.map((t) => [t.name, t.registrations, t.payments])).toEqual([
      ['Siti Rahayu', 2, 1], ['Agus Santoso', 1, 1],
    ]);
    expect(o.perTeller.every((t) => t.amount > 0)).toBe(true);
    expect(o.series).toHaveLength(86);
    expect(o.series[0]).toEqual({ date: '2026-09-01', registrations: 0, payments: 0, cumulative: 0, targetCumulative: 0 });
    expect(o.series.find((d) => d.date === '2026-09-15')).toMatchObject({ registrations: 1, payments: 1, cumulative: 1 });
    expect(o.series.at(-1)).toEqual({ date: '2026-11-25', registrations: 2, payments: 1, cumulative: 3, targetCumulative: 14 });
    expect(o.series.reduce((n, d) => n + d.registrations, 0)).toBe(3);
    expect(o.targetPacePerDay).toBeCloseTo(20 / 122, 2);
  });

  it('lists the participants to win back, most urgent first, with their phone numbers', async () => {
    const o = await overview();
    expect(o.winBack.total).toBe(3);
    expect(o.winBack.rows.map((w) => [w.name, w.status, w.paidUntil, w.unpaidRun, w.lapsedSince])).toEqual([
      ['Dewi Anggraini', 'arrears', '2026-09', 1, null],
      ['Ahmad Fauzi', 'due', null, 0, null],
      ['Citra Lestari', 'lapsed', '2026-06', 4, '2026-07'],
    ]);
    expect(o.winBack.rows[1]).toMatchObject({ phone: '+6281234567890', phoneLocal: '081234567890', overdue: true, registeredOn: '2026-11-25' });
    // B paid this month; E's registration was voided.
    expect(o.winBack.rows.some((w) => w.participantId === ids.B.participantId || w.participantId === ids.E.participantId)).toBe(false);
  });

  it('offline: shows the last known standings with their date, and still counts new local registrations', async () => {
    const online = await overview();
    await central.close();
    clock.advance(60 * 60_000);
    head = (await sessions(host)).head;
    await register(host, 'siti', 'Fajar Nugroho');
    const o = await overview();
    expect(o.central.state).toBe('offline');
    expect(o.periodSource).toBe('cache');
    expect(o.period?.id).toBe('P-2026-3');
    expect(o.standings.state).toBe('cache');
    expect(o.standings.asOf).toBe(online.standings.asOf);
    expect(o.standings.mine).toEqual(online.standings.mine);
    expect(o.central.targetsFetchedAt).toBe(online.central.targetsFetchedAt);
    expect(o.progress).toMatchObject({ thisCounter: 4, otherCounters: 3, branchTotal: 7 });
  });
});

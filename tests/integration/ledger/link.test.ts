import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testHost } from '../../support/host';
import { enrol, testCentral } from '../../support/central';
import { LINK_PROFILES, startLinkShaper, type LinkProfile } from '../../faults/link-shaper';

// Sync over the links village counters have (issue 17), through the link shaper: a real TCP
// proxy with each direction's bandwidth, the round trip, jitter and seeded cuts.

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => { for (const c of cleanups.reverse()) await c(); cleanups = []; });

async function counterBehind(profile: LinkProfile, seed: number) {
  const central = await testCentral();
  const h = await testHost();
  cleanups.push(central.dispose, h.cleanup);
  await enrol(h, central);
  const link = await startLinkShaper(central.url, profile, seed);
  cleanups.push(link.close);
  h.services.settings.update((x) => ({ ...x, central: { ...x.central, url: link.url } }));
  const teller = h.services.auth.listUsers().find((u) => u.username === 'siti')!;
  const pay = (amount: number) => h.services.ledger.record(
    { kind: 'CONTRIBUTION', userId: teller.id, participantId: '01KPARTICIPANT0000000000001', amount, paymentMethod: 'CASH', payload: { months: ['2026-11'] } },
    { actor: { userId: teller.id, username: teller.username }, action: 'payment.create' },
  ).entry;
  return { central, h, link, pay };
}

describe('the link shaper', () => {
  it('holds a transfer to its bandwidth and round trip (a lower bound, which a slow machine cannot break)', async () => {
    const server = createServer((req, res) => { req.resume(); req.on('end', () => { res.end('ok'); }); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise<void>((ok) => server.close(() => ok())));
    const link = await startLinkShaper(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, LINK_PROFILES.edge, 1);
    cleanups.push(link.close);
    const body = Buffer.alloc(16_000, 'x');
    const t0 = performance.now();
    const res = await fetch(link.url, { method: 'POST', body });
    expect(await res.text()).toBe('ok');
    const elapsed = performance.now() - t0;
    // 16 KB up at 80 kbit/s is 1.6 s, plus the connection's and the request's round trips.
    expect(elapsed).toBeGreaterThanOrEqual((body.length * 8 * 1000) / LINK_PROFILES.edge.upBps + LINK_PROFILES.edge.rttMs);
    expect(link.stats.bytesUp).toBeGreaterThan(body.length);
  });

  it('cuts a connection after a seeded number of bytes, the same for the same seed', async () => {
    const server = createServer((req, res) => { req.resume(); req.on('end', () => res.end('ok')); });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise<void>((ok) => server.close(() => ok())));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fast: LinkProfile = { name: 'cut-fast', rttMs: 2, jitterMs: 0, upBps: 50e6, downBps: 50e6, cutBytes: [20_000, 200_000] };
    const carried: number[] = [];
    for (const seed of [7, 7, 8]) {
      const link = await startLinkShaper(target, fast, seed);
      await expect(fetch(link.url, { method: 'POST', body: Buffer.alloc(400_000, 'y') })).rejects.toThrow();
      expect(link.stats.cuts).toBe(1);
      carried.push(link.stats.bytesUp);
      await link.close();
    }
    expect(carried[0]).toBe(carried[1]);
    expect(carried[2]).not.toBe(carried[0]);
  });
});

describe('sync over a village link', () => {
  it('drains a day over EDGE: every entry once, batches growing from small, the link measured', async () => {
    const { central, h, link, pay } = await counterBehind(LINK_PROFILES.edge, 11);
    for (let i = 0; i < 120; i++) pay(16_800);
    const draining = h.services.sync.drainOnce();
    // While it runs, the status bar's progress: "mengirim 50 dari 120" and so on.
    const seen: { sent: number; total: number }[] = [];
    while (seen.length < 200) {
      const st = h.services.sync.status().sending;
      if (!st) break;
      seen.push(st);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const r = await draining;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((x) => x.total === 120 && x.sent < 120)).toBe(true);
    expect(seen.map((x) => x.sent)).toEqual([...seen.map((x) => x.sent)].sort((a, b) => a - b));
    expect(r).toMatchObject({ sent: 120, accepted: 120, failed: false });
    expect(central.admin.counts().entries).toBe(120);
    const st = h.services.sync.status();
    expect(st).toMatchObject({ waiting: 0, sending: null });
    expect(st.link.lastMs).toBeGreaterThanOrEqual(LINK_PROFILES.edge.rttMs);
    expect(st.link.bytesPerSecond).toBeGreaterThan(0);
    // Compressed: far fewer bytes on the wire than the entries' JSON.
    expect(link.stats.bytesUp / 120).toBeLessThan(400);
  });

  it('over a link that keeps cutting, every drain attempt moves on and the day arrives: 0 lost, 0 doubled', async () => {
    const cutting: LinkProfile = { ...LINK_PROFILES['edge-cut'], rttMs: 60, jitterMs: 20, upBps: 2e6, downBps: 2e6, cutBytes: [1_500, 6_000] };
    for (const seed of [101, 202, 303]) {
      const { central, h, link, pay } = await counterBehind(cutting, seed);
      const ids = Array.from({ length: 300 }, (_, i) => pay(1_000 + i).id);
      let attempts = 0;
      while (h.services.sync.status().waiting > 0 && attempts < 200) { attempts++; await h.services.sync.drainOnce(); }
      expect(h.services.sync.status().waiting, `seed ${seed}`).toBe(0);
      expect(link.stats.cuts, `seed ${seed}: the link did cut`).toBeGreaterThan(0);
      expect(central.admin.counts().entries, `seed ${seed}`).toBe(300);
      for (const id of ids) expect(central.admin.getEntry(id), id).toBeTruthy();
    }
  }, 120_000);
});

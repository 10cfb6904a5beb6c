import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LINK_PROFILES, type LinkProfile } from '../../faults/link-shaper';
import { createChain } from '../../central/entry-builder';
import { RECON_LEAF_ENTRIES } from '../../../electron/services/closing/reconcile';
import { rng } from '../../faults/rng';
import { dayDigest } from '../../../shared/domain/day-digest';
import { dayBehindLink, fullComparison, lastReconStats, type DayBehind } from './link-day';

// The closing's reconciliation over a village link (issue 17 item 5, 6): digests first, entry
// lists only of the ranges that differ, and a reconciliation the link cut short taken up where
// it stopped. Real parts: the central double over HTTP behind the link shaper, SQLite files.
// Every result is checked against the old full comparison of the same day.

const DAY = '2026-11-25';
const without = <T extends { rows: { pushedAgain: boolean }[] }>(r: T) => ({ ...r, rows: r.rows.map(({ pushedAgain: _p, ...row }) => row) });
const same = (r: { rows: unknown; counts: unknown; perKind: unknown; perProgram: unknown }) => ({ rows: r.rows, counts: r.counts, perKind: r.perKind, perProgram: r.perProgram });

describe('a 4,000-entry day over EDGE', () => {
  let d: DayBehind;
  beforeAll(async () => {
    d = await dayBehindLink(4_000, LINK_PROFILES.edge, 17);
    await d.c.out('closing.start', {}, d.c.head);
  }, 120_000);
  afterAll(async () => { await d?.c.dispose(); });

  it('that matches reconciles with one digest answer of a few hundred bytes, every entry a matched row', async () => {
    await d.c.host.services.sync.sendNow(); // the start's push settled first: only the reconciliation is measured
    const down0 = d.link.stats.bytesDown;
    const t0 = performance.now();
    const r = await d.c.out('closing.reconcile', {}, d.c.head);
    const ms = performance.now() - t0;
    const down = d.link.stats.bytesDown - down0;
    expect(r.status).toBe('reconciled');
    expect(r.counts).toEqual({ matched: 4_000, onlyLocal: 0, onlyCentral: 0, different: 0 });
    expect(lastReconStats(d.c)).toMatchObject({ requests: 1, fetched: 0, mode: 'digest' });
    // The push's health check and the digest: two answers with their headers.
    expect(down).toBeLessThan(1_500);
    expect(ms).toBeLessThan(3_000);
    expect(same(without(r))).toEqual(same(without(await fullComparison(d, DAY))));
  }, 60_000);

  it('with one entry changed at central finds it by bisection and names it; the rest stay matched rows', async () => {
    const changed = d.entries[2_345];
    expect(d.c.central!.admin.alterEntry({ id: changed.id, amount: 1 })).toBe(true);
    const down0 = d.link.stats.bytesDown;
    const r = await d.c.out('closing.reconcile', {}, d.c.head);
    const down = d.link.stats.bytesDown - down0;
    expect(r.status).toBe('differences');
    expect(r.counts).toEqual({ matched: 3_999, onlyLocal: 0, onlyCentral: 0, different: 1 });
    const flagged = r.rows.filter((row: { status: string }) => row.status !== 'matched');
    expect(flagged).toEqual([expect.objectContaining({ id: changed.id, status: 'different', local: expect.objectContaining({ amount: changed.amount }), central: expect.objectContaining({ amount: 1 }) })]);
    const stats = lastReconStats(d.c);
    // The day, the range that differs cut in 16, and the small range's entries.
    expect(stats).toMatchObject({ requests: 3, mode: 'digest' });
    expect(stats.fetched).toBeLessThanOrEqual(RECON_LEAF_ENTRIES);
    expect(down).toBeLessThan(8_000);
    expect(same(without(r))).toEqual(same(without(await fullComparison(d, DAY))));
  }, 60_000);
});

describe('what the digests find is what the full comparison finds', () => {
  let d: DayBehind | null = null;
  afterEach(async () => { await d?.c.dispose(); d = null; });

  it('seeded mixes of changed, lost, planted and pushed-again entries, over a fast link', async () => {
    const fast: LinkProfile = { ...LINK_PROFILES.lan };
    for (const seed of [1, 2, 3]) {
      d = await dayBehindLink(1_500, fast, seed);
      const s = d.c.host.services;
      const random = rng(seed);
      const pick = () => d!.entries[Math.floor(random() * d!.entries.length)];
      const counterId = s.settings.get().counter.id;
      // Changed at central (amount or hash), planted only there, and written here but never sent.
      for (let i = 0; i < 1 + Math.floor(random() * 6); i++) d.c.central!.admin.alterEntry({ id: pick().id, amount: 7 + i });
      for (let i = 0; i < Math.floor(random() * 3); i++) d.c.central!.admin.alterEntry({ id: pick().id, hash: `${i}`.repeat(64) });
      const plant = createChain({ counterId, branchCode: '64400', businessDate: DAY, startSeq: 1_000 + Math.floor(random() * 2_000) });
      for (let i = 0; i < Math.floor(random() * 3); i++) expect(d.c.central!.admin.plantEntry(plant.next({ kind: 'CASH_IN', amount: 500 + i })).status).toBe('accepted');
      await d.c.out('closing.start', {}, d.c.head);
      const r = await d.c.out('closing.reconcile', {}, d.c.head);
      const full = without(await fullComparison(d, DAY));
      expect(same(without(r)), `seed ${seed}`).toEqual(same(full));
      expect(lastReconStats(d.c).mode, `seed ${seed}`).toBe('digest');
      expect(lastReconStats(d.c).fetched, `seed ${seed}: fewer entries than the day`).toBeLessThan(1_500);
      await d.c.dispose();
      d = null;
    }
  }, 120_000);

  it('an entry central lost is pushed again and then matches, as before', async () => {
    d = await dayBehindLink(600, LINK_PROFILES.lan, 9);
    const s = d.c.host.services;
    const teller = s.auth.listUsers().find((u) => u.username === 'siti')!;
    const lost = s.ledger.record({ kind: 'CASH_IN', userId: teller.id, amount: 3_000 }, { actor: { userId: teller.id, username: 'siti' }, action: 'test.lost' }).entry;
    s.db.prepare('DELETE FROM outbox WHERE entry_id = ?').run(lost.id);
    await d.c.out('closing.start', {}, d.c.head);
    const r = await d.c.out('closing.reconcile', {}, d.c.head);
    expect(r.status).toBe('reconciled');
    expect(r.counts).toEqual({ matched: 601, onlyLocal: 0, onlyCentral: 0, different: 0 });
    expect(r.rows.find((row: { id: string }) => row.id === lost.id)).toMatchObject({ status: 'matched', pushedAgain: true });
    expect(d.c.central!.admin.getEntry(lost.id)?.hash).toBe(lost.hash);
  }, 60_000);
});

describe('a reconciliation the link cuts short', () => {
  let d: DayBehind | null = null;
  afterEach(async () => { await d?.c.dispose(); d = null; });

  it('is taken up where it stopped: no range fetched twice, and the last attempt lists every difference', async () => {
    // A link that cuts every connection after 12–24 KB: an entry list of one range fits, two do not.
    const cutting: LinkProfile = { ...LINK_PROFILES['edge-cut'], rttMs: 40, jitterMs: 10, upBps: 4e6, downBps: 4e6, cutBytes: [12_000, 24_000] };
    d = await dayBehindLink(2_000, LINK_PROFILES.lan, 5);
    const changed = [3, 260, 530, 790, 1_180, 1_420, 1_990].map((i) => d!.entries[i]);
    for (const e of changed) expect(d.c.central!.admin.alterEntry({ id: e.id, amount: 2 })).toBe(true);
    await d.c.out('closing.start', {}, d.c.head);
    await d.c.host.services.sync.sendNow();
    await d.relink(cutting, 41);

    const attempts: { status: string; reasonKey: string | null; requests: number; fetched: number; reused: number }[] = [];
    let r: any;
    for (let i = 0; i < 20; i++) {
      r = await d.c.out('closing.reconcile', {}, d.c.head);
      const st = lastReconStats(d.c);
      attempts.push({ status: r.status, reasonKey: r.reasonKey, requests: st.requests, fetched: st.fetched, reused: st.reused });
      if (r.status !== 'unreconciled') break;
    }
    expect(d.link.stats.cuts).toBeGreaterThan(0);
    expect(attempts.length, JSON.stringify(attempts)).toBeGreaterThan(1);
    expect(attempts[0]).toMatchObject({ status: 'unreconciled', reasonKey: 'closing.recon.interrupted' });
    expect(attempts.at(-1)!.status).toBe('differences');
    expect(attempts.slice(1).some((a) => a.reused > 0)).toBe(true);
    expect(r.counts).toEqual({ matched: 2_000 - changed.length, onlyLocal: 0, onlyCentral: 0, different: changed.length });
    expect(r.rows.filter((row: { status: string }) => row.status === 'different').map((row: { id: string }) => row.id).sort()).toEqual(changed.map((e) => e.id).sort());
    expect(same(without(r))).toEqual(same(without(await fullComparison(d, DAY))));

    // The same reconciliation from nothing over a link that does not cut fetches exactly as many entries.
    await d.c.out('closing.cancel', {}, d.c.head);
    await d.c.out('closing.start', {}, d.c.head);
    await d.relink(LINK_PROFILES.lan, 1);
    await d.c.out('closing.reconcile', {}, d.c.head);
    const clean = lastReconStats(d.c);
    expect(attempts.reduce((n, a) => n + a.fetched, 0)).toBe(clean.fetched);
  }, 120_000);
});

/** A real HTTP server in front of the double; `digest` answers /v1/day-digest itself, or returns null to pass it on (plain). */
async function inFront(d: DayBehind, digest: (url: string, plain: () => Promise<{ status: number; body: string }>) => Promise<{ status: number; body: string }>) {
  const target = new URL(d.c.central!.url);
  const forward = (req: IncomingMessage, headers = req.headers) => new Promise<IncomingMessage>((ok, fail) => {
    const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, ok);
    up.on('error', fail);
    req.pipe(up);
  });
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url?.startsWith('/v1/day-digest')) {
        const plain = async () => {
          const r = await forward(req, { ...req.headers, 'accept-encoding': 'identity' });
          let body = '';
          for await (const chunk of r) body += chunk;
          return { status: r.statusCode ?? 502, body };
        };
        const out = await digest(req.url, plain);
        res.writeHead(out.status, { 'content-type': 'application/json' });
        res.end(out.body);
        return;
      }
      const r = await forward(req);
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  d.c.host.services.settings.update((x) => ({ ...x, central: { ...x.central, url } }));
  return () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); });
}

describe('central answers that do not add up', () => {
  let d: DayBehind | null = null;
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => { await close?.(); close = null; await d?.c.dispose(); d = null; });

  it('a central server without /v1/day-digest is compared the old way, over the whole day summary, with the same result', async () => {
    d = await dayBehindLink(300, LINK_PROFILES.lan, 2);
    d.c.central!.admin.alterEntry({ id: d.entries[123].id, amount: 5 });
    close = await inFront(d, async () => ({ status: 404, body: JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Tidak ditemukan.' } }) }));
    await d.c.out('closing.start', {}, d.c.head);
    const r = await d.c.out('closing.reconcile', {}, d.c.head);
    expect(r.counts).toEqual({ matched: 299, onlyLocal: 0, onlyCentral: 0, different: 1 });
    expect(lastReconStats(d.c)).toMatchObject({ mode: 'full', fetched: 300 });
    expect(same(without(r))).toEqual(same(without(await fullComparison(d, DAY))));
  }, 60_000);

  it('range digests that do not match the entries central lists are not trusted: the whole day is compared', async () => {
    d = await dayBehindLink(300, LINK_PROFILES.lan, 3);
    d.c.central!.admin.alterEntry({ id: d.entries[40].id, amount: 5 });
    // Every range claims to match the counter's (its own digest of those entries), hiding the change.
    const local = d.entries.map((e) => ({ id: e.id, seq: e.seq, kind: e.kind, amount: e.amount, hash: e.hash }));
    close = await inFront(d, async (_url, plain) => {
      const real = await plain();
      const body = JSON.parse(real.body);
      const lie = dayDigest(local, { fromSeq: body.fromSeq, toSeq: body.toSeq });
      return { status: 200, body: JSON.stringify({ ...body, ranges: lie.ranges }) };
    });
    await d.c.out('closing.start', {}, d.c.head);
    const r = await d.c.out('closing.reconcile', {}, d.c.head);
    expect(lastReconStats(d.c).mode).toBe('full');
    expect(r.counts).toEqual({ matched: 299, onlyLocal: 0, onlyCentral: 0, different: 1 });
    expect(same(without(r))).toEqual(same(without(await fullComparison(d, DAY))));
  }, 60_000);
});

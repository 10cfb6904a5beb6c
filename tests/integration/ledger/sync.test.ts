import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import diagnostics from 'node:diagnostics_channel';
import { testHost } from '../../support/host';
import { enrol, testCentral } from '../../support/central';
import { startBatchProxy } from '../../support/batch-proxy';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.reverse()) await c(); cleanups = []; });

async function setup() {
  const central = await testCentral();
  const h = await testHost();
  cleanups.push(central.dispose, h.cleanup);
  await enrol(h, central);
  const teller = h.services.auth.listUsers().find((u) => u.username === 'siti')!;
  const pay = (amount: number) => h.services.ledger.record(
    { kind: 'CONTRIBUTION', userId: teller.id, participantId: '01KPARTICIPANT0000000000001', amount, paymentMethod: 'CASH', payload: { months: ['2026-11'] } },
    { actor: { userId: teller.id, username: teller.username }, action: 'payment.create' },
  ).entry;
  return { central, h, pay };
}

const centralHas = (central: Awaited<ReturnType<typeof testCentral>>, id: string) => central.admin.getEntry(id);

describe('sync: the outbox drains to the central server exactly once', () => {
  it('pushes in order, empties the outbox, and re-sending is harmless', async () => {
    const { central, h, pay } = await setup();
    const entries = Array.from({ length: 7 }, (_, i) => pay(1000 * (i + 1)));
    expect(h.services.sync.status().waiting).toBe(7);
    const r = await h.services.sync.drainOnce();
    expect(r).toMatchObject({ sent: 7, accepted: 7, duplicate: 0, rejected: 0, failed: false });
    expect(h.services.sync.status()).toMatchObject({ waiting: 0, online: true });
    for (const e of entries) expect(centralHas(central, e.id)?.hash).toBe(e.hash);
    // The outbox row left only on acknowledgement; put one back as a lost reply would.
    h.services.db.prepare('INSERT INTO outbox (entry_id, seq, enqueued_at) VALUES (?, ?, ?)').run(entries[2].id, entries[2].seq, 'x');
    const again = await h.services.sync.drainOnce();
    expect(again).toMatchObject({ sent: 1, accepted: 0, duplicate: 1 });
    expect(central.admin.counts().entries).toBe(7);
    // Acknowledgements alone commit without their own fsync: every other write is durable again after.
    expect(h.services.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(h.services.db.prepare("SELECT status FROM sync_acks WHERE entry_id = ?").pluck().get(entries[2].id)).toBe('duplicate');
  });

  it('offline: entries wait, the status says offline, and they arrive once the server is back', async () => {
    const { h, pay, central } = await setup();
    // Point the counter at a port where nothing listens.
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as { port: number }).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const realUrl = h.services.settings.get().central.url;
    h.services.settings.update((s) => ({ ...s, central: { ...s.central, url: `http://127.0.0.1:${port}` } }));
    const e = pay(16800);
    const r = await h.services.sync.drainOnce();
    expect(r.failed).toBe(true);
    expect(h.services.sync.status()).toMatchObject({ online: false, waiting: 1 });
    expect(h.services.sync.status().lastError).toBeTruthy();
    h.services.settings.update((s) => ({ ...s, central: { ...s.central, url: realUrl } }));
    const sendNow = await h.router.call({ procedure: 'sync.sendNow', input: {}, session: await (await import('../../support/host')).signInAs(h, 'siti', '111111') }, 'direct');
    expect(sendNow.ok && sendNow.output).toMatchObject({ accepted: 1, waiting: 0, online: true });
    expect(central.admin.getEntry(e.id)?.hash).toBe(e.hash);
  });

  it('an entry the server rejects stays visible and is not resent in a loop', async () => {
    const { central, h, pay } = await setup();
    const e = pay(5000);
    // The server already holds this id with another hash: it must say so, not overwrite.
    central.admin.plantEntry({ ...e, hash: undefined, amount: 4000 } as never);
    const r = await h.services.sync.drainOnce();
    expect(r.rejected).toBe(1);
    expect(h.services.sync.status()).toMatchObject({ waiting: 0, rejected: 1 });
    const row = h.services.db.prepare('SELECT state, last_error FROM outbox WHERE entry_id = ?').get(e.id) as { state: string; last_error: string };
    expect(row.state).toBe('rejected');
    expect(row.last_error).toMatch(/ID_CONFLICT/);
    expect((await h.services.sync.drainOnce()).sent).toBe(0);
  });

  it('sends in batches of the configured size', async () => {
    const { h, pay } = await setup();
    for (let i = 0; i < 1001; i++) pay(100);
    const r = await h.services.sync.drainOnce();
    expect(r).toMatchObject({ sent: 1001, accepted: 1001 });
  });
});

describe('sync: the next batch is read while central works, and sent only after its answer', () => {
  async function behindProxy(rules: Parameters<typeof startBatchProxy>[1] = {}) {
    const s = await setup();
    const proxy = await startBatchProxy(s.central.url, rules);
    cleanups.push(proxy.close);
    s.h.services.settings.update((x) => ({ ...x, central: { ...x.central, url: proxy.url } }));
    return { ...s, proxy };
  }
  const ackedCount = (h: Awaited<ReturnType<typeof setup>>['h']) => h.services.db.prepare('SELECT COUNT(*) FROM sync_acks').pluck().get() as number;

  it('central receives every entry once, in seq order, one batch at a time', async () => {
    const { h, pay, central, proxy } = await behindProxy();
    for (let i = 0; i < 1203; i++) pay(100);
    const r = await h.services.sync.drainOnce();
    expect(r).toMatchObject({ sent: 1203, accepted: 1203, failed: false });
    // Batches start small and grow while the link keeps up (a batch is read while the one
    // before it is at central, so a size shows one batch late), never past 500.
    const sizes = proxy.batches.map((b) => b.seqs.length);
    expect(sizes.slice(0, 4)).toEqual([50, 50, 100, 100]);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(400);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(2 * sizes[i - 1]);
    const seqs = proxy.batches.flatMap((b) => b.seqs);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(1203);
    // Never two batches at central at once: each arrived after the one before was answered.
    for (let i = 1; i < proxy.batches.length; i++) expect(proxy.batches[i].arrivedAt).toBeGreaterThanOrEqual(proxy.batches[i - 1].answeredAt);
    expect(central.admin.counts().entries).toBe(1203);
    expect(h.services.sync.status().waiting).toBe(0);
  });

  it('a batch is on the wire before the counter records the acknowledgements of the one before it', async () => {
    // The point of reading ahead: central works on batch k+1 while the counter writes batch k's
    // acknowledgements. The body is compressed off the main thread; if the counter started its
    // disk work first, the request would wait for it and the two sides would take turns.
    const { h, pay, proxy } = await behindProxy();
    for (let i = 0; i < 1203; i++) pay(100);
    let bodiesSent = 0;
    const countSent = (m: unknown) => { if ((m as { request: { path: string } }).request.path.includes('transactions')) bodiesSent++; };
    diagnostics.subscribe('undici:request:bodySent', countSent);
    const sentWhenAcked = new Map<string, number>();
    h.services.onAck((entry) => { if (!sentWhenAcked.has(entry.id)) sentWhenAcked.set(entry.id, bodiesSent); });
    try {
      const r = await h.services.sync.drainOnce();
      expect(r).toMatchObject({ sent: 1203, accepted: 1203, failed: false });
    } finally { diagnostics.unsubscribe('undici:request:bodySent', countSent); }
    const batchOfSeq = new Map(proxy.batches.flatMap((b, k) => b.seqs.map((seq) => [seq, k + 1] as const)));
    expect(proxy.batches.length).toBeGreaterThanOrEqual(4);
    const seqOf = h.services.db.prepare('SELECT seq FROM ledger_entries WHERE id = ?').pluck();
    for (const [id, sent] of sentWhenAcked) {
      const k = batchOfSeq.get(seqOf.get(id) as number)!;
      // Batch k's acknowledgements: batch k+1 (when there is one) is already sent.
      expect(sent, `batch ${k} of ${proxy.batches.length}`).toBe(Math.min(k + 1, proxy.batches.length));
    }
  });

  it('a batch that fails keeps the acknowledgements of the batch answered before it, and is sent again later', async () => {
    const { h, pay, central, proxy } = await behindProxy({ failBatch: 2 });
    for (let i = 0; i < 1001; i++) pay(100);
    const r = await h.services.sync.drainOnce();
    const first = proxy.batches[0].seqs.length;
    expect(r).toMatchObject({ sent: first, accepted: first, failed: true });
    expect(ackedCount(h)).toBe(first);
    expect(h.services.sync.status()).toMatchObject({ waiting: 1001 - first, online: false });
    expect(central.admin.counts().entries).toBe(first);
    const again = await h.services.sync.drainOnce();
    expect(again).toMatchObject({ sent: 1001 - first, accepted: 1001 - first, duplicate: 0, failed: false });
    expect(proxy.batches[2].seqs[0]).toBe(proxy.batches[1].seqs[0]); // the failed batch again, from its first entry
    expect(central.admin.counts().entries).toBe(1001);
  });

  it('an entry central leaves out of its answer waits for the next drain instead of being resent in a loop', async () => {
    const { h, pay, central, proxy } = await behindProxy({ dropResult: { batch: 1, index: 3 } });
    const entries = Array.from({ length: 10 }, () => pay(100));
    const r = await h.services.sync.drainOnce();
    expect(r).toMatchObject({ sent: 10, accepted: 9, failed: false });
    expect(proxy.batches).toHaveLength(1);
    const row = h.services.db.prepare('SELECT state, attempts, last_error FROM outbox WHERE entry_id = ?').get(entries[3].id);
    expect(row).toEqual({ state: 'pending', attempts: 1, last_error: 'no answer for this entry' });
    const again = await h.services.sync.drainOnce();
    expect(again).toMatchObject({ sent: 1, duplicate: 1 }); // central had stored it the first time
    expect(proxy.batches[1].seqs).toEqual([entries[3].seq]);
    expect(central.admin.counts().entries).toBe(10);
    expect(h.services.sync.status().waiting).toBe(0);
  });
});

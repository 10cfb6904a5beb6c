import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter, DEMO_BRANCH } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import { startCentralServer } from '../central/server';
import { createChain } from '../central/entry-builder';
import { startChildServer } from './child-server';
import { startRawReceiver } from './raw-receiver';
import type { LedgerEntryRow } from '../../shared/ledger/entry';
import type { BenchRow } from './types';
import { benchDir, nowMs, percentile, round } from './stats';

export const title = 'Sync: draining the outbox to the central double, and 5,000 counters at once';

/** Where the entries go: the central double or the raw receiver, in this process or its own. */
interface Receiver { url: string; enrolCode(): Promise<string>; close(): Promise<void> }

async function centralIn(dir: string, ownProcess: boolean): Promise<Receiver> {
  if (!ownProcess) {
    const central = await startCentralServer({ dbPath: join(dir, 'central', 'central.sqlite'), port: 0, adminSecret: 'bench' });
    central.admin.createBranch({ ...DEMO_BRANCH });
    return { url: central.url, enrolCode: async () => central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 }).code, close: () => central.close() };
  }
  // `npm run central` creates the demo branch; enrolment codes come from its admin endpoint.
  const child = await startChildServer('tests/central/main.ts', ['--port', '0', '--data', join(dir, 'central'), '--no-seed', '--admin-secret', 'bench']);
  return {
    url: child.url,
    enrolCode: async () => {
      const res = await fetch(`${child.url}/admin/enrol-codes`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-admin-secret': 'bench' },
        body: JSON.stringify({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 }) });
      return ((await res.json()) as { code: string }).code;
    },
    close: () => child.close(),
  };
}

/** Raw reference: the same batches POSTed one after another over keep-alive HTTP to a receiver that batch-inserts rows. */
async function rawPostLoop(dir: string, batches: LedgerEntryRow[][], ownProcess: boolean): Promise<number> {
  const file = join(dir, 'raw-central.sqlite');
  const receiver = ownProcess ? await startChildServer('tests/bench/raw-receiver.ts', [file]) : await startRawReceiver(file);
  try {
    const t0 = nowMs();
    for (const b of batches) {
      const res = await fetch(`${receiver.url}/v1/transactions:batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries: b }) });
      await res.json();
    }
    return nowMs() - t0;
  } finally {
    await receiver.close();
  }
}

/** One drain of `total` queued entries from a fresh counter to a fresh double; the batches it sent, for the raw loop. */
async function drainRound(dir: string, total: number, ownProcess: boolean): Promise<{ ms: number; batches: LedgerEntryRow[][] }> {
  const central = await centralIn(dir, ownProcess);
  try {
    const host = createLoketHost({ dataDir: join(dir, 'counter'), logToStderr: false });
    const s = host.services;
    await seedDemoCounter(s);
    await enrolCounter(s, { url: central.url, code: await central.enrolCode(), branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'bench' });
    const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
    const fill = s.db.transaction((count: number) => {
      for (let i = 0; i < count; i++) {
        s.ledger.append({ kind: 'CONTRIBUTION', userId: teller.id, participantId: `01KBENCHP${String(i % 1000).padStart(17, '0')}`, amount: 16800, paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] } });
      }
    });
    for (let done = 0; done < total; done += 10_000) fill(Math.min(10_000, total - done));
    const batches: LedgerEntryRow[][] = [];
    const all = s.db.prepare('SELECT * FROM ledger_entries ORDER BY seq').all() as LedgerEntryRow[];
    for (let i = 0; i < all.length; i += 500) batches.push(all.slice(i, i + 500));

    const t0 = nowMs();
    const result = await s.sync.drainOnce();
    const ms = nowMs() - t0;
    if (result.accepted !== total) throw new Error(`drain accepted ${result.accepted} of ${total}`);
    await host.close();
    return { ms, batches };
  } finally {
    await central.close();
  }
}

/**
 * Drain and raw loop alternate, each round on fresh files; the medians are compared, so a slow
 * moment of the shared disk weighs on both alike instead of deciding the ratio.
 */
async function drainFigure(scratch: string, total: number, rounds: number, ownProcess: boolean): Promise<{ rate: number; rawRate: number }> {
  const drains: number[] = [];
  const raws: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const dir = join(scratch, `${ownProcess ? 'apart' : 'together'}-${r}`);
    const { ms, batches } = await drainRound(dir, total, ownProcess);
    drains.push(ms);
    raws.push(await rawPostLoop(dir, batches, ownProcess));
  }
  return { rate: (total / percentile(drains, 50)) * 1000, rawRate: (total / percentile(raws, 50)) * 1000 };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const total = Number(process.env.BENCH_SYNC_N ?? 50_000);
  const rounds = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
  const scratch = benchDir('loket-bench-sync-');
  // As deployed, central is another machine: the double and the raw receiver each run in their
  // own process, and that figure is judged against the target. The second keeps both ends in
  // the bench's process, one thread doing the counter's and central's work in turn: shown for
  // comparison with earlier runs, where the drain could not overlap the two.
  for (const ownProcess of [true, false]) {
    const { rate, rawRate } = await drainFigure(scratch.dir, total, rounds, ownProcess);
    const where = ownProcess ? 'central in its own process' : 'central in the bench\'s process';
    rows.push({
      name: `sync drain of ${total.toLocaleString('en')} entries, ${where} (batches of 500, median of ${rounds})`, value: round(rate, 0), unit: 'entries/s',
      reference: round(rawRate, 0), ratio: round(rate / rawRate),
      ...(ownProcess
        ? { target: '≥ 5,000/s and ≥ 0.5× raw POST+insert', met: rate >= 5000 && rate / rawRate >= 0.5 }
        : { target: 'for comparison (one thread for both ends)' }),
    });
  }

  // 5,000 counters pushing at once (closing time at thousands of branches).
  const counters = Number(process.env.BENCH_COUNTERS ?? 5000);
  const c2 = await startCentralServer({ dbPath: join(scratch.dir, 'central2', 'central.sqlite'), port: 0, adminSecret: 'bench' });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  try {
    const branches = Math.ceil(counters / 50);
    for (let b = 0; b < branches; b++) c2.admin.createBranch({ code: `B${String(b).padStart(4, '0')}`, name: `KC Bench ${b}`, provinceCode: '35', regencyCode: '3518' });
    const devices: { token: string; counterId: string; branch: string }[] = [];
    for (let i = 0; i < counters; i++) {
      const branch = `B${String(Math.floor(i / 50)).padStart(4, '0')}`;
      const { code } = c2.admin.createEnrolCode({ branchCode: branch, ttlSeconds: 600 });
      const res = await fetch(`${c2.url}/v1/devices:enrol`, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, branchCode: branch, counterNumber: (i % 50) + 1, clientTime: new Date().toISOString() }) });
      const body = (await res.json()) as { token: string; counterId: string };
      devices.push({ token: body.token, counterId: body.counterId, branch });
    }
    const post = (d: (typeof devices)[number], body: string) => new Promise<number>((resolve, reject) => {
      const t0 = nowMs();
      const req = request(`${c2.url}/v1/transactions:batch`, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(nowMs() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
    const bodies = devices.map((d) => {
      const chain = createChain({ counterId: d.counterId, branchCode: d.branch, businessDate: '2026-11-25' });
      const entries = Array.from({ length: 5 }, () => chain.next({ kind: 'CONTRIBUTION', participant_id: 'P1', amount: 16800, payment_method: 'CASH', payload: JSON.stringify({ months: ['2026-11'] }) }));
      return JSON.stringify({ entries });
    });
    const t0 = nowMs();
    const settled = await Promise.allSettled(devices.map((d, i) => post(d, bodies[i])));
    const wall = nowMs() - t0;
    const latencies = settled.filter((x): x is PromiseFulfilledResult<number> => x.status === 'fulfilled').map((x) => x.value);
    const errors = settled.length - latencies.length;
    rows.push({ name: `${counters.toLocaleString('en')} counters pushing 5 entries each, concurrently: errors`, value: errors, unit: 'errors', target: 'no error', met: errors === 0 });
    rows.push({ name: 'concurrent push p99 latency', value: round(percentile(latencies, 99), 1), unit: 'ms' });
    rows.push({ name: 'concurrent push throughput', value: round(((counters * 5) / wall) * 1000, 0), unit: 'entries/s' });
  } finally {
    agent.destroy();
    await c2.close();
    scratch.cleanup();
  }
  return rows;
}

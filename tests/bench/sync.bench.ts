import { createServer, Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter, DEMO_BRANCH } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import { startCentralServer } from '../central/server';
import { createChain } from '../central/entry-builder';
import type { LedgerEntryRow } from '../../shared/ledger/entry';
import type { BenchRow } from './types';
import { benchDir, nowMs, percentile, round } from './stats';

export const title = 'Sync: draining the outbox to the central double, and 5,000 counters at once';

/** Raw reference: the same batches POSTed over keep-alive HTTP into a server that batch-inserts rows. */
async function rawPostLoop(dir: string, batches: LedgerEntryRow[][]): Promise<number> {
  const db = new Database(join(dir, 'raw-central.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE entries (id TEXT PRIMARY KEY, counter_id TEXT, seq INTEGER, hash TEXT, row TEXT) STRICT');
  const ins = db.prepare('INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?)');
  const insertAll = db.transaction((rows: LedgerEntryRow[]) => { for (const r of rows) ins.run(r.id, r.counter_id, r.seq, r.hash, JSON.stringify(r)); });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { entries } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entries: LedgerEntryRow[] };
      insertAll(entries);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: entries.map((e) => ({ id: e.id, status: 'accepted' })) }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const t0 = nowMs();
  for (const b of batches) {
    const res = await fetch(`http://127.0.0.1:${port}/v1/transactions:batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries: b }) });
    await res.json();
  }
  const ms = nowMs() - t0;
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  db.close();
  return ms;
}

/** One drain of `total` queued entries from a fresh counter to a fresh double; the batches it sent, for the raw loop. */
async function drainRound(dir: string, total: number): Promise<{ ms: number; batches: LedgerEntryRow[][] }> {
  const central = await startCentralServer({ dbPath: join(dir, 'central', 'central.sqlite'), port: 0, adminSecret: 'bench' });
  try {
    central.admin.createBranch({ ...DEMO_BRANCH });
    const host = createLoketHost({ dataDir: join(dir, 'counter'), logToStderr: false });
    const s = host.services;
    await seedDemoCounter(s);
    const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
    await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'bench' });
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

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const total = Number(process.env.BENCH_SYNC_N ?? 50_000);
  const rounds = Number(process.env.BENCH_SYNC_ROUNDS ?? 3);
  const scratch = benchDir('loket-bench-sync-');
  // Drain and raw loop alternate, each round on fresh files; the medians are compared, so a
  // slow moment of the shared disk weighs on both alike instead of deciding the ratio.
  const drains: number[] = [];
  const raws: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const dir = join(scratch.dir, `round-${r}`);
    const { ms, batches } = await drainRound(dir, total);
    drains.push(ms);
    raws.push(await rawPostLoop(dir, batches));
  }
  const rate = (total / percentile(drains, 50)) * 1000;
  const rawRate = (total / percentile(raws, 50)) * 1000;
  rows.push({ name: `sync drain of ${total.toLocaleString('en')} entries (batches of 500, median of ${rounds})`, value: round(rate, 0), unit: 'entries/s',
    reference: round(rawRate, 0), ratio: round(rate / rawRate), target: '≥ 5,000/s and ≥ 0.5× raw POST+insert', met: rate >= 5000 && rate / rawRate >= 0.5 });

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

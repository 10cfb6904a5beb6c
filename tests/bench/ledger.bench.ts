import { createHash } from 'node:crypto';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { verifyChain } from '../../electron/services/ledger/verify';
import { canonicalEntryJson } from '../../electron/services/ledger/hash';
import type { BenchRow } from './types';
import { benchDir, nowMs, percentile, round } from './stats';
import { rawDurableCommits } from './raw-commit';

export const title = 'Ledger: durable commits and chain verification';

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = Number(process.env.BENCH_COMMITS ?? 3000);
  const scratch = benchDir('loket-bench-ledger-');
  try {
    const host = createLoketHost({ dataDir: scratch.dir + '/counter', logToStderr: false });
    const s = host.services;
    await seedDemoCounter(s);
    const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
    const draft = {
      kind: 'CONTRIBUTION' as const, userId: teller.id, participantId: '01KBENCHPARTICIPANT0000001', amount: 33600,
      paymentMethod: 'CASH' as const, breakdown: { JKK: 15000, JKM: 18600, reduction: [{ regulation: 'PP 50/2025', amount: -16800 }] },
      payload: { months: ['2026-11', '2026-12', '2027-01'], cashTendered: 50000, change: 16400 },
    };
    const actor = { userId: teller.id, username: teller.username };
    // Raw and payment-shaped commits alternate in rounds on the same disk, so a slow moment of
    // the shared disk weighs on both alike instead of deciding the ratio.
    const rounds = 5;
    const per = Math.ceil(n / rounds);
    const rawSamples: number[] = [];
    const samples: number[] = [];
    let rawMs = 0;
    let ms = 0;
    for (let r = 0; r < rounds; r++) {
      const raw = rawDurableCommits(scratch.dir, per);
      rawSamples.push(...raw.samples);
      rawMs += (per / raw.perSecond) * 1000;
      const start = nowMs();
      for (let i = 0; i < per; i++) {
        const t0 = nowMs();
        s.ledger.record(draft, { actor, action: 'payment.create' });
        samples.push(nowMs() - t0);
      }
      ms += nowMs() - start;
    }
    const rawRate = ((per * rounds) / rawMs) * 1000;
    const rawP99 = percentile(rawSamples, 99);
    rows.push({ name: 'raw one-row durable commit (WAL, synchronous=FULL)', value: round(rawRate, 0), unit: 'commits/s' });
    rows.push({ name: 'raw one-row durable commit p99', value: round(rawP99, 3), unit: 'ms' });
    const rate = ((per * rounds) / ms) * 1000;
    const p99 = percentile(samples, 99);
    rows.push({ name: `payment-shaped commit (entry + hash + outbox + audit; ${rounds} rounds alternating with raw)`, value: round(rate, 0), unit: 'commits/s',
      reference: round(rawRate, 0), ratio: round(rate / rawRate), target: '≥ 0.5× raw', met: rate / rawRate >= 0.5 });
    rows.push({ name: 'payment-shaped commit p99', value: round(p99, 3), unit: 'ms', reference: round(rawP99, 3), target: '≤ 10 ms', met: p99 <= 10 });
    await host.close();
  } finally {
    scratch.cleanup();
  }

  // Chain verification of a large ledger, against a raw loop over the same rows and bytes.
  const total = Number(process.env.BENCH_VERIFY_N ?? 1_000_000);
  const big = benchDir('loket-bench-verify-');
  try {
    const host = createLoketHost({ dataDir: big.dir, logToStderr: false });
    const s = host.services;
    await seedDemoCounter(s);
    const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
    const fill = s.db.transaction((count: number) => {
      for (let i = 0; i < count; i++) {
        s.ledger.append({ kind: 'CONTRIBUTION', userId: teller.id, participantId: `P${i % 50000}`, amount: 16800, paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] } });
      }
    });
    for (let done = 0; done < total; done += 50_000) fill(Math.min(50_000, total - done));
    const counterId = s.settings.get().counter.id;

    const t0 = nowMs();
    const result = await verifyChain(s.db, counterId, { chunkSize: 10_000 });
    const verifyMs = nowMs() - t0;
    if (!result.ok) throw new Error('bench ledger does not verify');

    // Raw: read the same rows and hash the same bytes, nothing else.
    const t1 = nowMs();
    let sink = 0;
    for (const row of s.db.prepare('SELECT * FROM ledger_entries WHERE counter_id = ? ORDER BY seq').iterate(counterId) as Iterable<Record<string, unknown>>) {
      sink += createHash('sha256').update(canonicalEntryJson(row), 'utf8').digest()[0];
    }
    const rawMs = nowMs() - t1;
    void sink;
    const rate = (total / verifyMs) * 1000;
    const rawRate = (total / rawMs) * 1000;
    rows.push({ name: `chain verification of ${total.toLocaleString('en')} entries`, value: round(rate, 0), unit: 'entries/s',
      reference: round(rawRate, 0), ratio: round(rate / rawRate), target: '≥ 0.5× raw read+hash loop', met: rate / rawRate >= 0.5 });
    await host.close();
  } finally {
    big.cleanup();
  }
  return rows;
}

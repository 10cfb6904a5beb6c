import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter, DEMO_BRANCH } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import { fetchDaySummary } from '../../electron/services/closing/reconcile';
import { startCentralServer } from '../central/server';
import type { BenchRow } from './types';
import { benchDir, nowMs, round } from './stats';

export const title = 'Closing: reconciling a 5,000-entry day against the central summary';

/**
 * The closing's reconciliation (push check, every page of the day summary over HTTP, the
 * entry-by-entry comparison, per-kind and per-program totals) beside its raw reference: the
 * same summary pages fetched alone.
 */
export async function run(): Promise<BenchRow[]> {
  const n = Number(process.env.BENCH_CLOSING_N ?? 5_000);
  const scratch = benchDir('loket-bench-closing-');
  const central = await startCentralServer({ dbPath: join(scratch.dir, 'central', 'central.sqlite'), port: 0, adminSecret: 'bench' });
  const host = createLoketHost({ dataDir: join(scratch.dir, 'counter'), logToStderr: false });
  try {
    central.admin.createBranch({ ...DEMO_BRANCH });
    const s = host.services;
    await seedDemoCounter(s);
    const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
    await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'bench' });
    const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
    const head = s.auth.listUsers().find((u) => u.role === 'head')!;
    // The day's entries, written in one transaction (setup, not measured), then pushed.
    s.db.transaction(() => {
      for (let i = 0; i < n; i++) {
        s.ledger.append({
          kind: 'CONTRIBUTION', userId: teller.id, participantId: `P${i}`, amount: 16_800 + (i % 7) * 16_800, paymentMethod: 'CASH',
          breakdown: { totals: { due: { JKK: 10_000, JKM: 6_800 + (i % 7) * 16_800, JHT: 0 } } }, payload: { months: ['2026-11'] },
        });
      }
    })();
    while (s.sync.status().waiting > 0) {
      const r = await s.sync.drainOnce();
      if (r.failed) throw new Error('push failed');
    }
    const actor = { userId: head.id, username: head.username, displayName: head.displayName };
    s.closing.start(actor);
    const date = s.ledger.today();

    const counterId = s.settings.get().counter.id;
    await fetchDaySummary(s.central, counterId, date); // warm the connection
    const tRaw = nowMs();
    const fetched = await fetchDaySummary(s.central, counterId, date);
    const rawMs = nowMs() - tRaw;

    await s.closing.reconcile(actor); // warm-up
    const samples: number[] = [];
    let matched = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = nowMs();
      const r = await s.closing.reconcile(actor);
      samples.push(nowMs() - t0);
      matched = r.counts.matched;
    }
    if (matched !== n || fetched.length !== n) throw new Error(`expected ${n} matched, got ${matched} (central ${fetched.length})`);
    const ms = Math.min(...samples);
    return [{
      name: `reconcile a ${n.toLocaleString('en')}-entry day (best of 3; raw = summary pages fetched alone)`,
      value: round(ms / 1000, 3), unit: 's', reference: round(rawMs / 1000, 3), ratio: round(rawMs / ms, 2),
      target: '≤ 0.5 s', met: ms <= 500,
    }];
  } finally {
    await host.close();
    await central.close();
    scratch.cleanup();
  }
}

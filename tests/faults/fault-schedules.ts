import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { enrol, testCentral } from '../support/central';
import { tempDir } from '../support/tmp';
import { startFaultProxy, FAULTS, type Fault } from './fault-proxy';
import { rng } from './rng';

export interface FaultReport {
  schedules: number; firstSeed: number; entries: number; atCentral: number; lost: number; doubled: number;
  mismatched: number; faults: Record<Fault, number>; firstProblem: string | null;
}

/**
 * Runs many seeded fault schedules against one counter and one central double: each schedule
 * writes a few payments, drains through the misbehaving proxy, heals, drains again, and then
 * central and local must agree exactly (every id, every hash, nothing extra).
 */
export async function runFaultSchedules(opts: { schedules: number; firstSeed: number; entriesPerSchedule?: number; log?: (s: string) => void }): Promise<FaultReport> {
  const t = tempDir('loket-faults-');
  const central = await testCentral();
  const host = createLoketHost({ dataDir: t.dir, logToStderr: true });
  const s = host.services;
  await seedDemoCounter(s);
  await enrol(host, central);
  const proxy = await startFaultProxy(central.url, { seed: opts.firstSeed });
  s.settings.update((cur) => ({ ...cur, central: { ...cur.central, url: proxy.url } }));
  const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
  let firstProblem: string | null = null;
  const per = opts.entriesPerSchedule ?? 3;
  try {
    for (let i = 0; i < opts.schedules && !firstProblem; i++) {
      const seed = opts.firstSeed + i;
      proxy.setSeed(seed);
      const r = rng(seed ^ 0x5eed);
      const n = 1 + Math.floor(r() * per);
      for (let k = 0; k < n; k++) {
        s.ledger.record(
          { kind: 'CONTRIBUTION', userId: teller.id, participantId: '01KFAULTPARTICIPANT0000001', amount: 16800, paymentMethod: 'CASH', payload: { months: ['2026-11'] } },
          { actor: { userId: teller.id, username: teller.username }, action: 'payment.create' },
        );
      }
      for (let attempt = 0; attempt < 3; attempt++) await s.sync.drainOnce(); // under faults
      proxy.heal();
      for (let attempt = 0; attempt < 10 && s.sync.status().waiting > 0; attempt++) await s.sync.drainOnce();
      await proxy.settle();
      if (s.sync.status().waiting > 0) firstProblem = `seed ${seed}: outbox not empty after healing`;
      if (s.sync.status().rejected > 0) firstProblem = `seed ${seed}: an entry was rejected`;
      if (central.admin.counts().entries !== s.ledger.count()) firstProblem ??= `seed ${seed}: central has ${central.admin.counts().entries}, local ${s.ledger.count()}`;
      if ((i + 1) % 500 === 0) opts.log?.(`${i + 1}/${opts.schedules} schedules`);
    }
    const local = s.db.prepare('SELECT id, hash FROM ledger_entries').all() as { id: string; hash: string }[];
    let lost = 0;
    let mismatched = 0;
    for (const l of local) {
      const c = central.admin.getEntry(l.id);
      if (!c) lost++;
      else if (c.hash !== l.hash) mismatched++;
    }
    const atCentral = central.admin.counts().entries;
    return {
      schedules: opts.schedules, firstSeed: opts.firstSeed, entries: local.length, atCentral, lost,
      doubled: Math.max(0, atCentral - local.length), mismatched, faults: { ...proxy.counts }, firstProblem,
    };
  } finally {
    await proxy.close();
    await host.close();
    await central.dispose();
    t.cleanup();
  }
}

export { FAULTS };

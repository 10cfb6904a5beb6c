import { fork } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { verifyChain, countersIn } from '../../electron/services/ledger/verify';
import { enrol, testCentral } from '../support/central';
import { tempDir } from '../support/tmp';
import { rng } from './rng';
import { build } from 'esbuild';

/** Bundles the child once, so each restart costs a plain `node` start, not a TypeScript compile. */
async function bundleChild(): Promise<string> {
  const outfile = join(process.cwd(), 'node_modules', '.cache', 'loket-faults', 'payment-child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'payment-child.ts')], outfile, bundle: true, platform: 'node',
    format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

export interface CrashReport {
  seed: number; kills: number; entries: number; acknowledged: number;
  lost: number; doubled: number; chainOk: boolean; atCentral: number; firstProblem: string | null;
}

/**
 * Kills a counter process (-9) at random moments while it takes payments and syncs, restarts
 * it, and checks after every kill that the chain verifies and that no acknowledged payment is
 * missing; at the end, after a full sync, that the central double holds every entry exactly once.
 */
export async function runCrashTest(opts: { kills: number; seed: number; minMs?: number; maxMs?: number; log?: (s: string) => void }): Promise<CrashReport> {
  const r = rng(opts.seed);
  const t = tempDir('loket-crash-');
  const central = await testCentral();
  const setup = createLoketHost({ dataDir: t.dir, logToStderr: true });
  await seedDemoCounter(setup.services);
  await enrol(setup, central);
  await setup.close();

  const childFile = await bundleChild();
  const acked = new Map<string, string>();
  let firstProblem: string | null = null;
  const file = join(t.dir, 'ledger.sqlite');
  try {
    for (let k = 0; k < opts.kills && !firstProblem; k++) {
      const child = fork(childFile, [t.dir], { execArgv: [], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
      let buf = '';
      let ready!: () => void;
      const readyP = new Promise<void>((res) => { ready = res; });
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        let i: number;
        while ((i = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (line === 'READY') ready();
          else if (line.startsWith('ACK ')) { const [, id, hash] = line.split(' '); acked.set(id, hash); }
        }
      });
      const exited = new Promise<void>((res) => child.once('exit', () => res()));
      await Promise.race([readyP, exited]);
      const wait = (opts.minMs ?? 5) + Math.floor(r() * ((opts.maxMs ?? 250) - (opts.minMs ?? 5)));
      await new Promise((res) => setTimeout(res, wait));
      child.kill('SIGKILL');
      await exited;

      const db = new Database(file, { readonly: true });
      try {
        for (const counter of countersIn(db)) {
          const v = await verifyChain(db, counter);
          if (!v.ok) firstProblem = `kill ${k}: chain broken at ${JSON.stringify(v.firstBad)}`;
        }
        const has = db.prepare('SELECT hash FROM ledger_entries WHERE id = ?');
        for (const [id, hash] of acked) {
          const row = has.get(id) as { hash: string } | undefined;
          if (!row || row.hash !== hash) { firstProblem = `kill ${k}: acknowledged payment ${id} missing`; break; }
        }
      } finally { db.close(); }
      opts.log?.(`kill ${k + 1}/${opts.kills} after ${wait} ms: ${acked.size} acknowledged`);
    }

    // Heal: one last counter process that syncs everything.
    const host = createLoketHost({ dataDir: t.dir, logToStderr: true });
    let rounds = 0;
    while (host.services.sync.status().waiting > 0 && rounds++ < 100) await host.services.sync.drainOnce();
    const local = host.services.db.prepare('SELECT id, hash FROM ledger_entries').all() as { id: string; hash: string }[];
    const chain = await verifyChain(host.services.db, host.services.settings.get().counter.id);
    await host.close();
    let lost = 0;
    const localIds = new Set(local.map((l) => l.id)); // a Set: a 1,000-kill soak acknowledges 100,000+ payments
    for (const [id] of acked) if (!localIds.has(id)) lost++;
    let missingAtCentral = 0;
    for (const l of local) if (central.admin.getEntry(l.id)?.hash !== l.hash) missingAtCentral++;
    const atCentral = central.admin.counts().entries;
    const doubled = Math.max(0, atCentral - local.length);
    if (missingAtCentral) firstProblem ??= `${missingAtCentral} entries never reached the central server`;
    return {
      seed: opts.seed, kills: opts.kills, entries: local.length, acknowledged: acked.size,
      lost, doubled, chainOk: chain.ok, atCentral, firstProblem,
    };
  } finally {
    await central.dispose();
    t.cleanup();
  }
}

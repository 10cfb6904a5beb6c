import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { enrol, testCentral } from '../support/central';
import { tempDir } from '../support/tmp';
import { LINK_PROFILES, startLinkShaper, type LinkProfile } from './link-shaper';
import { rng } from './rng';

export interface EdgeCutReport {
  runs: number; firstSeed: number; finished: number; entries: number; atCentral: number; lost: number; doubled: number;
  cuts: number; bytes: number; reconciled: number; reconAttempts: number; slowestMs: number; firstProblem: string | null;
}

/**
 * Seeded runs over a link that keeps cutting (`edge-cut` unless told otherwise): each run writes
 * a day of `entries` payments, drains it through the link shaper again and again until the
 * outbox is empty (as the worker's back-off would), changes `changed` entries at central, and
 * reconciles the closing over the same link until an attempt is not cut short. Then central
 * must hold every entry exactly once and the reconciliation must name exactly the changed ones.
 */
export async function runEdgeCut(opts: {
  runs: number; firstSeed: number; entries?: number; changed?: number; profile?: LinkProfile; log?: (s: string) => void;
}): Promise<EdgeCutReport> {
  const n = opts.entries ?? 500;
  const changedCount = opts.changed ?? 3;
  const profile = opts.profile ?? LINK_PROFILES['edge-cut'];
  const report: EdgeCutReport = {
    runs: opts.runs, firstSeed: opts.firstSeed, finished: 0, entries: 0, atCentral: 0, lost: 0, doubled: 0,
    cuts: 0, bytes: 0, reconciled: 0, reconAttempts: 0, slowestMs: 0, firstProblem: null,
  };
  for (let i = 0; i < opts.runs; i++) {
    const seed = opts.firstSeed + i;
    const t = tempDir('loket-edge-cut-');
    const central = await testCentral();
    const host = createLoketHost({ dataDir: t.dir, logToStderr: false });
    const s = host.services;
    const link = { close: async () => undefined as void, stats: { cuts: 0, bytesUp: 0, bytesDown: 0 } };
    try {
      await seedDemoCounter(s);
      await enrol(host, central);
      const shaper = await startLinkShaper(central.url, profile, seed);
      Object.assign(link, { close: shaper.close, stats: shaper.stats });
      s.settings.update((x) => ({ ...x, central: { ...x.central, url: shaper.url } }));
      const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
      const head = s.auth.listUsers().find((u) => u.role === 'head')!;
      // Payments as varied as a real day's (participant ids, months, cash tendered), so the
      // batches compress as a real day's do rather than to nothing.
      const vary = rng(seed);
      const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      const participant = () => Array.from({ length: 26 }, () => ALPHABET[Math.floor(vary() * 32)]).join('');
      const entries = s.db.transaction(() => Array.from({ length: n }, () => {
        const months = 1 + Math.floor(vary() * 3);
        const amount = 16_800 * months;
        const tendered = Math.ceil(amount / 50_000) * 50_000 + (vary() < 0.3 ? 50_000 : 0);
        return s.ledger.append({
          kind: 'CONTRIBUTION', userId: teller.id, participantId: participant(), amount, paymentMethod: 'CASH',
          breakdown: { totals: { due: { JKK: 10_080 * months, JKM: 6_720 * months, JHT: 0 } } },
          payload: { months: ['2026-09', '2026-10', '2026-11'].slice(3 - months), cashReceived: tendered, change: tendered - amount },
        });
      }))();
      const t0 = performance.now();
      for (let attempt = 0; attempt < 200 && s.sync.status().waiting > 0; attempt++) await s.sync.drainOnce();
      report.slowestMs = Math.max(report.slowestMs, performance.now() - t0);
      if (s.sync.status().waiting === 0) report.finished++;
      else report.firstProblem ??= `seed ${seed}: ${s.sync.status().waiting} entries still waiting after 200 drains`;

      const ids = s.db.prepare('SELECT id FROM ledger_entries').pluck().all() as string[];
      const lost = ids.filter((id) => !central.admin.getEntry(id)).length;
      const atCentral = central.admin.counts().entries;
      report.entries += ids.length;
      report.atCentral += atCentral;
      report.lost += lost;
      report.doubled += Math.max(0, atCentral - (ids.length - lost));
      if (lost > 0) report.firstProblem ??= `seed ${seed}: ${lost} entries lost`;

      // The closing's reconciliation over the same link, with entries changed at central.
      const random = rng(seed ^ 0xc105e);
      const changed = new Set<string>();
      while (changed.size < Math.min(changedCount, n)) changed.add(entries[Math.floor(random() * n)].id);
      for (const id of changed) central.admin.alterEntry({ id, amount: 1 });
      const actor = { userId: head.id, username: head.username, displayName: head.displayName };
      s.closing.start(actor);
      let r = await s.closing.reconcile(actor);
      let attempts = 1;
      while (r.status === 'unreconciled' && attempts < 50) { attempts++; r = await s.closing.reconcile(actor); }
      report.reconAttempts += attempts;
      const named = r.rows.filter((x) => x.status !== 'matched').map((x) => x.id).sort();
      if (r.status === 'differences' && named.length === changed.size && named.every((id) => changed.has(id))) report.reconciled++;
      else report.firstProblem ??= `seed ${seed}: reconciliation ${r.status} named ${named.length} of ${changed.size} changed entries`;
    } catch (e) {
      report.firstProblem ??= `seed ${seed}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      report.cuts += link.stats.cuts;
      report.bytes += link.stats.bytesUp + link.stats.bytesDown;
      await link.close();
      await host.close();
      await central.dispose();
      t.cleanup();
    }
    opts.log?.(`edge-cut ${i + 1}/${opts.runs} (seed ${seed}): ${report.cuts} cuts, ${Math.round(report.bytes / 1024)} KB on the wire so far`);
  }
  return report;
}

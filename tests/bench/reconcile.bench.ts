import { join } from 'node:path';
import { createLoketHost, type LoketHost } from '../../electron/host';
import { DEMO_BRANCH, seedDemoCounter } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import { fetchDaySummary } from '../../electron/services/closing/reconcile';
import type { Reconciliation } from '../../shared/contract/closing';
import type { LedgerEntryRow } from '../../shared/ledger/entry';
import { startCentralServer, type CentralServer } from '../central/server';
import { LINK_PROFILES, startLinkShaper, type LinkProfile, type LinkShaper } from '../faults/link-shaper';
import type { BenchRow } from './types';
import { benchDir, nowMs, round } from './stats';

// Issue 17's closing figures over the link shaper: the reconciliation by digest of a 5,000-entry
// day over EDGE, matching and with one entry changed at central, each beside the old way measured
// in the same run (every page of the day summary over the same link); and a whole closing of a
// 500-entry day over 3G, "Mulai" to the saved report, its network time beside the same closing
// on loopback.

export const title = 'Village link: the closing’s reconciliation by digest over EDGE, a closing over 3G';

interface Day { host: LoketHost; central: CentralServer; entries: LedgerEntryRow[]; link: LinkShaper | null; dispose(): Promise<void> }

/** A counter whose day of `n` payments is at central (pushed over loopback), `waiting` more written but not sent. */
async function dayAt(n: number, waiting = 0): Promise<Day> {
  const scratch = benchDir('loket-bench-recon-');
  const central = await startCentralServer({ dbPath: join(scratch.dir, 'central.sqlite'), port: 0, adminSecret: 'bench' });
  central.admin.createBranch({ ...DEMO_BRANCH });
  const host = createLoketHost({ dataDir: join(scratch.dir, 'counter'), logToStderr: false });
  const s = host.services;
  await seedDemoCounter(s);
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
  await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'bench' });
  const teller = s.auth.listUsers().find((u) => u.role === 'teller')!;
  const write = (count: number, from: number) => s.db.transaction(() => Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return s.ledger.append({
      kind: 'CONTRIBUTION', userId: teller.id, participantId: `P${i}`, amount: 16_800 * (1 + (i % 3)), paymentMethod: 'CASH',
      breakdown: { totals: { due: { JKK: 10_080 * (1 + (i % 3)), JKM: 6_720 * (1 + (i % 3)), JHT: 0 } } }, payload: { months: ['2026-11'] },
    });
  }))();
  const entries = write(n, 0);
  while (s.sync.status().waiting > 0) if ((await s.sync.drainOnce()).failed) throw new Error('push failed');
  entries.push(...write(waiting, n));
  const day: Day = {
    host, central, entries, link: null,
    async dispose() { await day.link?.close(); await host.close(); await central.close(); scratch.cleanup(); },
  };
  return day;
}

async function behind(day: Day, profile: LinkProfile, seed: number): Promise<LinkShaper> {
  await day.link?.close();
  day.link = await startLinkShaper(day.central.url, profile, seed);
  const url = day.link.url;
  day.host.services.settings.update((x) => ({ ...x, central: { ...x.central, url } }));
  return day.link;
}

const headOf = (s: LoketHost['services']) => {
  const h = s.auth.listUsers().find((u) => u.role === 'head')!;
  return { userId: h.id, username: h.username, displayName: h.displayName };
};

/** The old reconciliation's network part: every page of the day summary over the same link. */
async function fullFetch(day: Day, link: LinkShaper): Promise<{ ms: number; bytes: number }> {
  const s = day.host.services;
  const down0 = link.stats.bytesDown;
  const t0 = nowMs();
  await fetchDaySummary(s.central, s.settings.get().counter.id, s.ledger.today());
  return { ms: nowMs() - t0, bytes: link.stats.bytesDown - down0 };
}

async function reconcileOver(day: Day, link: LinkShaper): Promise<{ ms: number; bytes: number; r: Reconciliation }> {
  const s = day.host.services;
  await s.sync.sendNow(); // the start's push settled: only the reconciliation is measured
  const down0 = link.stats.bytesDown;
  const t0 = nowMs();
  const r = await s.closing.reconcile(headOf(s));
  return { ms: nowMs() - t0, bytes: link.stats.bytesDown - down0, r };
}

/** "Mulai" to the report: start, the push, the reconciliation, the count, the PIN; the report saved and sent. */
async function closeDay(day: Day): Promise<{ ms: number; status: string; pdf: boolean; acked: boolean }> {
  const s = day.host.services;
  const head = headOf(s);
  const t0 = nowMs();
  s.closing.start(head);
  while (s.closing.progress().push.running || !s.closing.progress().push.done) await new Promise((ok) => setTimeout(ok, 5));
  const r = await s.closing.reconcile(head);
  s.closing.count(head, {});
  const done = await s.closing.confirm(head, { counts: {}, reason: 'hitung bench', pin: '123456' });
  return { ms: nowMs() - t0, status: r.status, pdf: done.pdfSaved, acked: Boolean(done.ackedAt) };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const N = Number(process.env.BENCH_RECON_N ?? 5_000);

  const big = await dayAt(N);
  try {
    const s = big.host.services;
    s.closing.start(headOf(s));
    const edge = await behind(big, LINK_PROFILES.edge, 7);
    const old = await fullFetch(big, edge);
    const match = await reconcileOver(big, edge);
    if (match.r.status !== 'reconciled' || match.r.counts.matched !== N) throw new Error(`matching day: ${match.r.status} ${JSON.stringify(match.r.counts)}`);
    rows.push({
      name: `reconciliation of a matching ${N.toLocaleString('en')}-entry day over edge (reference: the old full day-summary fetch over the same link)`,
      value: round(match.ms / 1000, 2), unit: 's', reference: round(old.ms / 1000, 2), ratio: round(old.ms / match.ms, 1),
      target: '≤ 3 s', met: match.ms <= 3_000,
    });
    rows.push({
      name: `  the same, bytes received (headers included; the push's health check with it)`,
      value: match.bytes, unit: 'B', reference: old.bytes, ratio: round(old.bytes / match.bytes, 1),
      target: '≤ 4 KB', met: match.bytes <= 4_096,
    });

    const changed = big.entries[Math.floor(N * 0.6173)];
    big.central.admin.alterEntry({ id: changed.id, amount: 1 });
    const diff = await reconcileOver(big, edge);
    const flagged = diff.r.rows.filter((x) => x.status !== 'matched');
    const named = flagged.length === 1 && flagged[0].id === changed.id && flagged[0].status === 'different';
    rows.push({
      name: `reconciliation of a ${N.toLocaleString('en')}-entry day with one entry changed at central over edge (${named ? 'the entry named' : 'NOT named'}; ${round(diff.bytes / 1024, 1)} KB received; reference: the full fetch)`,
      value: round(diff.ms / 1000, 2), unit: 's', reference: round(old.ms / 1000, 2), ratio: round(old.ms / diff.ms, 1),
      target: '≤ 6 s, the entry named', met: diff.ms <= 6_000 && named,
    });
  } finally {
    await big.dispose();
  }

  // The closing: the day's last 10 entries still waiting at "Mulai", as at a real end of day.
  const onLoopback = await dayAt(490, 10);
  let local: Awaited<ReturnType<typeof closeDay>>;
  try {
    await behind(onLoopback, LINK_PROFILES.lan, 3);
    local = await closeDay(onLoopback);
  } finally {
    await onLoopback.dispose();
  }
  const on3g = await dayAt(490, 10);
  try {
    await behind(on3g, LINK_PROFILES['3g'], 3);
    const g = await closeDay(on3g);
    const ok = g.status === 'reconciled' && g.pdf && g.acked;
    const network = g.ms - local.ms;
    rows.push({
      name: `closing of a 500-entry day over 3g, "Mulai" to the saved report (${ok ? 'reconciled, PDF saved, acknowledged' : `status ${g.status}, pdf ${g.pdf}, acked ${g.acked}`}): network time = over 3g (${round(g.ms / 1000, 2)} s) − on lan (reference)`,
      value: round(network / 1000, 2), unit: 's', reference: round(local.ms / 1000, 2),
      target: '≤ 5 s network time', met: ok && network <= 5_000,
    });
  } finally {
    await on3g.dispose();
  }
  return rows;
}

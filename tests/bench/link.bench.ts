import { join } from 'node:path';
import { createLoketHost, type LoketHost } from '../../electron/host';
import { DEMO_BRANCH, seedDemoCounter } from '../../electron/demo/seed';
import { enrolCounter } from '../../electron/services/enrolment';
import { startCentralServer, type CentralServer } from '../central/server';
import { LINK_PROFILES, startLinkShaper, type LinkProfile } from '../faults/link-shaper';
import type { BenchRow } from './types';
import { benchDir, nowMs, round } from './stats';

// Issue 17's figures: a day of 500 mixed entries (registrations and payments through the real
// services) drained through the link shaper. Bytes are counted on the TCP connection, so
// headers are included; the reference is the same entries as today's uncompressed JSON batch.

export const title = 'Village link: bytes per entry on the wire, a 500-entry day over EDGE';

const DAY = 500;

/** 0 → 'A', 26 → 'BA': names hold letters only. */
const lettersOf = (i: number): string => (i >= 26 ? lettersOf(Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));

/** A villager's registration: a woman born 17/05/1990 in Sawahan, Nganjuk, with a NIK of her own. */
function registrationForm(i: number) {
  return {
    nik: `351801570590${String(1000 + i).padStart(4, '0')}`, name: `Peserta Desa ${lettersOf(i)}`, birthPlace: 'Nganjuk', birthDate: '1990-05-17',
    sex: 'F', motherName: 'Sri Wahyuni', phone: `0812 3456 ${String(1000 + i).padStart(4, '0')}`, address: `Dusun Krajan RT 0${i % 9 + 1}/RW 02`,
    provinceCode: '35', regencyCode: '3518', districtCode: '351801', villageCode: '3518012001', occupationCode: 'TRD01', incomeBand: 1, jht: i % 4 === 0,
  };
}

async function dayOf(dir: string, central: CentralServer): Promise<LoketHost> {
  const host = createLoketHost({ dataDir: dir, logToStderr: false });
  const s = host.services;
  await seedDemoCounter(s);
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
  await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'bench' });
  const u = s.db.prepare("SELECT id, username, display_name FROM users WHERE username = 'siti'").get() as { id: string; username: string; display_name: string };
  const teller = { userId: u.id, username: u.username, displayName: u.display_name };
  for (let i = 0; i < DAY / 2; i++) {
    // Registered as a teller does (format v2: the personal data travels beside its entry), then paid.
    const reg = await s.registration.create(registrationForm(i), teller);
    await s.payment.create({ participantId: reg.participant.id, months: 1 + (i % 3), cashTendered: 200_000 }, teller);
  }
  return host;
}

async function drainThrough(profile: LinkProfile, seed: number, opts: { untilEmpty?: boolean } = {}) {
  const scratch = benchDir('loket-bench-link-');
  const central = await startCentralServer({ dbPath: join(scratch.dir, 'central.sqlite'), port: 0, adminSecret: 'bench' });
  central.admin.createBranch({ ...DEMO_BRANCH });
  const host = await dayOf(join(scratch.dir, 'counter'), central);
  const s = host.services;
  // Today's uncompressed figure: the same entries as one plain JSON batch body each way.
  const rows = s.db.prepare('SELECT * FROM ledger_entries ORDER BY seq').all();
  const personal = (s.db.prepare('SELECT entry_id, salt, data FROM personal_data').all() as { entry_id: string; salt: string; data: string }[])
    .map((p) => ({ entryId: p.entry_id, salt: p.salt, data: JSON.parse(p.data) as unknown }));
  const plainRequest = Buffer.byteLength(JSON.stringify({ entries: rows, personal }));
  const link = await startLinkShaper(central.url, profile, seed);
  s.settings.update((x) => ({ ...x, central: { ...x.central, url: link.url } }));
  const entries = s.sync.status().waiting;
  const t0 = nowMs();
  let attempts = 0;
  if (opts.untilEmpty) {
    // A cut link: drain again (as the worker's back-off would) until the outbox is empty.
    while (s.sync.status().waiting > 0 && attempts < 100) { attempts++; await s.sync.drainOnce(); }
  } else {
    attempts = 1;
    const r = await s.sync.drainOnce();
    if (r.failed || r.sent !== entries) throw new Error(`drain did not finish: ${JSON.stringify(r)}`);
  }
  const ms = nowMs() - t0;
  const ids = s.db.prepare('SELECT id FROM ledger_entries').pluck().all() as string[];
  const lost = ids.filter((id) => !central.admin.getEntry(id)).length;
  const doubled = central.admin.counts().entries - (ids.length - lost);
  const finished = s.sync.status().waiting === 0;
  const stats = { ...link.stats };
  await link.close();
  await host.close();
  await central.close();
  scratch.cleanup();
  return { entries, ms, stats, plainRequest, attempts, lost, doubled, finished };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const lan = await drainThrough(LINK_PROFILES.lan, 1);
  const perEntry = (lan.stats.bytesUp + lan.stats.bytesDown) / lan.entries;
  const plainPerEntry = lan.plainRequest / lan.entries; // request body alone, no answer, no headers: flatters today
  rows.push({
    name: `bytes on the wire per entry (request + answer, headers included), day of ${lan.entries} mixed entries`, value: round(perEntry, 1), unit: 'B/entry',
    reference: round(plainPerEntry, 1), ratio: round(perEntry / plainPerEntry, 3), target: '≤ 100 B/entry and ≤ 0.1× uncompressed', met: perEntry <= 100 && perEntry / plainPerEntry <= 0.1,
  });

  const edge = await drainThrough(LINK_PROFILES.edge, 2);
  const p = LINK_PROFILES.edge;
  // The physics of the link: the bytes at its bandwidth each way, plus one round trip per request.
  // Requests are counted by the sizer's schedule for this many entries (50, 50, 100, 100, 200…).
  let requests = 0;
  for (let left = edge.entries, size = 50, i = 0; left > 0; i++) { requests++; left -= size; if (i % 2 === 1) size = Math.min(500, size * 2); }
  const physicalMs = (edge.stats.bytesUp * 8 * 1000) / p.upBps + (edge.stats.bytesDown * 8 * 1000) / p.downBps + requests * p.rttMs;
  rows.push({
    name: `drain of a ${edge.entries}-entry day over edge (80 kbit/s up, 600 ms RTT)`, value: round(edge.ms / 1000, 2), unit: 's',
    reference: round(physicalMs / 1000, 2), ratio: round(physicalMs / edge.ms), target: '≤ 15 s and ≥ 0.5× physical', met: edge.ms <= 15_000 && physicalMs / edge.ms >= 0.5,
  });

  const runs = Number(process.env.BENCH_EDGE_CUT_RUNS ?? 20);
  let finished = 0, lost = 0, doubled = 0, cuts = 0, slowest = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const r = await drainThrough(LINK_PROFILES['edge-cut'], 1000 + seed, { untilEmpty: true });
    if (r.finished) finished++;
    lost += r.lost; doubled += r.doubled; cuts += r.stats.cuts; slowest = Math.max(slowest, r.ms);
  }
  rows.push({
    name: `drain of a 500-entry day over edge-cut, ${runs} seeded runs (${cuts} cuts; lost ${lost}, doubled ${doubled}; slowest ${round(slowest / 1000, 1)} s)`,
    value: finished, unit: `of ${runs} finished`, target: `${runs} of ${runs} finish; 0 lost, 0 doubled`, met: finished === runs && lost === 0 && doubled === 0,
  });
  return rows;
}

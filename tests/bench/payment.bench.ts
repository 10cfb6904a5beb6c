import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { startVirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { seedParticipant } from '../integration/payment/helpers';
import type { BenchRow } from './types';
import { benchDir, nowMs, percentile, round } from './stats';
import { rawDurableCommits } from './raw-commit';
import { walPageCounter } from '../support/wal-pages';
import { replay, statementRecorder, type Recorded } from './sql-replay';

// "Bayar" pressed → the receipt's bytes on the printer socket (the virtual printer on
// loopback), through the router like the UI; and the payment's whole commit (entry, months,
// print job holding the receipt, outbox, audit) against a raw one-row durable commit on the same disk.

/** 0 → 'A', 25 → 'Z', 26 → 'BA': names hold letters only. */
const lettersOf = (i: number): string => (i >= 26 ? lettersOf(Math.floor(i / 26)) : '') + String.fromCharCode(65 + (i % 26));

/** A valid registration form: a man born 17/05/1990 in Sawahan, Nganjuk, with a NIK of his own. */
function registrationForm(i: number) {
  return {
    nik: `351801170590${String(1000 + i).padStart(4, '0')}`, name: `Peserta ${lettersOf(i)}`, birthPlace: 'Nganjuk', birthDate: '1990-05-17', sex: 'M',
    motherName: 'Sri Wahyuni', phone: '0812 3456 7890', address: 'Jl. Merdeka 1 RT 01/RW 02', provinceCode: '35', regencyCode: '3518',
    districtCode: '351801', villageCode: '3518012001', occupationCode: 'TRD01', incomeBand: 1, jht: false,
  };
}

export const title = 'Payment: "Bayar" to receipt bytes, payment commit rate';

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = Number(process.env.BENCH_PAYMENTS ?? 300);
  const scratch = benchDir('loket-bench-payment-');
  const printer = await startVirtualPrinter({ dir: join(scratch.dir, 'printer') });
  const host = createLoketHost({ dataDir: join(scratch.dir, 'counter'), logToStderr: false });
  try {
    const s = host.services;
    await seedDemoCounter(s);
    const signIn = await host.router.call({ procedure: 'auth.signIn', input: { username: 'siti', pin: '111111' } }, 'direct');
    if (!signIn.ok) throw new Error('bench sign-in failed');
    const session = (signIn.output as { session: string }).session;
    const people = Array.from({ length: 2 * n }, (_, i) => seedParticipant(s, {
      nik: `3518014708${String(900000 + i).padStart(6, '0')}`, name: `PESERTA ${i}`,
    }));
    const pay = async (participantId: string) => {
      const r = await host.router.call({ procedure: 'payment.create', input: { participantId, months: 3, cashTendered: 50_000 }, session }, 'direct');
      if (!r.ok) throw new Error(`payment failed: ${JSON.stringify(r.error)}`);
    };

    // 1. Bayar → bytes on the socket.
    s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'virtual', port: printer.port, paperWidth: 80, charsPerLine: 48 } }));
    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      const arrived = printer.waitForJob(printer.jobs().length + 1).then(() => nowMs());
      await pay(people[i].id);
      latencies.push((await arrived) - t0);
    }
    const p95 = percentile(latencies, 95);
    rows.push({ name: '"Bayar" → receipt bytes on the printer socket p95', value: round(p95, 2), unit: 'ms', target: 'p95 ≤ 300 ms', met: p95 <= 300 });
    rows.push({ name: '"Bayar" → receipt bytes p50', value: round(percentile(latencies, 50), 2), unit: 'ms' });

    // 2. The payment's commit alone: no printer, so the job just stays queued.
    s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, kind: 'none' } }));
    const samples: number[] = [];
    const start = nowMs();
    for (let i = n; i < 2 * n; i++) {
      const t0 = nowMs();
      await pay(people[i].id);
      samples.push(nowMs() - t0);
    }
    const rate = (n / (nowMs() - start)) * 1000;
    const raw = rawDurableCommits(scratch.dir, Math.max(n, 1000));
    rows.push({
      name: 'payment.create commit (entry + 3 months + print job holding the receipt + outbox + audit, via router)', value: round(rate, 0),
      unit: 'payments/s', reference: round(raw.perSecond, 0), ratio: round(rate / raw.perSecond), target: '≥ 0.5× raw', met: rate / raw.perSecond >= 0.5,
    });
    rows.push({ name: 'payment.create p99', value: round(percentile(samples, 99), 3), unit: 'ms', reference: round(raw.p99, 3) });

    // 3. A registration's commit (issue 16): the entry carries a commitment (HMAC of the personal
    // data under a fresh salt), the data goes to personal_data; plus the participant, the slip's
    // receipt number, its print job, outbox and audit. Not enrolled: no central look-up.
    const regSamples: number[] = [];
    const regStart = nowMs();
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      const r = await host.router.call({ procedure: 'registration.create', input: registrationForm(i), session }, 'direct');
      if (!r.ok) throw new Error(`registration failed: ${JSON.stringify(r.error)}`);
      regSamples.push(nowMs() - t0);
    }
    const regRate = (n / (nowMs() - regStart)) * 1000;
    rows.push({
      name: 'registration.create commit (entry + commitment + personal_data + participant + slip + outbox + audit, via router)', value: round(regRate, 0),
      unit: 'registrations/s', reference: round(raw.perSecond, 0), ratio: round(regRate / raw.perSecond), target: '≥ 0.5× raw', met: regRate / raw.perSecond >= 0.5,
    });
    rows.push({ name: 'registration.create p99', value: round(percentile(regSamples, 99), 3), unit: 'ms', reference: round(raw.p99, 3) });

    // 4. Where a payment's time goes: the pages its commit writes to the WAL (the fsync flushes
    // them all; the raw commit writes one), and the same payments without the flush
    // (synchronous=OFF): the CPU, SQLite's included, against the raw commit's whole time.
    // Seeded now, so that the rows above are measured on the same ledger as before these rows.
    const more = Array.from({ length: n + 50 }, (_, i) => seedParticipant(s, {
      nik: `3518014709${String(900000 + i).padStart(6, '0')}`, name: `PESERTA LAIN ${i}`,
    }));
    const ledgerFile = join(scratch.dir, 'counter', 'ledger.sqlite');
    const pages = walPageCounter(s.db, ledgerFile);
    const counted = more.slice(0, 50);
    for (const p of counted) await pay(p.id);
    rows.push({ name: 'WAL pages written per payment commit', value: round(pages() / counted.length, 1), unit: 'pages', reference: round(raw.pagesPerCommit, 1) });
    s.db.pragma('wal_autocheckpoint = 1000');
    s.db.pragma('synchronous = OFF');
    const cpuStart = nowMs();
    const unflushed = more.slice(50);
    for (const p of unflushed) await pay(p.id);
    const cpuMs = (nowMs() - cpuStart) / unflushed.length;
    s.db.pragma('synchronous = FULL');
    rows.push({ name: 'payment.create without the flush (synchronous=OFF): CPU and page writes', value: round(cpuMs, 3), unit: 'ms', reference: round(1000 / raw.perSecond, 3) });

    // 5. The floor: the very statements these procedures ran, replayed on a copy of the ledger
    // taken just before, in the same transactions, with no JS (sql-replay.ts). No work on the JS
    // can bring a procedure above its replay; and the entry's insert alone shows what is left
    // when everything but the ledger entry leaves the durable transaction.
    const floorPeople = Array.from({ length: n }, (_, i) => seedParticipant(s, {
      nik: `3518014710${String(900000 + i).padStart(6, '0')}`, name: `PESERTA LANTAI ${i}`,
    }));
    const copies = [join(scratch.dir, 'floor-all.sqlite'), join(scratch.dir, 'floor-entry.sqlite')];
    for (const c of copies) await s.db.backup(c);
    const recorder = statementRecorder(s.db);
    const payments: Recorded[][] = [];
    const registrations: Recorded[][] = [];
    try {
      for (const p of floorPeople) payments.push(await recorder.capture(() => pay(p.id)));
      for (let i = 0; i < n; i++) {
        registrations.push(await recorder.capture(async () => {
          const r = await host.router.call({ procedure: 'registration.create', input: registrationForm(n + i), session }, 'direct');
          if (!r.ok) throw new Error(`registration failed: ${JSON.stringify(r.error)}`);
        }));
      }
    } finally { recorder.release(); }
    const rawNow = rawDurableCommits(scratch.dir, 1000);
    const entryOnly = (st: Recorded) => /^\s*INSERT INTO ledger_entries\b/i.test(st.sql);
    const paymentsReplayed = replay(copies[0], payments);
    const registrationsReplayed = replay(copies[0], registrations);
    const entriesReplayed = replay(copies[1], payments, entryOnly);
    const floorRow = (name: string, r: { perSecond: number }, unit: string): BenchRow => ({
      name, value: round(r.perSecond, 0), unit, reference: round(rawNow.perSecond, 0), ratio: round(r.perSecond / rawNow.perSecond),
    });
    rows.push(floorRow(`floor: a payment's ${round(paymentsReplayed.statements, 0)} SQL statements replayed, no JS`, paymentsReplayed, 'payments/s'));
    rows.push(floorRow(`floor: a registration's ${round(registrationsReplayed.statements, 0)} SQL statements replayed, no JS`, registrationsReplayed, 'registrations/s'));
    rows.push(floorRow("floor: a payment's ledger entry insert alone, one durable commit each, no JS", entriesReplayed, 'entries/s'));
  } finally {
    await host.close();
    await printer.close();
    scratch.cleanup();
  }
  return rows;
}

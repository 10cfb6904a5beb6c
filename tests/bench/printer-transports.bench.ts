import { spawn } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';
import { createLoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { startVirtualPrinter, type VirtualPrinter } from '../../electron/services/printing/virtual-printer';
import { startVirtualSerialPrinter, type VirtualSerialPrinter } from '../../electron/services/printing/virtual-serial-printer';
import type { PrinterSettings } from '../../shared/settings';
import { seedParticipant } from '../integration/payment/helpers';
import { cupsUnavailable, startCups, type TestCups } from '../support/cups';
import { socatUnavailable, startPtyPair, type PtyPair } from '../support/pty-pair';
import type { BenchRow } from './types';
import { benchDir, percentile, round } from './stats';

// "Bayar" → the receipt's last byte at the printer, for each transport a counter uses:
// `network` (TCP 9100, DLE EOT first), `system` (a real cupsd's raw queue whose device is the
// virtual printer) and `serial` (a socat pty pair, DLE EOT first). Beside each, the raw
// reference: the same bytes written to that transport with nothing of ours around it
// (a socket, `lp -o raw`, a serial write).

export const title = 'Printer transports: "Bayar" to the last receipt byte (network, system/CUPS, serial)';

const now = () => performance.now();

/** Waits for the next job; `lastByte` reads when its last byte came (the serial printer records after a quiet gap). */
interface Sink { next(): Promise<number> }

function tcpSink(p: VirtualPrinter): Sink {
  return { next: () => p.waitForJob(p.jobs().length + 1).then(() => now()) };
}
function serialSink(p: VirtualSerialPrinter): Sink {
  return { next: () => p.waitForJob(p.jobs().length + 1).then(() => p.lastByteAt()) };
}

function lpRaw(name: string, bytes: Buffer, server: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn('lp', ['-d', name, '-o', 'raw'], { env: { ...process.env, CUPS_SERVER: server }, stdio: ['pipe', 'ignore', 'ignore'] });
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`lp exited ${code}`))));
    c.stdin.end(bytes);
  });
}

async function serialWrite(path: string, bytes: Buffer): Promise<void> {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false, hupcl: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  await new Promise<void>((res, rej) => port.write(bytes, (e) => (e ? rej(e) : port.drain((d) => (d ? rej(d) : res())))));
  await new Promise<void>((res) => port.close(() => res()));
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const n = Number(process.env.BENCH_PRINTER_PAYMENTS ?? 60);
  const scratch = benchDir('loket-bench-printers-');
  const host = createLoketHost({ dataDir: join(scratch.dir, 'counter'), logToStderr: false });
  const closers: (() => Promise<void> | void)[] = [];
  try {
    const s = host.services;
    await seedDemoCounter(s);
    const signIn = await host.router.call({ procedure: 'auth.signIn', input: { username: 'siti', pin: '111111' } }, 'direct');
    if (!signIn.ok) throw new Error('bench sign-in failed');
    const session = (signIn.output as { session: string }).session;
    const people = Array.from({ length: 3 * n }, (_, i) => seedParticipant(s, { nik: `3518014708${String(800000 + i).padStart(6, '0')}`, name: `PESERTA ${i}` }));
    let next = 0;
    const pay = async () => {
      const r = await host.router.call({ procedure: 'payment.create', input: { participantId: people[next++].id, months: 3, cashTendered: 50_000 }, session }, 'direct');
      if (!r.ok) throw new Error(`payment failed: ${JSON.stringify(r.error)}`);
    };

    const measure = async (label: string, printer: Partial<PrinterSettings>, sink: Sink, raw: (bytes: Buffer) => Promise<void>, lastBytes: () => Buffer) => {
      s.settings.update((cur) => ({ ...cur, printer: { ...cur.printer, paperWidth: 80, charsPerLine: 48, ...printer } }));
      const bayar: number[] = [];
      for (let i = 0; i < n; i++) {
        const arrived = sink.next();
        const t0 = now();
        await pay();
        bayar.push((await arrived) - t0);
      }
      const bytes = lastBytes();
      const reference: number[] = [];
      for (let i = 0; i < n; i++) {
        const arrived = sink.next();
        const t0 = now();
        await raw(bytes);
        reference.push((await arrived) - t0);
      }
      const p95 = percentile(bayar, 95);
      const ref = percentile(reference, 95);
      rows.push({
        name: `${label}: "Bayar" → last receipt byte at the printer p95 (${bytes.length} B)`, value: round(p95, 1), unit: 'ms',
        reference: round(ref, 1), ratio: round(ref / p95), target: 'p95 ≤ 300 ms', met: p95 <= 300,
      });
    };

    // network
    const tcp = await startVirtualPrinter({ dir: join(scratch.dir, 'tcp') });
    closers.push(() => tcp.close());
    await measure('network (TCP 9100)', { kind: 'network', host: '127.0.0.1', port: tcp.port }, tcpSink(tcp), (bytes) => new Promise((res, rej) => {
      const sock = net.connect({ host: '127.0.0.1', port: tcp.port }, () => sock.end(bytes));
      sock.on('error', rej);
      sock.on('close', () => res());
    }), () => tcp.jobs().at(-1)!.bytes);

    // system (CUPS)
    const noCups = cupsUnavailable();
    if (noCups) rows.push({ name: `system (CUPS): not run: ${noCups}`, value: NaN, unit: '' });
    else {
      const viaCups = await startVirtualPrinter({ dir: join(scratch.dir, 'cups-printer') });
      closers.push(() => viaCups.close());
      const cups: TestCups = await startCups();
      closers.push(() => cups.stop());
      const saved = process.env.CUPS_SERVER;
      process.env.CUPS_SERVER = cups.server;
      closers.push(() => { if (saved === undefined) delete process.env.CUPS_SERVER; else process.env.CUPS_SERVER = saved; });
      cups.addRawQueue('POS-80', `socket://127.0.0.1:${viaCups.port}`, { isDefault: true });
      await measure('system (CUPS raw queue)', { kind: 'system', printerName: 'POS-80' }, tcpSink(viaCups), (bytes) => lpRaw('POS-80', bytes, cups.server), () => viaCups.jobs().at(-1)!.bytes);
    }

    // serial
    const noSocat = socatUnavailable();
    if (noSocat) rows.push({ name: `serial: not run: ${noSocat}`, value: NaN, unit: '' });
    else {
      const pty: PtyPair = await startPtyPair();
      closers.push(() => pty.close());
      const line = await startVirtualSerialPrinter({ dir: join(scratch.dir, 'serial'), path: pty.printer, quietMs: 30 });
      closers.push(() => line.close());
      await measure('serial (pty, 115200 baud)', { kind: 'serial', serialPath: pty.app, baudRate: 115200 }, serialSink(line), (bytes) => serialWrite(pty.app, bytes), () => line.jobs().at(-1)!.bytes);
    }
  } finally {
    for (const c of closers.reverse()) await c();
    await host.close();
    scratch.cleanup();
  }
  return rows;
}

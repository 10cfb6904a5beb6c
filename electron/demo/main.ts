// `npm run demo`: Loket on its embedded default, all on this machine. A demo branch
// (KCU Nganjuk) with two counters, demo users, the central-server double on 127.0.0.1 and a
// virtual printer that keeps every receipt as bytes and text under the data folder. The real
// UI is served through the loopback bridge; open the printed address in a browser.
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startCentralServer } from '../../tests/central/server';
import { startVirtualPrinter } from '../services/printing/virtual-printer';
import { createLoketHost, type LoketHost } from '../host';
import { startBridge, type Bridge } from '../bridge/server';
import { enrolCounter } from '../services/enrolment';
import { DEMO_BRANCH, DEMO_USERS, seedDemoCounter } from './seed';
import { prepareDemoCentral } from './central-seed';
import { generateDemoHistory } from './history';

const dataDir = resolve(process.env.LOKET_DATA_DIR ?? '.data/demo');
const firstPort = Number(process.env.LOKET_DEMO_PORT ?? 4700);
const centralPort = Number(process.env.LOKET_CENTRAL_PORT ?? 4790);
const printerPort = Number(process.env.LOKET_PRINTER_PORT ?? 9191);
const staticDir = resolve('dist/renderer');

async function listenOr<T>(start: (port: number) => Promise<T>, port: number): Promise<T> {
  try { return await start(port); } catch { return start(0); } // the fixed port is taken: any free one
}

async function main(): Promise<void> {
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error('UI belum dibangun: jalankan `npm run demo` (membangun lalu memulai). / UI not built: run `npm run demo`.');
    process.exit(1);
  }
  const central = await listenOr((port) => startCentralServer({ dbPath: join(dataDir, 'central', 'central.sqlite'), port, adminSecret: 'demo-admin' }), centralPort);
  prepareDemoCentral(central.admin);
  const printer = await listenOr((port) => startVirtualPrinter({ dir: join(dataDir, 'printer'), port }), printerPort);

  const counters: { host: LoketHost; bridge: Bridge; number: number }[] = [];
  for (const number of [1, 2]) {
    // The demo's history is written at moments in the past; afterwards the clock is the real one.
    let simulated: Date | null = null;
    const host = createLoketHost({ dataDir: join(dataDir, `counter-${number}`), clock: () => simulated ?? new Date() });
    const s = host.services;
    await seedDemoCounter(s, number);
    s.settings.update((cur) => ({
      ...cur,
      central: { ...cur.central, url: central.url },
      printer: { ...cur.printer, kind: 'virtual', host: '127.0.0.1', port: printer.port, paperWidth: 80, charsPerLine: 48 },
    }));
    if (!s.settings.get().central.token) {
      const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
      await enrolCounter(s, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: number }, { userId: null, username: 'demo' });
    }
    if (s.ledger.count() === 0) {
      console.log(`Loket ${number}: menulis riwayat demo… / writing demo history…`);
      await generateDemoHistory(s, { set: (d) => { simulated = d; } }, { days: number === 1 ? 21 : 10, seed: 64400 + number, log: (m) => console.log(`  ${m}`) });
    }
    s.startBackground();
    const bridge = await listenOr((port) => startBridge({ router: host.router, staticDir, port }), firstPort + number - 1);
    counters.push({ host, bridge, number });
  }

  console.log('');
  console.log(`Loket demo — ${DEMO_BRANCH.name} (kode ${DEMO_BRANCH.code}), folder data: ${dataDir}`);
  for (const c of counters) console.log(`  Loket ${c.number}: buka ${c.bridge.url}`);
  console.log(`  Server pusat (tiruan): ${central.url}   Printer virtual: 127.0.0.1:${printer.port} → ${join(dataDir, 'printer')}`);
  console.log('  Pengguna demo (nama / PIN / peran):');
  for (const u of DEMO_USERS) console.log(`    ${u.username.padEnd(8)} ${u.pin}  ${u.role}`);
  console.log('Tekan Ctrl+C untuk berhenti. / Press Ctrl+C to stop.');

  const stop = async () => {
    for (const c of counters) { await c.bridge.close(); await c.host.close(); }
    await printer.close();
    await central.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e) => {
  console.error('Demo gagal dimulai / demo failed to start:', e);
  process.exit(1);
});

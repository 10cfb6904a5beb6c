import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startCentralServer } from './server';

// Runs the central double for the demo and for manual testing:
//   tsx tests/central/main.ts [--port 8787] [--host 127.0.0.1] [--data .central-data]
//                             [--admin-secret S] [--seed 1] [--branches 30] [--no-seed]
// On a fresh data folder it creates the demo branch (64400 KCU Nganjuk) and other branches with
// generated registrations, then prints the URL, the admin secret and a one-time enrolment code.

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: '.central-data' },
    'admin-secret': { type: 'string' },
    seed: { type: 'string', default: '1' },
    branches: { type: 'string', default: '30' },
    'no-seed': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values.data);
const central = await startCentralServer({
  dbPath: join(dataDir, 'central.sqlite'),
  port: Number(values.port),
  host: values.host,
  adminSecret: values['admin-secret'] ?? process.env.LOKET_CENTRAL_ADMIN_SECRET,
  // Head office's age public key for the counters' backups (e.g. `age-keygen -y key.txt`).
  backupRecipient: process.env.LOKET_CENTRAL_BACKUP_RECIPIENT || undefined,
});
const { admin } = central;

const fresh = admin.counts().branches === 0;
admin.createBranch({ code: '64400', name: 'KCU Nganjuk', provinceCode: '35', regencyCode: '3518', timeZone: 'Asia/Jakarta' });
if (fresh && !values['no-seed']) {
  const seeded = admin.seedBranches({ seed: Number(values.seed), count: Number(values.branches) });
  console.log(`Seeded ${seeded.branches.length} other branches, ${seeded.registrations} registrations (period ${seeded.periodId}).`);
}
const code = admin.createEnrolCode({ branchCode: '64400', ttlSeconds: 7 * 24 * 3600 });

console.log(`Loket central double listening on ${central.url}`);
console.log(`  data:         ${dataDir}`);
console.log(`  admin secret: ${admin.secret}   (header X-Admin-Secret)`);
console.log(`  enrol code:   ${code.code} for branch ${code.branchCode}, valid until ${code.expiresAt}`);

const stop = () => { void central.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

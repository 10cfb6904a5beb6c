import { join } from 'node:path';
import { startCentralServer, type CentralServer } from '../central/server';
import { enrolCounter } from '../../electron/services/enrolment';
import { DEMO_BRANCH } from '../../electron/demo/seed';
import type { LoketHost } from '../../electron/host';
import { tempDir } from './tmp';

/** A central double on 127.0.0.1 with the demo branch, in its own temp folder. */
export async function testCentral(opts: { now?: () => Date; port?: number; backupRecipient?: string } = {}): Promise<CentralServer & { dir: string; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir('loket-central-');
  const central = await startCentralServer({ dbPath: join(dir, 'central.sqlite'), port: opts.port ?? 0, adminSecret: 'test', now: opts.now, backupRecipient: opts.backupRecipient });
  central.admin.createBranch({ ...DEMO_BRANCH });
  return { ...central, dir, dispose: async () => { await central.close(); cleanup(); } };
}

/** Enrols a host's counter with the double through the real protocol. */
export async function enrol(host: LoketHost, central: CentralServer, counterNumber = 1): Promise<void> {
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, ttlSeconds: 600 });
  await enrolCounter(host.services, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber }, { userId: null, username: 'test' });
}

import { existsSync, rmSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { batchResponseSchema } from '../../../shared/protocol/central';
import { contributionPayload, createChain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, startTestCentral, type TestCentral } from './helpers';

// The double's WAL is checkpointed by a worker thread, not by the thread that answers requests.

let central: TestCentral | null = null;
afterEach(async () => { await central?.stop(); central = null; });

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('central double: checkpoints on a worker thread', () => {
  it('folds committed batches into the database file while the request connection leaves the WAL alone', async () => {
    central = await startTestCentral();
    const device = await enrolDevice(central, BANDUNG.code, 1);
    const chain = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, businessDate: '2026-11-25' });
    const before = size(central.dbPath);
    // About 300 pages: far below the request connection's own threshold of 4,000.
    for (let b = 0; b < 3; b++) {
      const entries = Array.from({ length: 500 }, () => chain.next({ kind: 'CONTRIBUTION', participant_id: 'P1', payload: contributionPayload(['2026-11']) }));
      const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries }, token: device.token });
      expect(batchResponseSchema.parse(reply.body).results.every((r) => r.status === 'accepted')).toBe(true);
    }
    expect(await until(() => size(central!.dbPath) > before + 500 * 1024)).toBe(true);
    const dbPath = central.dbPath;
    const dir = central.dir;
    await central.close();
    // Both connections closed (the worker's first): the last one folded the WAL in and removed it.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
    central = null;
  });
});

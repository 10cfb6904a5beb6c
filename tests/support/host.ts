import { createLoketHost, type LoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { tempDir } from './tmp';

export interface TestClock { now: Date; advance(ms: number): void; fn: () => Date }

export function testClock(start = '2026-11-25T03:00:00.000Z'): TestClock {
  const c: TestClock = {
    now: new Date(start),
    advance(ms) { c.now = new Date(c.now.getTime() + ms); },
    fn: () => c.now,
  };
  return c;
}

/** A real host (SQLite file, settings file) in a temp folder, seeded with the demo branch and users. */
export async function testHost(opts: { clock?: TestClock; seed?: boolean } = {}): Promise<LoketHost & { dir: string; cleanup: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const host = createLoketHost({ dataDir: dir, clock: opts.clock?.fn, logToStderr: true });
  if (opts.seed !== false) await seedDemoCounter(host.services);
  return {
    ...host,
    dir,
    cleanup: async () => { await host.close(); cleanup(); },
  };
}

/** Signs in through the router and returns the session token. */
export async function signInAs(host: LoketHost, username: string, pin: string): Promise<string> {
  const r = await host.router.call({ procedure: 'auth.signIn', input: { username, pin } }, 'direct');
  if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.error)}`);
  return (r.output as { session: string }).session;
}

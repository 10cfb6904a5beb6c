import { createLoketHost, type LoketHost } from '../../electron/host';
import { seedDemoCounter } from '../../electron/demo/seed';
import { generateDemoHistory } from '../../electron/demo/history';

/**
 * A demo counter in `dataDir` with `days` days of history written as the demo writes them
 * (registrations, payments, a void, closings), then the clock back to now. The host stays open.
 */
export async function demoHost(dataDir: string, opts: { days: number; seed: number }): Promise<LoketHost> {
  let simulated: Date | null = null;
  const host = createLoketHost({ dataDir, clock: () => simulated ?? new Date() });
  await seedDemoCounter(host.services);
  await generateDemoHistory(host.services, { set: (d) => { simulated = d; } }, opts);
  simulated = null;
  return host;
}

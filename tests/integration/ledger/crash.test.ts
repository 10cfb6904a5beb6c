import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../faults/crash';

// CI runs a short version; `npm run soak` runs 1,000 kills. The seed is printed so any
// failure can be replayed: LOKET_CRASH_SEED=<seed>.
const seed = Number(process.env.LOKET_CRASH_SEED ?? Date.now() % 100000);

describe('crash test: kill -9 while taking payments and syncing', () => {
  it(`loses nothing and doubles nothing (seed ${seed})`, async () => {
    const report = await runCrashTest({ kills: Number(process.env.LOKET_CRASH_KILLS ?? 30), seed });
    console.log('crash test', JSON.stringify(report));
    expect(report.firstProblem).toBeNull();
    expect(report.chainOk).toBe(true);
    expect(report.lost).toBe(0);
    expect(report.doubled).toBe(0);
    expect(report.atCentral).toBe(report.entries);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.entries).toBeGreaterThanOrEqual(report.acknowledged);
  }, 600_000);
});

import { describe, expect, it } from 'vitest';
import { runFaultSchedules } from '../../faults/fault-schedules';

// CI runs a few hundred seeded schedules; `npm run soak` runs 10,000. Replay with LOKET_FAULT_SEED.
const firstSeed = Number(process.env.LOKET_FAULT_SEED ?? Date.now() % 1_000_000);

describe('fault proxy between counter and central', () => {
  it(`after healing, central and local agree exactly (seeds ${firstSeed}…)`, async () => {
    const report = await runFaultSchedules({ schedules: Number(process.env.LOKET_FAULT_SCHEDULES ?? 200), firstSeed });
    console.log('fault schedules', JSON.stringify(report));
    expect(report.firstProblem).toBeNull();
    expect(report.lost).toBe(0);
    expect(report.doubled).toBe(0);
    expect(report.mismatched).toBe(0);
    expect(report.atCentral).toBe(report.entries);
    // every kind of fault was actually exercised
    for (const [fault, n] of Object.entries(report.faults)) expect(n, fault).toBeGreaterThan(0);
  }, 600_000);
});

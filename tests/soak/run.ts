// `npm run soak`: the long fault runs — the crash test with 1,000 kills and the fault proxy
// with 10,000 seeded schedules — printing kills, schedules, entries, lost and doubled.
// Seeds: LOKET_CRASH_SEED, LOKET_FAULT_SEED (printed, so a failure can be replayed).
import { runCrashTest } from '../faults/crash';
import { runFaultSchedules } from '../faults/fault-schedules';

const kills = Number(process.env.LOKET_CRASH_KILLS ?? 1000);
const schedules = Number(process.env.LOKET_FAULT_SCHEDULES ?? 10_000);
const crashSeed = Number(process.env.LOKET_CRASH_SEED ?? Date.now() % 100000);
const faultSeed = Number(process.env.LOKET_FAULT_SEED ?? Date.now() % 1_000_000);
const log = (s: string) => process.stderr.write(`${s}\n`);

log(`crash test: ${kills} kills, seed ${crashSeed}`);
const crash = await runCrashTest({ kills, seed: crashSeed, log: (s) => { if (/kill (\d+)\//.exec(s)?.[1]?.endsWith('00')) log(s); } });
log(`fault proxy: ${schedules} schedules from seed ${faultSeed}`);
const faults = await runFaultSchedules({ schedules, firstSeed: faultSeed, log });

console.table([
  { run: 'crash (kill -9)', seed: crash.seed, 'kills/schedules': crash.kills, entries: crash.entries, acknowledged: crash.acknowledged, lost: crash.lost, doubled: crash.doubled, problem: crash.firstProblem ?? '' },
  { run: 'fault proxy', seed: faults.firstSeed, 'kills/schedules': faults.schedules, entries: faults.entries, acknowledged: faults.atCentral, lost: faults.lost, doubled: faults.doubled, problem: faults.firstProblem ?? '' },
]);
console.log('faults injected:', JSON.stringify(faults.faults));
const ok = !crash.firstProblem && !faults.firstProblem && crash.lost + crash.doubled + faults.lost + faults.doubled + faults.mismatched === 0;
console.log(ok ? 'soak: nothing lost, nothing doubled' : 'soak: FAILED');
process.exit(ok ? 0 : 1);

// `npm run soak`: the long fault runs — the crash test with 1,000 kills, the fault proxy with
// 10,000 seeded schedules, and 20 seeded days over the `edge-cut` link (a 3,000-entry day, about
// 130 KB on the wire so that runs do get cut, drained through a link that cuts every 20–200 KB,
// then the closing's reconciliation over it with entries changed at central) — printing kills,
// schedules, entries, lost and doubled.
// One part only: `npm run soak -- crash`, `-- faults` or `-- edge-cut`.
// Seeds: LOKET_CRASH_SEED, LOKET_FAULT_SEED, LOKET_EDGE_CUT_SEED (printed, so a failure can be
// replayed); LOKET_EDGE_CUT_RUNS and LOKET_EDGE_CUT_ENTRIES set the edge-cut runs and their day.
import { runCrashTest } from '../faults/crash';
import { runFaultSchedules } from '../faults/fault-schedules';
import { runEdgeCut } from '../faults/edge-cut-runs';

const only = process.argv.slice(2);
const part = (name: string) => only.length === 0 || only.includes(name);
const kills = Number(process.env.LOKET_CRASH_KILLS ?? 1000);
const schedules = Number(process.env.LOKET_FAULT_SCHEDULES ?? 10_000);
const edgeCutRuns = Number(process.env.LOKET_EDGE_CUT_RUNS ?? 20);
const edgeCutEntries = Number(process.env.LOKET_EDGE_CUT_ENTRIES ?? 3_000);
const crashSeed = Number(process.env.LOKET_CRASH_SEED ?? Date.now() % 100000);
const faultSeed = Number(process.env.LOKET_FAULT_SEED ?? Date.now() % 1_000_000);
const edgeCutSeed = Number(process.env.LOKET_EDGE_CUT_SEED ?? Date.now() % 1_000_000);
const log = (s: string) => process.stderr.write(`${s}\n`);

const table: Record<string, string | number>[] = [];
let ok = true;

if (part('crash')) {
  log(`crash test: ${kills} kills, seed ${crashSeed}`);
  const crash = await runCrashTest({ kills, seed: crashSeed, log: (s) => { if (/kill (\d+)\//.exec(s)?.[1]?.endsWith('00')) log(s); } });
  table.push({ run: 'crash (kill -9)', seed: crash.seed, 'kills/schedules/runs': crash.kills, entries: crash.entries, acknowledged: crash.acknowledged, lost: crash.lost, doubled: crash.doubled, problem: crash.firstProblem ?? '' });
  ok &&= !crash.firstProblem && crash.lost + crash.doubled === 0;
}
if (part('faults')) {
  log(`fault proxy: ${schedules} schedules from seed ${faultSeed}`);
  const faults = await runFaultSchedules({ schedules, firstSeed: faultSeed, log });
  table.push({ run: 'fault proxy', seed: faults.firstSeed, 'kills/schedules/runs': faults.schedules, entries: faults.entries, acknowledged: faults.atCentral, lost: faults.lost, doubled: faults.doubled, problem: faults.firstProblem ?? '' });
  log(`faults injected: ${JSON.stringify(faults.faults)}`);
  ok &&= !faults.firstProblem && faults.lost + faults.doubled + faults.mismatched === 0;
}
if (part('edge-cut')) {
  log(`edge-cut link: ${edgeCutRuns} runs of ${edgeCutEntries} entries from seed ${edgeCutSeed}`);
  const edge = await runEdgeCut({ runs: edgeCutRuns, firstSeed: edgeCutSeed, entries: edgeCutEntries, log });
  table.push({
    run: `edge-cut (${edge.cuts} cuts; ${edge.finished}/${edge.runs} drained; ${edge.reconciled}/${edge.runs} closings named every change, ${edge.reconAttempts} attempts; slowest drain ${Math.round(edge.slowestMs / 100) / 10} s)`,
    seed: edge.firstSeed, 'kills/schedules/runs': edge.runs, entries: edge.entries, acknowledged: edge.atCentral, lost: edge.lost, doubled: edge.doubled, problem: edge.firstProblem ?? '',
  });
  ok &&= !edge.firstProblem && edge.lost + edge.doubled === 0 && edge.finished === edge.runs && edge.reconciled === edge.runs;
}

console.table(table);
console.log(ok ? 'soak: nothing lost, nothing doubled' : 'soak: FAILED');
process.exit(ok ? 0 : 1);

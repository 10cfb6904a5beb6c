#!/usr/bin/env node
// `npm test`: every suite, one verdict. Runs Vitest (unit + integration) and Playwright (e2e)
// with JSON reporters, counts from the reports rather than from exit codes, and counts a suite
// that crashed or left no report as failed. The very last line is exactly `N passed, N failed`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { ensureElectronNative } from './electron-native.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(ROOT, 'node_modules', '.bin');
const work = mkdtempSync(join(tmpdir(), 'loket-test-'));
// Service logs of the tests go to files here; only a failing test shows its own (tests/support/test-logs.ts).
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', FORCE_COLOR: process.env.FORCE_COLOR ?? '1', LOKET_TEST_LOG_DIR: join(work, 'logs') };

/** One line of the summary: a suite's counts, and a note when it did not run cleanly. */
const suites = [];

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n━━ ${label}: ${[cmd, ...args].map((a) => relative(ROOT, a) || a).join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.error) console.error(`${label}: ${r.error.message}`);
  return r.status ?? 1;
}

function readJson(file) {
  if (!existsSync(file)) return null;
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; }
}

/** Vitest's JSON report, split by the folder under tests/ (unit, integration, …). */
function countVitest(report, exitCode) {
  if (!report || !Array.isArray(report.testResults)) {
    suites.push({ name: 'vitest', passed: 0, failed: 1, note: `no report (exit ${exitCode})` });
    return;
  }
  const byFolder = new Map();
  for (const file of report.testResults) {
    const rel = relative(ROOT, file.name ?? '').split(sep);
    const folder = rel[0] === 'tests' && rel[1] ? rel[1] : rel[0] || 'vitest';
    const s = byFolder.get(folder) ?? { name: folder, passed: 0, failed: 0, crashed: [] };
    const results = file.assertionResults ?? [];
    const failed = results.filter((a) => a.status === 'failed').length;
    s.passed += results.filter((a) => a.status === 'passed').length;
    s.failed += failed;
    // A file that failed with no failing test in it did not load or its hooks broke: one failure.
    if (file.status === 'failed' && failed === 0) {
      s.failed += 1;
      s.crashed.push(relative(ROOT, file.name ?? '?'));
    }
    byFolder.set(folder, s);
  }
  for (const s of byFolder.values()) {
    suites.push({ name: s.name, passed: s.passed, failed: s.failed, note: s.crashed.length ? `crashed: ${s.crashed.join(', ')}` : '' });
  }
  const counted = [...byFolder.values()].reduce((n, s) => n + s.failed, 0);
  // Vitest failed for a reason outside any test (unhandled error, config): count it once.
  if (exitCode !== 0 && counted === 0) suites.push({ name: 'vitest', passed: 0, failed: 1, note: `exit ${exitCode} with no failing test (unhandled error?)` });
  if (byFolder.size === 0 && exitCode === 0) suites.push({ name: 'vitest', passed: 0, failed: 0, note: 'no test files' });
}

/** Playwright's JSON report: stats say it all; global errors count when no test ran. */
function countPlaywright(report, exitCode) {
  if (!report || !report.stats) {
    suites.push({ name: 'e2e', passed: 0, failed: 1, note: `no report (exit ${exitCode})` });
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  const errors = Array.isArray(report.errors) ? report.errors.length : 0;
  let failed = unexpected;
  const notes = [];
  if (flaky) notes.push(`${flaky} flaky`);
  if (skipped) notes.push(`${skipped} skipped`);
  if (errors) notes.push(`${errors} error(s) outside tests`);
  if (failed === 0 && (errors > 0 || exitCode !== 0)) failed = 1;
  suites.push({ name: 'e2e', passed: expected + flaky, failed, note: notes.join(', ') });
}

try {
  const chromium = run('debian tools', 'bash', [join(ROOT, 'scripts', 'ensure-debian-tools.sh')]);

  const vitestJson = join(work, 'vitest.json');
  const vitestExit = run('vitest', join(BIN, 'vitest'), [
    'run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
  ]);
  countVitest(readJson(vitestJson), vitestExit);

  const buildExit = run('build', join(BIN, 'vite'), ['build']);
  if (buildExit !== 0) suites.push({ name: 'build', passed: 0, failed: 1, note: `vite build exit ${buildExit}` });

  if (chromium !== 0) {
    suites.push({ name: 'e2e', passed: 0, failed: 1, note: 'not run: /usr/bin/chromium missing' });
  } else if (buildExit !== 0) {
    suites.push({ name: 'e2e', passed: 0, failed: 1, note: 'not run: the renderer did not build' });
  } else {
    const pwJson = join(work, 'playwright.json');
    const pwExit = run('e2e', join(BIN, 'playwright'), ['test'], { LOKET_PW_JSON: pwJson, LOKET_SKIP_BUILD: '1' });
    countPlaywright(readJson(pwJson), pwExit);
  }

  electronSmoke();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The Electron binary, where one is installed (or ELECTRON_OVERRIDE_DIST_PATH names one); null here. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The real shell's smoke test (tests/electron) under xvfb-run, where an Electron binary is
 * present. Where none is, one line says the test did not run and why; it counts neither as
 * passed nor as failed, and the summary shows it.
 */
function electronSmoke() {
  const notRun = (why) => {
    console.log(`\n━━ electron: the Electron smoke test did not run: ${why}`);
    suites.push({ name: 'electron', passed: 0, failed: 0, note: `not run: ${why}` });
  };
  if (!electronBinary()) return notRun('no Electron binary on this machine (npm ci skips its download; `npm start` fetches it where there is internet, or set ELECTRON_OVERRIDE_DIST_PATH)');
  if (!existsSync('/usr/bin/xvfb-run')) return notRun('xvfb-run is missing (apt-get install xvfb)');
  let binding;
  try {
    const version = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    binding = ensureElectronNative({ root: ROOT, electronVersion: version });
  } catch (e) {
    return notRun(`better-sqlite3 could not be built for Electron (needs the internet once): ${e instanceof Error ? e.message : e}`);
  }
  const buildExit = run('electron build', 'npm', ['run', 'build']);
  if (buildExit !== 0) { suites.push({ name: 'electron', passed: 0, failed: 1, note: `npm run build exit ${buildExit}` }); return; }
  const json = join(work, 'electron.json');
  const exit = run('electron', '/usr/bin/xvfb-run', ['-a', join(BIN, 'playwright'), 'test', '-c', 'playwright.electron.config.ts'], { LOKET_PW_JSON: json, LOKET_SQLITE_BINDING: binding });
  const before = suites.length;
  countPlaywright(readJson(json), exit);
  if (suites.length > before) suites[suites.length - 1].name = 'electron';
}

const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log('\n━━ summary');
for (const s of suites) {
  console.log(`  ${s.failed ? '✘' : s.note?.startsWith('not run') ? '–' : '✓'} ${s.name.padEnd(12)} ${String(s.passed).padStart(4)} passed, ${String(s.failed).padStart(3)} failed${s.note ? `  (${s.note})` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

import pino from 'pino';
import { join } from 'node:path';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';

/** Where the logs live, beside the ledger: `loket.log`, then `loket.1.log` (newest) … `loket.N.log`. */
export function logDirOf(dataDir: string): string {
  return join(dataDir, 'logs');
}

export const LOG_FILE = 'loket.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 5;

/**
 * Size-based rotation, done at start-up (before pino opens the file): a log over `maxBytes`
 * becomes `loket.1.log`, older ones shift up, and the oldest beyond `keep` is removed.
 * A counter restarts at least daily, so the files stay small without a rotating transport.
 */
export function rotateLogs(dir: string, opts: { maxBytes?: number; keep?: number } = {}): boolean {
  const maxBytes = opts.maxBytes ?? LOG_MAX_BYTES;
  const keep = Math.max(1, opts.keep ?? LOG_KEEP);
  const current = join(dir, LOG_FILE);
  if (!existsSync(current) || statSync(current).size <= maxBytes) return false;
  const nth = (n: number) => join(dir, `loket.${n}.log`);
  if (existsSync(nth(keep))) rmSync(nth(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) if (existsSync(nth(n))) renameSync(nth(n), nth(n + 1));
  renameSync(current, nth(1));
  return true;
}

// Structured logs in the data folder. PINs, tokens and sessions are redacted by path;
// NIKs are masked by the callers before logging (and again when logs are exported).
export function createLogger(dataDir: string | null, level = process.env.LOKET_LOG_LEVEL ?? (dataDir ? 'info' : 'warn')) {
  const redact = {
    paths: ['pin', '*.pin', 'token', '*.token', 'session', '*.session', 'authorization', 'pin_hash', '*.pin_hash', 'pinConfirm', '*.pinConfirm'],
    censor: '[disembunyikan]',
  };
  if (!dataDir) {
    // Tests set LOKET_TEST_LOG_FILE: their services log there, and a test's lines are printed
    // only when it fails (tests/support/test-logs.ts), so a passing run reads as a list of suites.
    const testFile = process.env.LOKET_TEST_LOG_FILE;
    if (testFile) return pino({ level, redact }, pino.destination({ dest: testFile, mkdir: true, sync: true, append: true }));
    return pino({ level, redact }, pino.destination({ dest: 2, sync: false }));
  }
  const dir = logDirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  try { rotateLogs(dir); } catch { /* a log that cannot rotate must not stop the counter */ }
  const dest = pino.destination({ dest: join(dir, LOG_FILE), mkdir: true, sync: false });
  // A log that cannot be written (disk full, folder gone) must never stop the counter.
  dest.on('error', () => undefined);
  return pino({ level, redact }, dest);
}
export type Logger = ReturnType<typeof createLogger>;

import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Service logs in tests: every service created with `logToStderr` writes to one file per test
// process (electron/services/log.ts reads LOKET_TEST_LOG_FILE), and only a failing test prints
// the lines written while it ran. A passing `npm test` reads as suites and the closing line.

/** Points this process's service logs (and its children's) at a file of its own. */
export function useTestLogFile(name = `loket-test-${process.pid}.log`): string {
  // `npm test` gives a folder it removes at the end; a lone run uses the OS temp folder.
  process.env.LOKET_TEST_LOG_FILE ??= join(process.env.LOKET_TEST_LOG_DIR ?? join(tmpdir(), 'loket-test-logs'), name);
  return process.env.LOKET_TEST_LOG_FILE;
}

/** Where the log file ends now: a test's own lines start there. */
export function logMark(file = process.env.LOKET_TEST_LOG_FILE): number {
  return file && existsSync(file) ? statSync(file).size : 0;
}

/** The lines written since `mark` (at most the last `max` bytes of them). */
export function logSince(mark: number, file = process.env.LOKET_TEST_LOG_FILE, max = 64 * 1024): string {
  if (!file || !existsSync(file)) return '';
  const end = statSync(file).size;
  const start = Math.max(mark, end - max);
  if (end <= start) return '';
  const buf = Buffer.alloc(end - start);
  const fd = openSync(file, 'r');
  try { readSync(fd, buf, 0, buf.length, start); } finally { closeSync(fd); }
  return (start > mark ? '…\n' : '') + buf.toString('utf8');
}

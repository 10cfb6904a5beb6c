import { afterEach, beforeEach } from 'vitest';
import { logMark, logSince, useTestLogFile } from './test-logs';

// Vitest: service logs to a file per worker; a failing test prints the lines it caused.
useTestLogFile();
let mark = 0;
beforeEach(() => { mark = logMark(); });
afterEach((ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const lines = logSince(mark);
  if (lines) process.stderr.write(`\n── service log of "${ctx.task.name}" ──\n${lines}\n`);
});

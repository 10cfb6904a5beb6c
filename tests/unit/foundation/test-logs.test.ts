import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createLogger } from '../../../electron/services/log';
import { logMark, logSince } from '../../support/test-logs';

// Tests' service logs go to a file, not to the terminal: a failing test prints its own lines.
describe('service logs in tests', () => {
  it('a logger without a data folder writes to the test log file, and a mark finds the new lines', () => {
    const file = process.env.LOKET_TEST_LOG_FILE;
    expect(file, 'the vitest setup file sets LOKET_TEST_LOG_FILE').toBeTruthy();
    createLogger(null).warn({ seq: 1 }, 'before-the-mark');
    const mark = logMark();
    createLogger(null).warn({ seq: 2 }, 'after-the-mark');
    const since = logSince(mark);
    expect(since).toContain('after-the-mark');
    expect(since).not.toContain('before-the-mark');
    expect(readFileSync(file!, 'utf8')).toContain('before-the-mark');
  });
});

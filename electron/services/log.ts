import pino from 'pino';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

// Structured logs in the data folder. PINs, tokens and sessions are redacted by path;
// NIKs are masked by the callers before logging.
export function createLogger(dataDir: string | null, level = process.env.LOKET_LOG_LEVEL ?? 'info') {
  const redact = { paths: ['pin', '*.pin', 'token', '*.token', 'session', '*.session', 'authorization'], censor: '[disembunyikan]' };
  if (!dataDir) return pino({ level, redact }, pino.destination({ dest: 2, sync: false }));
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  return pino({ level, redact }, pino.destination({ dest: join(dataDir, 'logs', 'loket.log'), mkdir: true, sync: false }));
}
export type Logger = ReturnType<typeof createLogger>;

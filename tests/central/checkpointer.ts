import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Moves the double's WAL checkpoints off the thread that answers requests, as a real server's
// database does: a worker thread with its own connection copies the WAL into the database file
// (and fsyncs it) every few milliseconds, while requests keep committing to the WAL. The
// request connection still checkpoints by itself if the WAL ever grows past FALLBACK_CHECKPOINT_PAGES.

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 100');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

export interface Checkpointer { stop(): Promise<void> }

export function startCheckpointer(path: string, everyMs = 25): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { driver, path, everyMs } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => undefined); // the request connection's own checkpoints still run
  worker.unref();
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      worker.ref(); // until it has closed its connection
      stopped ??= (worker.postMessage('stop'), exited);
      return stopped;
    },
  };
}

/** The request connection's own checkpoint threshold while a checkpointer runs (pages). */
export const FALLBACK_CHECKPOINT_PAGES = 4000;

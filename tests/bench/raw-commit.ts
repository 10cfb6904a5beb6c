import Database from 'better-sqlite3';
import { join } from 'node:path';
import { nowMs, percentile } from './stats';
import { walPageCounter } from '../support/wal-pages';

/**
 * The physical limit every write figure is compared with: one-row durable commits on this
 * disk (WAL, synchronous=FULL), one transaction each.
 */
export function rawDurableCommits(dir: string, n: number): { perSecond: number; p99: number; p50: number; samples: number[]; pagesPerCommit: number } {
  const file = join(dir, 'raw.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const one = db.transaction((v: string) => insert.run(v));
  const samples: number[] = [];
  const start = nowMs();
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    one(`row ${i}`);
    samples.push(nowMs() - t0);
  }
  const elapsed = nowMs() - start;
  // And what each of those commits writes to the WAL (counted apart: the count stops checkpoints).
  const pages = walPageCounter(db, file);
  for (let i = 0; i < 100; i++) one(`counted ${i}`);
  const pagesPerCommit = pages() / 100;
  db.close();
  return { perSecond: (n / elapsed) * 1000, p99: percentile(samples, 99), p50: percentile(samples, 50), samples, pagesPerCommit };
}

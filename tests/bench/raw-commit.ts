import Database from 'better-sqlite3';
import { join } from 'node:path';
import { nowMs, percentile } from './stats';

/**
 * The physical limit every write figure is compared with: one-row durable commits on this
 * disk (WAL, synchronous=FULL), one transaction each.
 */
export function rawDurableCommits(dir: string, n: number): { perSecond: number; p99: number; p50: number; samples: number[] } {
  const db = new Database(join(dir, 'raw.sqlite'));
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
  db.close();
  return { perSecond: (n / elapsed) * 1000, p99: percentile(samples, 99), p50: percentile(samples, 50), samples };
}

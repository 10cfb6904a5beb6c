import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';

/**
 * Counts the pages written to a ledger's WAL from now on: each B-tree a transaction touches is
 * at least one page more in the WAL at its commit, which the durable commit then flushes.
 * Turns automatic checkpoints off (nothing leaves the WAL while counting) and empties the WAL.
 */
export function walPageCounter(db: Database.Database, file: string): () => number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  const size = () => { try { return statSync(wal).size; } catch { return 0; } };
  // The WAL: a 32-byte header, then frames of a 24-byte header and one page each.
  const start = size();
  return () => Math.max(0, (size() - Math.max(start, 32)) / (24 + pageSize));
}

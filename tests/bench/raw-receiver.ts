import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

// The receiving end of the sync drain's raw reference: reads each POSTed batch, batch-inserts
// its rows into one SQLite table, answers "accepted" per entry. No checks, no hashing: the
// least a receiver can do. Runs in the bench's process, or as its own process like the
// central double (`tsx tests/bench/raw-receiver.ts <file.sqlite>` prints its address).

type Row = { id: string; counter_id: string; seq: number; hash: string };

export async function startRawReceiver(dbPath: string): Promise<{ url: string; close(): Promise<void> }> {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, counter_id TEXT, seq INTEGER, hash TEXT, row TEXT) STRICT');
  const ins = db.prepare('INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?)');
  const insertAll = db.transaction((rows: Row[]) => { for (const r of rows) ins.run(r.id, r.counter_id, r.seq, r.hash, JSON.stringify(r)); });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { entries } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { entries: Row[] };
      insertAll(entries);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ results: entries.map((e) => ({ id: e.id, status: 'accepted' })) }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => { db.close(); r(); }); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const receiver = await startRawReceiver(process.argv[2]);
  console.log(`raw receiver listening on ${receiver.url}`);
  process.on('SIGTERM', () => { void receiver.close().then(() => process.exit(0)); });
}

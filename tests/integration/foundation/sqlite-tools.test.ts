import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { nameKey } from '../../../electron/services/registration/name-key';
import { openLedgerDb } from '../../../electron/services/db/open';
import { appliedVersions, runMigrations } from '../../../electron/services/db/migrate';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { createParticipantSearch } from '../../../electron/services/registration/search';
import { tempDir } from '../../support/tmp';
import { demoHost } from '../../support/demo-ledger';

// A technician or auditor opens the ledger, or a backup of it, with the tools they have:
// Debian 12's sqlite3 CLI (3.40) and Python's sqlite3 module. The whole schema must parse
// there (DESIGN §11: SQLite 3.31 and later) and pass integrity_check. CI installs the CLI.

const CLI = '/usr/bin/sqlite3';
const hasCli = existsSync(CLI);
const hasPython = spawnSync('python3', ['-c', 'import sqlite3'], { stdio: 'ignore' }).status === 0;
if (!hasCli) console.log(`sqlite-tools: ${CLI} is missing (apt-get install sqlite3): the CLI tests do not run`);

let t: ReturnType<typeof tempDir>;
let file: string;

beforeAll(async () => {
  t = tempDir();
  (await demoHost(t.dir, { days: 2, seed: 7 })).close();
  file = join(t.dir, 'ledger.sqlite');
}, 120_000);
afterAll(() => t?.cleanup());

function cli(sql: string): string {
  return execFileSync(CLI, [file, sql], { encoding: 'utf8' }).trim();
}

describe.runIf(hasCli)("a demo ledger in Debian's sqlite3 CLI", () => {
  it('opens, parses every trigger and view, and passes integrity_check', () => {
    expect(cli('PRAGMA integrity_check;')).toBe('ok');
    const participants = Number(cli('SELECT count(*) FROM participants;'));
    expect(participants).toBeGreaterThan(0);
    expect(Number(cli('SELECT count(*) FROM ledger_entries;'))).toBeGreaterThan(participants);
    // Every object of the schema, listed by the old parser without complaint.
    expect(cli("SELECT count(*) FROM sqlite_master WHERE type = 'trigger';")).not.toBe('0');
  });

  it("a participant written by the CLI's own triggers gets the same search key and words as Loket's", () => {
    const name = "Djoko Soesilo-Aminnah Ma'ruf";
    cli(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
         VALUES ('CLI-1', '3518011705900999', '${name.replace(/'/g, "''")}', '1990-05-17', '["JKK","JKM"]', 'central', 'x', 'x');`);
    expect(cli("SELECT keys FROM participant_search WHERE participant_id = 'CLI-1';")).toBe(nameKey(name));
    const db = new Database(file, { readonly: true });
    const words = db.prepare('SELECT word FROM participant_search_words WHERE word IN (?, ?, ?, ?)').pluck().all('joko', 'susilo', 'aminah', 'ruf');
    expect(words.sort()).toEqual(['aminah', 'joko', 'ruf', 'susilo']);
    expect(db.prepare("SELECT count(*) FROM participant_search_scratch").pluck().get()).toBe(0);
    db.close();
  });
});

describe.runIf(hasPython)("a demo ledger in Python's sqlite3", () => {
  it('opens and passes integrity_check', () => {
    const out = execFileSync('python3', ['-c', [
      'import sqlite3, sys',
      'c = sqlite3.connect(sys.argv[1])',
      'print(c.execute("PRAGMA integrity_check").fetchone()[0])',
      'print(c.execute("SELECT count(*) FROM participants").fetchone()[0] > 0)',
    ].join('\n'), file], { encoding: 'utf8' }).trim().split('\n');
    expect(out).toEqual(['ok', 'True']);
  });
});

describe('migration 13', () => {
  it('keeps the participants indexed before it and indexes renames the same way', () => {
    const t2 = tempDir();
    try {
      const db = openLedgerDb(join(t2.dir, 'ledger.sqlite'));
      db.prepare(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
        VALUES ('P1', '3518011705900001', 'Siti Aminnah', '1990-05-17', '["JKK"]', 'central', 'x', 'x')`).run();
      db.prepare("UPDATE participants SET name = 'Ratna Soeharti' WHERE id = 'P1'").run();
      const match = (q: string) => db.prepare('SELECT participant_id FROM participant_search WHERE participant_search MATCH ?').pluck().all(q);
      expect(match('suharti')).toEqual(['P1']);
      expect(match('aminah')).toEqual([]);
      expect(db.prepare("SELECT keys FROM participant_search WHERE participant_id = 'P1'").pluck().get()).toBe(nameKey('Ratna Soeharti'));
      db.close();
    } finally { t2.cleanup(); }
  });

  it('steps a ledger of the old schema forward: its participants come through, indexed as before, and search finds them', () => {
    const t2 = tempDir();
    try {
      const file2 = join(t2.dir, 'ledger.sqlite');
      const old = new Database(file2);
      old.pragma('journal_mode = WAL');
      runMigrations(old, MIGRATIONS.filter((m) => m.version < 13));
      const insert = old.prepare(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
        VALUES (?, ?, ?, '1990-05-17', '["JKK"]', 'central', 'x', 'x')`);
      const names = ['Djoko Soesilo', "Siti Aminnah Ma'ruf", 'Tjahjo Koemolo-Sjarif'];
      names.forEach((name, i) => insert.run(`OLD-${i}`, `351801170590000${i}`, name));
      const before = old.prepare('SELECT participant_id, keys FROM participant_search ORDER BY participant_id').all();
      const wordsBefore = old.prepare('SELECT word FROM participant_search_words ORDER BY word').pluck().all();
      old.close();

      const db = openLedgerDb(file2); // runs 13 (and whatever follows)
      expect(appliedVersions(db)).toContain(13);
      expect(db.prepare('SELECT count(*) FROM participants').pluck().get()).toBe(3);
      expect(db.prepare('SELECT participant_id, keys FROM participant_search ORDER BY participant_id').all()).toEqual(before);
      // A name written after the step gets the key and words migration 5's triggers gave.
      db.prepare(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
        VALUES ('NEW-0', '3518011705900009', 'Djoko Soesilo', '1990-05-17', '["JKK"]', 'central', 'x', 'x')`).run();
      expect(db.prepare("SELECT keys FROM participant_search WHERE participant_id = 'NEW-0'").pluck().get())
        .toBe(db.prepare("SELECT keys FROM participant_search WHERE participant_id = 'OLD-0'").pluck().get());
      expect(db.prepare('SELECT word FROM participant_search_words ORDER BY word').pluck().all()).toEqual(wordsBefore);
      const search = createParticipantSearch(db);
      expect(search.search('joko susilo', 10).map((h) => h.row.id).sort()).toEqual(['NEW-0', 'OLD-0']);
      expect(search.search('aminah', 10).map((h) => h.row.id)).toEqual(['OLD-1']);
      expect(search.search('cahyo kumolo', 10).map((h) => h.row.id)).toEqual(['OLD-2']);
      db.close();
    } finally { t2.cleanup(); }
  });
});

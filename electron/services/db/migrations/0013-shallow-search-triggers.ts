import type { Migration } from '../migrate';
import { NAME_KEY_RULES, replaceChainSql, ruleSlices, WORD_BREAK_RULES } from '../../registration/name-key';

// Migration 5's triggers wrote the name key as one expression 31 replace() calls deep (43 for
// its words). SQLite's own build in better-sqlite3 parses that, but the sqlite3 CLI of Debian 12
// (3.40) and Python's sqlite3 stop opening the file with "malformed database schema
// (participants_search_insert) - parser stack overflow": a technician or auditor could not open
// the ledger, or a backup of it, with the tools they have. These triggers compute the same key
// (same rules, same order) a slice of rules at a time in a one-row scratch table, so that no
// expression nests deeper than 14. The index and word list are unchanged: the keys are equal.

const SCRATCH = 'participant_search_scratch';

/** Statements that leave `column`'s key in the scratch row, then index it for `idColumn`. */
function indexStatements(column: string, idColumn: string): string {
  const [first, ...rest] = ruleSlices(NAME_KEY_RULES);
  return [
    `INSERT OR REPLACE INTO ${SCRATCH} (slot, s) VALUES (1, ${replaceChainSql(`lower(${column})`, first)});`,
    ...rest.map((slice) => `UPDATE ${SCRATCH} SET s = ${replaceChainSql('s', slice)} WHERE slot = 1;`),
    `INSERT INTO participant_search (keys, participant_id) SELECT s, ${idColumn} FROM ${SCRATCH} WHERE slot = 1;`,
    // The words: word breaks become spaces, and the quoted key split at its spaces is a JSON array.
    `UPDATE ${SCRATCH} SET s = ${replaceChainSql('s', WORD_BREAK_RULES)} WHERE slot = 1;`,
    `INSERT OR IGNORE INTO participant_search_words (word)
       SELECT j.value FROM ${SCRATCH} k, json_each('[' || replace(json_quote(k.s), ' ', '","') || ']') j
       WHERE k.slot = 1 AND j.value <> '';`,
    `DELETE FROM ${SCRATCH} WHERE slot = 1;`,
  ].join('\n        ');
}

export const m0013: Migration = {
  version: 13,
  name: 'shallow-search-triggers',
  up(db) {
    db.exec(`
      CREATE TABLE ${SCRATCH} (slot INTEGER PRIMARY KEY, s TEXT NOT NULL) STRICT;
      DROP TRIGGER participants_search_insert;
      DROP TRIGGER participants_search_rename;
      CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
        ${indexStatements('new.name', 'new.id')}
      END;
      CREATE TRIGGER participants_search_rename AFTER UPDATE OF name ON participants BEGIN
        DELETE FROM participant_search WHERE participant_id = old.id;
        ${indexStatements('new.name', 'new.id')}
      END;
    `);
  },
};

import type { Migration } from '../migrate';
import { keyWordsJsonSql, nameKeySql } from '../../registration/name-key';

// Participant search by name (issue 5): an FTS5 index of each name's search key (name-key.ts:
// lower case, old spelling, doubled letters) in words, kept in step with `participants` by
// triggers. `detail = none`: the search asks only which names hold which words (no phrases),
// which keeps the index small and a million inserts quick. `participant_search_words` lists
// every word once (it only grows: a word no longer used costs nothing); the search looks there
// for the near spellings of a word no name holds.
// NIK and KPJ look-ups use the unique indexes of migration 4 (prefix = a range on the index).
export const m0005: Migration = {
  version: 5,
  name: 'participant-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE participant_search USING fts5(
        keys, participant_id UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0
      );
      CREATE TABLE participant_search_words (word TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO participant_search (keys, participant_id) SELECT ${nameKeySql('name')}, id FROM participants;
      INSERT OR IGNORE INTO participant_search_words (word)
        SELECT j.value FROM participants p, json_each(${keyWordsJsonSql('p.name')}) j WHERE j.value <> '';
      CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN
        INSERT INTO participant_search (keys, participant_id) VALUES (${nameKeySql('new.name')}, new.id);
        INSERT OR IGNORE INTO participant_search_words (word) SELECT value FROM json_each(${keyWordsJsonSql('new.name')}) WHERE value <> '';
      END;
      -- Names change rarely (never, so far): finding the old row by id scans the index, which is fine.
      CREATE TRIGGER participants_search_rename AFTER UPDATE OF name ON participants BEGIN
        DELETE FROM participant_search WHERE participant_id = old.id;
        INSERT INTO participant_search (keys, participant_id) VALUES (${nameKeySql('new.name')}, new.id);
        INSERT OR IGNORE INTO participant_search_words (word) SELECT value FROM json_each(${keyWordsJsonSql('new.name')}) WHERE value <> '';
      END;
      CREATE TRIGGER participants_search_delete AFTER DELETE ON participants BEGIN
        DELETE FROM participant_search WHERE participant_id = old.id;
      END;
    `);
  },
};

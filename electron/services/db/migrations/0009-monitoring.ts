import type { Migration } from '../migrate';

// The last targets and standings this counter received from the central server, so the
// monitoring screen still shows them, with their date, when the server cannot be reached.
// A cache, not a record: a row is replaced by each fresh answer. `body` is the server's JSON,
// validated again when read; `ours_at_central` is how many of this counter's registrations the
// server had counted when the standings were fetched (to tell the other counters' share).
export const m0009: Migration = {
  version: 9,
  name: 'monitoring',
  up(db) {
    db.exec(`
      CREATE TABLE monitoring_cache (
        key TEXT PRIMARY KEY,
        branch_code TEXT NOT NULL,
        body TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        ours_at_central INTEGER
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate';

// Only a VOID names the entry it reverses, so almost every `ref_entry_id` is NULL; migration 2
// indexed those NULLs too, and each payment paid for it with one more page written at commit.
// The index now holds only the entries that refer to another. Every query that looks a void up
// asks `ref_entry_id = …`, which implies NOT NULL, so the planner still uses it.
export const m0011: Migration = {
  version: 11,
  name: 'partial-ref-index',
  up(db) {
    db.exec(`
      DROP INDEX ledger_entries_ref;
      CREATE INDEX ledger_entries_ref ON ledger_entries (ref_entry_id) WHERE ref_entry_id IS NOT NULL;
    `);
  },
};

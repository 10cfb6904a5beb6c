import type { Migration } from '../migrate';

// Receipts waiting for (or done with) the printer. A money write commits first; its receipt
// is queued here, so a printer that is down never loses or blocks a transaction.
// `doc_json` is the layout (ReceiptDoc) as built at the time, so a reprint shows what was
// printed then; `copy` = 1 renders it with the SALINAN mark.
export const m0003: Migration = {
  version: 3,
  name: 'print-queue',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        doc_json TEXT NOT NULL,
        copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        printed_at TEXT
      ) STRICT;
      CREATE INDEX print_jobs_status ON print_jobs(status, created_at);
      CREATE INDEX print_jobs_ref ON print_jobs(ref_id, created_at);
    `);
  },
};

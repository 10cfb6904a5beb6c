import type { Migration } from '../migrate';

// Claims (Klaim) filed at the counter. A claim row and its attachment rows are written in the
// same transaction as their CLAIM_SUBMITTED ledger entry. Attachment bytes are BLOBs here rather
// than files in the data folder: they commit or roll back with the claim (no temp files to
// rename, no orphans after a crash), and the verified backups of the ledger file carry them.
// Once central has answered with a claim number the bytes are dropped (`data` NULL, `purged_at`
// set): sha256 and size stay as the record, and the ledger file does not keep ID scans forever.
export const m0010: Migration = {
  version: 10,
  name: 'claims',
  up(db) {
    db.exec(`
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries(id),
        participant_id TEXT NOT NULL REFERENCES participants(id),
        claim_type TEXT NOT NULL CHECK (claim_type IN ('JHT', 'JKK', 'JKM')),
        documents TEXT NOT NULL,
        details TEXT NOT NULL,
        receipt_no TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        user_id TEXT NOT NULL,
        claim_number TEXT UNIQUE,
        status TEXT CHECK (status IN ('diterima', 'diverifikasi', 'dibayar', 'ditolak')),
        status_reason TEXT,
        status_at TEXT,
        uploaded_at TEXT,
        upload_attempts INTEGER NOT NULL DEFAULT 0,
        last_upload_error TEXT
      ) STRICT;
      CREATE INDEX claims_waiting ON claims (created_at) WHERE claim_number IS NULL;
      CREATE INDEX claims_participant ON claims (participant_id, created_at);

      CREATE TABLE claim_attachments (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims(id),
        seq INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'application/pdf')),
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL,
        data BLOB,
        purged_at TEXT,
        UNIQUE (claim_id, seq)
      ) STRICT;
    `);
  },
};

import type { Db } from '../db/open';
import type { ClaimStatus } from '../../../shared/protocol/claims';
import type { ClaimType } from '../../../shared/domain/claims';

// The claims and claim_attachments tables (migration 10). Writes run inside the caller's
// transaction (the claim with its ledger entry) or in small transactions of their own (the
// claim number and status central answers).

export interface ClaimRow {
  id: string; entry_id: string; participant_id: string; claim_type: ClaimType; documents: string; details: string;
  receipt_no: string; created_at: string; user_id: string; claim_number: string | null; status: ClaimStatus | null;
  status_reason: string | null; status_at: string | null; uploaded_at: string | null; upload_attempts: number;
  last_upload_error: string | null;
}

export interface AttachmentRow {
  id: string; claim_id: string; seq: number; file_name: string; mime_type: string; size: number; sha256: string;
  data: Buffer | null; purged_at: string | null;
}

export type AttachmentMeta = Omit<AttachmentRow, 'data'>;

export function createClaimRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO claims (id, entry_id, participant_id, claim_type, documents, details, receipt_no, created_at, user_id)
      VALUES (@id, @entry_id, @participant_id, @claim_type, @documents, @details, @receipt_no, @created_at, @user_id)`),
    insertFile: db.prepare(`INSERT INTO claim_attachments (id, claim_id, seq, file_name, mime_type, size, sha256, data)
      VALUES (@id, @claim_id, @seq, @file_name, @mime_type, @size, @sha256, @data)`),
    byId: db.prepare('SELECT * FROM claims WHERE id = ?'),
    files: db.prepare(`SELECT id, claim_id, seq, file_name, mime_type, size, sha256, purged_at FROM claim_attachments
      WHERE claim_id = ? ORDER BY seq`),
    fileBytes: db.prepare('SELECT data FROM claim_attachments WHERE claim_id = ? ORDER BY seq').pluck(),
    list: db.prepare('SELECT * FROM claims ORDER BY created_at DESC, id DESC LIMIT ?'),
    listOf: db.prepare('SELECT * FROM claims WHERE participant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?'),
    // Only claims whose ledger entry central has acknowledged: the claim follows its entry.
    waiting: db.prepare(`SELECT c.* FROM claims c JOIN sync_acks a ON a.entry_id = c.entry_id
      WHERE c.claim_number IS NULL ORDER BY c.created_at, c.id LIMIT ?`),
    uploaded: db.prepare(`UPDATE claims SET claim_number = ?, status = COALESCE(status, ?), status_at = COALESCE(status_at, ?),
      uploaded_at = ?, last_upload_error = NULL WHERE id = ? AND claim_number IS NULL`),
    purge: db.prepare('UPDATE claim_attachments SET data = NULL, purged_at = ? WHERE claim_id = ? AND data IS NOT NULL'),
    failed: db.prepare('UPDATE claims SET upload_attempts = upload_attempts + 1, last_upload_error = ? WHERE id = ?'),
    status: db.prepare('UPDATE claims SET status = ?, status_reason = ?, status_at = ? WHERE id = ?'),
  };
  return {
    insert(row: Omit<ClaimRow, 'claim_number' | 'status' | 'status_reason' | 'status_at' | 'uploaded_at' | 'upload_attempts' | 'last_upload_error'>): void {
      s.insert.run(row);
    },
    insertFile(row: Omit<AttachmentRow, 'purged_at'>): void { s.insertFile.run(row); },
    byId: (id: string) => (s.byId.get(id) as ClaimRow | undefined) ?? null,
    files: (claimId: string) => s.files.all(claimId) as AttachmentMeta[],
    /** The bytes of each attachment in order; null for one already dropped after upload. */
    fileBytes: (claimId: string) => s.fileBytes.all(claimId) as (Buffer | null)[],
    list: (limit: number, participantId?: string) =>
      (participantId ? s.listOf.all(participantId, limit) : s.list.all(limit)) as ClaimRow[],
    waiting: (limit: number) => s.waiting.all(limit) as ClaimRow[],
    /** Central took the claim: keep its number and first status, and drop the file bytes (sha256 and size stay). */
    markUploaded(id: string, claimNumber: string, status: ClaimStatus, at: string): boolean {
      return db.transaction(() => {
        const changed = s.uploaded.run(claimNumber, status, at, at, id).changes === 1;
        if (changed) s.purge.run(at, id);
        return changed;
      })();
    },
    markFailed(id: string, error: string): void { s.failed.run(error.slice(0, 500), id); },
    setStatus(id: string, status: ClaimStatus, reason: string | null, at: string): void { s.status.run(status, reason, at, id); },
  };
}
export type ClaimRepo = ReturnType<typeof createClaimRepo>;

import { createHash } from 'node:crypto';
import type { ClaimAccepted, ClaimStatus, ClaimStatusResponse, ClaimUpload } from '../../../shared/protocol/claims';
import type { Device } from '../context';
import type { DB } from '../db';
import { HttpError } from '../http';

// Claims at the central double: a claim with its files arrives once per claim id and gets a
// claim number; re-sending the same claim answers the same number (different files under the
// same id is a CONFLICT). An administrator moves it diterima → diverifikasi → dibayar, or to
// ditolak with a reason; every move is kept as history.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS claims (
  claim_id TEXT PRIMARY KEY, claim_number TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, counter_id TEXT NOT NULL,
  branch_code TEXT NOT NULL, participant_id TEXT NOT NULL, entry_id TEXT NOT NULL, claim_type TEXT NOT NULL,
  claim TEXT NOT NULL, files_digest TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, received_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_files (
  claim_id TEXT NOT NULL REFERENCES claims(claim_id), attachment_id TEXT NOT NULL, file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT NOT NULL, data BLOB NOT NULL, PRIMARY KEY (claim_id, attachment_id)
);
CREATE TABLE IF NOT EXISTS claim_history (
  claim_id TEXT NOT NULL REFERENCES claims(claim_id), status TEXT NOT NULL, reason TEXT, at TEXT NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('claim_next', 1);
`;

/** Which status may follow which. */
const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  diterima: ['diverifikasi', 'ditolak'],
  diverifikasi: ['dibayar', 'ditolak'],
  dibayar: [],
  ditolak: [],
};

export interface ReceivedFile { attachmentId: string; bytes: Buffer }

interface ClaimRow {
  claim_id: string; claim_number: string; device_id: string; counter_id: string; claim_type: string; files_digest: string;
  status: ClaimStatus; reason: string | null; updated_at: string;
}

export function createClaimStore(db: DB, now: () => Date) {
  db.exec(SCHEMA);
  const s = {
    get: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE claim_id = ?'),
    nextNo: db.prepare<[], number>(`UPDATE meta SET value = value + 1 WHERE key = 'claim_next' RETURNING value - 1`).pluck(),
    insert: db.prepare(`INSERT INTO claims (claim_id, claim_number, device_id, counter_id, branch_code, participant_id, entry_id,
      claim_type, claim, files_digest, status, reason, received_at, updated_at) VALUES (@claim_id, @claim_number, @device_id,
      @counter_id, @branch_code, @participant_id, @entry_id, @claim_type, @claim, @files_digest, 'diterima', NULL, @at, @at)`),
    file: db.prepare(`INSERT INTO claim_files (claim_id, attachment_id, file_name, mime_type, size, sha256, data)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    history: db.prepare('INSERT INTO claim_history (claim_id, status, reason, at) VALUES (?, ?, ?, ?)'),
    historyOf: db.prepare<[string], { status: ClaimStatus; reason: string | null; at: string }>(
      'SELECT status, reason, at FROM claim_history WHERE claim_id = ? ORDER BY rowid'),
    move: db.prepare('UPDATE claims SET status = ?, reason = ?, updated_at = ? WHERE claim_id = ?'),
    count: db.prepare<[], number>('SELECT COUNT(*) FROM claims').pluck(),
    fileCount: db.prepare<[string], number>('SELECT COUNT(*) FROM claim_files WHERE claim_id = ?').pluck(),
  };

  const digestOf = (claim: ClaimUpload) => claim.attachments.map((a) => `${a.id}:${a.sha256}`).sort().join(',');

  const receive = db.transaction((device: Device, claim: ClaimUpload, files: ReceivedFile[]): ClaimAccepted => {
    const known = s.get.get(claim.claimId);
    if (known) {
      if (known.counter_id !== device.counterId) throw new HttpError('FORBIDDEN');
      if (known.files_digest !== digestOf(claim)) throw new HttpError('CONFLICT', { claimId: claim.claimId });
      return { claimId: known.claim_id, claimNumber: known.claim_number, status: known.status };
    }
    const at = now().toISOString();
    const claimNumber = `KLM${at.slice(2, 10).replaceAll('-', '')}${String(s.nextNo.get()).padStart(6, '0')}`;
    s.insert.run({
      claim_id: claim.claimId, claim_number: claimNumber, device_id: device.deviceId, counter_id: device.counterId,
      branch_code: device.branchCode, participant_id: claim.participantId, entry_id: claim.entryId, claim_type: claim.type,
      claim: JSON.stringify(claim), files_digest: digestOf(claim), at,
    });
    const byId = new Map(files.map((f) => [f.attachmentId, f.bytes]));
    for (const a of claim.attachments) s.file.run(claim.claimId, a.id, a.fileName, a.mimeType, a.size, a.sha256, byId.get(a.id)!);
    s.history.run(claim.claimId, 'diterima', null, at);
    return { claimId: claim.claimId, claimNumber, status: 'diterima' };
  });

  return {
    /** Checks every file against its declared size and SHA-256 before anything is stored. */
    receive(device: Device, claim: ClaimUpload, files: ReceivedFile[]): ClaimAccepted {
      if (claim.counterId !== device.counterId) throw new HttpError('FORBIDDEN');
      const fields: { path: string; key: string }[] = [];
      const ids = new Set(files.map((f) => f.attachmentId));
      if (ids.size !== files.length || files.length !== claim.attachments.length) fields.push({ path: 'attachments', key: 'err.claims.fileCount' });
      claim.attachments.forEach((a, i) => {
        const f = files.find((x) => x.attachmentId === a.id);
        if (!f) fields.push({ path: `attachments.${i}`, key: 'err.claims.fileMissing' });
        else if (f.bytes.length !== a.size || createHash('sha256').update(f.bytes).digest('hex') !== a.sha256) {
          fields.push({ path: `attachments.${i}`, key: 'err.claims.fileHash' });
        }
      });
      if (fields.length) throw new HttpError('INVALID_INPUT', { fields });
      return receive(device, claim, files);
    },
    status(device: Device, claimId: string): ClaimStatusResponse {
      const row = s.get.get(claimId);
      if (!row) throw new HttpError('NOT_FOUND', { claimId });
      if (row.counter_id !== device.counterId) throw new HttpError('FORBIDDEN');
      return {
        claimId: row.claim_id, claimNumber: row.claim_number, type: row.claim_type as ClaimStatusResponse['type'],
        status: row.status, reason: row.reason, updatedAt: row.updated_at, history: s.historyOf.all(claimId),
      };
    },
    /** Admin: the next status (refused when it does not follow the current one; ditolak needs a reason). */
    setStatus(input: { claimId: string; status: ClaimStatus; reason?: string }): { claimId: string; status: ClaimStatus } {
      const row = s.get.get(input.claimId);
      if (!row) throw new HttpError('NOT_FOUND', { claimId: input.claimId });
      if (!NEXT[row.status].includes(input.status)) throw new HttpError('CONFLICT', { from: row.status, to: input.status });
      const reason = input.status === 'ditolak' ? (input.reason?.trim() || null) : null;
      if (input.status === 'ditolak' && !reason) throw new HttpError('INVALID_INPUT', { fields: [{ path: 'reason', key: 'err.required' }] });
      const at = now().toISOString();
      db.transaction(() => {
        s.move.run(input.status, reason, at, input.claimId);
        s.history.run(input.claimId, input.status, reason, at);
      })();
      return { claimId: input.claimId, status: input.status };
    },
    count: (): number => s.count.get() ?? 0,
    fileCount: (claimId: string): number => s.fileCount.get(claimId) ?? 0,
  };
}
export type ClaimStore = ReturnType<typeof createClaimStore>;

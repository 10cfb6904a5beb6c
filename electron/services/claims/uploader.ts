import type { ClaimDetails, ClaimUpload } from '../../../shared/protocol/claims';
import { CentralError, CentralUnreachable, type CentralClientConfig } from '../central/client';
import type { Db } from '../db/open';
import type { ClaimRepo, ClaimRow } from './repo';
import { uploadClaim, type UploadFile } from './upload';

// Sends claims whose CLAIM_SUBMITTED entry central has acknowledged, with their files, until
// central answers a claim number; the number is stored and the bytes dropped. Exactly once:
// one upload runs at a time in this process, and central is idempotent on the claim id, so a
// retry after a lost answer gets the same number. Offline, claims simply wait.

export interface UploadSummary { uploaded: number; failed: number; waiting: number; offline: boolean }

export function createClaimUploader(deps: {
  db: Db; repo: ClaimRepo; counterId: () => string; central: () => CentralClientConfig; enabled: () => boolean;
  clock: () => Date; log: (event: string, detail: Record<string, unknown>) => void;
}) {
  const { db, repo } = deps;
  let running: Promise<UploadSummary> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  function uploadOf(row: ClaimRow): { claim: ClaimUpload; files: UploadFile[] } | null {
    const metas = repo.files(row.id);
    const bytes = repo.fileBytes(row.id);
    if (bytes.some((b) => b === null)) return null;
    return {
      claim: {
        claimId: row.id, entryId: row.entry_id, counterId: deps.counterId(), participantId: row.participant_id, type: row.claim_type,
        documents: JSON.parse(row.documents) as string[], details: JSON.parse(row.details) as ClaimDetails,
        attachments: metas.map((m) => ({ id: m.id, fileName: m.file_name, mimeType: m.mime_type as ClaimUpload['attachments'][number]['mimeType'], size: m.size, sha256: m.sha256 })),
        submittedAt: row.created_at,
      },
      files: metas.map((m, i) => ({ id: m.id, fileName: m.file_name, mimeType: m.mime_type, bytes: bytes[i]! })),
    };
  }

  async function drain(only?: string): Promise<UploadSummary> {
    const out: UploadSummary = { uploaded: 0, failed: 0, waiting: 0, offline: false };
    if (!deps.enabled()) return { ...out, waiting: repo.waiting(1000).length, offline: true };
    for (const row of repo.waiting(1000)) {
      if (only && row.id !== only) continue;
      const up = uploadOf(row);
      if (!up) { repo.markFailed(row.id, 'attachment bytes missing'); out.failed++; continue; }
      try {
        const answer = await uploadClaim(deps.central(), up.claim, up.files);
        repo.markUploaded(row.id, answer.claimNumber, answer.status, deps.clock().toISOString());
        out.uploaded++;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (!db.open) break;
        repo.markFailed(row.id, e instanceof CentralError ? `${e.code}: ${message}` : message);
        deps.log('claims.uploadFailed', { claimId: row.id, error: message });
        out.failed++;
        if (e instanceof CentralUnreachable || (e instanceof CentralError && e.status >= 500)) { out.offline = true; break; }
      }
    }
    if (db.open) out.waiting = repo.waiting(1000).length;
    return out;
  }

  function schedule(ms: number): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (db.open) void run().catch(() => undefined);
    }, ms);
    timer.unref?.();
  }

  async function run(only?: string): Promise<UploadSummary> {
    while (running) await running.catch(() => undefined);
    running = drain(only).finally(() => { running = null; });
    const r = await running;
    failures = r.offline && r.waiting > 0 ? failures + 1 : 0;
    // Offline with claims waiting: try again later, backing off up to five minutes.
    if (failures > 0) schedule(Math.min(300_000, 2000 * 2 ** Math.min(failures - 1, 8)));
    return r;
  }

  return {
    /** Uploads every acknowledged claim still without a claim number (or only `claimId`). */
    uploadPending: (claimId?: string) => run(claimId),
    /** An entry was acknowledged: upload soon (outside the acknowledging transaction). */
    soon(): void { schedule(0); },
    stop(): void { if (timer) clearTimeout(timer); timer = null; },
  };
}
export type ClaimUploader = ReturnType<typeof createClaimUploader>;

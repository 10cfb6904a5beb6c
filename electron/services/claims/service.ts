import { newUlid as ulid } from '../ids';
import type { ClaimPrintResult, ClaimView } from '../../../shared/contract/claims';
import { HEIR_RELATIONS } from '../../../shared/contract/claims';
import {
  ageOn, ATTACHMENT_MIME_TYPES, claimReference, claimTypesFor, claimTypeInfo, JHT_FULL_AGE, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS,
} from '../../../shared/domain/claims';
import { maskNik } from '../../../shared/domain/nik';
import { AppError } from '../../../shared/errors';
import type { ClaimDetails, ClaimStatusResponse, ClaimSubmittedPayload } from '../../../shared/protocol/claims';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import type { Audit, AuditActor } from '../audit';
import { CentralError, CentralUnreachable, centralConfigOf } from '../central/client';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import { programsOf, type ParticipantRepo } from '../participants/repo';
import { createReceiptNumbers } from '../payment/receipt-no';
import type { PrintingService } from '../printing/service';
import { loadRegions } from '../regions';
import type { SettingsService } from '../settings';
import type { AckedEntry, SyncWorker } from '../sync/sync-worker';
import { claimReceiptDoc, claimStatusDoc } from './receipt';
import { createClaimRepo, type ClaimRow } from './repo';
import { fetchClaimStatus } from './upload';
import { createClaimUploader } from './uploader';
import { validateClaim } from './validate';

// Claims intake (Klaim). A claim is one ledger.record transaction: the CLAIM_SUBMITTED entry
// (amount 0; payload with ids, hashes and sizes only), its outbox and audit rows, the claim row
// and its attachment rows with the bytes. The uploader sends it with its files once central has
// acknowledged the entry; the teller prints the tanda terima and later asks for the status.

export interface ClaimTeller extends AuditActor { userId: string; username: string; displayName: string }

export interface ClaimsDeps {
  db: Db; settings: SettingsService; ledger: Ledger; participants: ParticipantRepo; audit: Audit; printing: PrintingService;
  sync: SyncWorker; clock: () => Date; log: (event: string, detail: Record<string, unknown>) => void;
  /** Registers a hook run inside the transaction acknowledging an entry. */
  onAck: (hook: (entry: AckedEntry) => void) => void;
}

export function createClaimsService(deps: ClaimsDeps) {
  const { db, settings, ledger, participants, audit } = deps;
  const repo = createClaimRepo(db);
  const numbers = createReceiptNumbers(db);
  const central = () => centralConfigOf(settings.get().central);
  const enrolled = () => Boolean(settings.get().central.url && settings.get().central.token);
  const uploader = createClaimUploader({
    db, repo, counterId: () => settings.get().counter.id, central, enabled: enrolled, clock: deps.clock, log: deps.log,
  });
  deps.onAck((entry) => { if (entry.kind === 'CLAIM_SUBMITTED') uploader.soon(); });

  function view(row: ClaimRow): ClaimView {
    const p = participants.byId(row.participant_id);
    return {
      id: row.id, receiptNo: row.receipt_no, entryId: row.entry_id, participantId: row.participant_id,
      participantName: p?.name ?? '-', nik: p?.nik ?? '', kpj: p?.kpj ?? null, type: row.claim_type,
      documents: JSON.parse(row.documents) as string[], details: JSON.parse(row.details) as Record<string, unknown>,
      attachments: repo.files(row.id).map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, size: f.size, sha256: f.sha256 })),
      createdAt: row.created_at, claimNumber: row.claim_number, status: row.status, statusReason: row.status_reason,
      statusAt: row.status_at, uploadedAt: row.uploaded_at,
    };
  }

  function mustGet(id: string): ClaimRow {
    const row = repo.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'err.claims.notFound');
    return row;
  }

  function header(row: ClaimRow, teller: string) {
    const st = settings.get();
    return { branchName: `${st.branch.name} ${st.branch.code}`.trim(), counter: String(st.counter.number), teller, zone: st.branch.timeZone };
  }

  function receiptDoc(row: ClaimRow, teller: string, copy: boolean): ReceiptDoc {
    const v = view(row);
    return claimReceiptDoc({
      ...header(row, teller), at: row.created_at, receiptNo: row.receipt_no, claimNumber: row.claim_number, type: row.claim_type,
      participantName: v.participantName, nik: v.nik, kpj: v.kpj, documents: v.documents,
      attachments: v.attachments.map((a) => ({ fileName: a.fileName, size: a.size })), details: v.details as unknown as ClaimDetails, copy,
    }, settings.get().language);
  }

  async function print(kind: string, refId: string, doc: ReceiptDoc, copy: boolean): Promise<ClaimPrintResult> {
    try {
      const outcome = copy ? await deps.printing.reprint(refId, { kind, doc }) : await deps.printing.print(kind, refId, doc);
      return outcome.ok ? { ok: true, jobId: outcome.job.id, errorKey: null } : { ok: false, jobId: outcome.job?.id ?? null, errorKey: outcome.error.key };
    } catch (e) {
      // The claim is saved whatever happens here.
      return { ok: false, jobId: null, errorKey: e instanceof AppError ? e.key : 'printing.err.io' };
    }
  }

  return {
    uploader,
    repo,

    types(participantId: string) {
      const p = participants.byId(participantId);
      if (!p) throw new AppError('NOT_FOUND', 'err.claims.participantNotFound');
      const programs = programsOf(p);
      const age = ageOn(p.birth_date, ledger.today());
      return {
        participant: { id: p.id, name: p.name, nik: p.nik, kpj: p.kpj, birthDate: p.birth_date, age, programs },
        types: claimTypesFor(programs).map((a) => {
          const info = claimTypeInfo(a.type);
          return {
            ...a, label: info.label, notes: info.notes, documents: info.documents,
            noteKeys: a.type === 'JHT' && a.allowed && age < JHT_FULL_AGE ? ['claims.note.jhtBefore56'] : [],
          };
        }),
        banks: claimReference.banks,
        relations: [...HEIR_RELATIONS],
        limits: { maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES, mimeTypes: [...ATTACHMENT_MIME_TYPES] },
        source: claimReference.source,
        confidence: claimReference.confidence,
      };
    },

    async create(input: unknown, teller: ClaimTeller): Promise<{ claim: ClaimView; print: ClaimPrintResult }> {
      const v = validateClaim(input, { participant: (id) => participants.byId(id), today: ledger.today(), regions: await loadRegions() });
      const st = settings.get();
      const id = ulid();
      const files = v.files.map((f, i) => ({ ...f, id: ulid(), seq: i + 1 }));
      const payload: ClaimSubmittedPayload = {
        claim: {
          id, type: v.type, participantId: v.participant.id, documents: v.documents,
          attachments: files.map((f) => ({ id: f.id, sha256: f.sha256, size: f.size, mimeType: f.mimeType })),
        },
      };
      const businessDate = ledger.today();
      const row = db.transaction(() => {
        const receiptNo = numbers.next({ branchCode: st.branch.code, counterNumber: st.counter.number, counterId: st.counter.id, businessDate });
        return ledger.record(
          { kind: 'CLAIM_SUBMITTED', userId: teller.userId, participantId: v.participant.id, amount: 0, receiptNo, payload, businessDate },
          { actor: teller, action: 'claims.create', target: id, detail: { type: v.type, nik: maskNik(v.participant.nik), receiptNo, files: files.length } },
          (entry) => {
            repo.insert({
              id, entry_id: entry.id, participant_id: v.participant.id, claim_type: v.type, documents: JSON.stringify(v.documents),
              details: JSON.stringify(v.details), receipt_no: receiptNo, created_at: entry.created_at, user_id: teller.userId,
            });
            for (const f of files) {
              repo.insertFile({ id: f.id, claim_id: id, seq: f.seq, file_name: f.fileName, mime_type: f.mimeType, size: f.size, sha256: f.sha256, data: f.bytes });
            }
            return repo.byId(id)!;
          },
        ).extra;
      }).immediate();
      const printed = await print('claim', row.id, receiptDoc(row, teller.displayName, false), false);
      return { claim: view(row), print: printed };
    },

    /** The tanda terima again: with the claim number once central gave it; a copy after the first print. */
    async print(claimId: string, teller: ClaimTeller): Promise<ClaimPrintResult> {
      const row = mustGet(claimId);
      const copy = deps.printing.queue.jobsFor(row.id).some((j) => j.kind === 'claim');
      db.transaction(() => audit.record(teller, copy ? 'claims.reprint' : 'claims.print', row.id))();
      // A copy prints today's layout (the claim number may have arrived since the original).
      return print('claim', row.id, receiptDoc(row, teller.displayName, copy), false);
    },

    /** Uploads the claim first if it still waits, then asks central for its status and keeps it. */
    async status(claimId: string, teller: ClaimTeller, opts: { print?: boolean } = {}) {
      let row = mustGet(claimId);
      let state: 'online' | 'offline' | 'notEnrolled' = enrolled() ? 'online' : 'notEnrolled';
      let history: ClaimStatusResponse['history'] = [];
      if (state === 'online' && !row.claim_number) {
        await deps.sync.sendNow().catch(() => undefined);
        await uploader.uploadPending(row.id);
        row = mustGet(claimId);
        if (!row.claim_number) state = 'offline';
      }
      if (state === 'online' && row.claim_number) {
        try {
          const answer = await fetchClaimStatus(central(), row.id);
          history = answer.history;
          db.transaction(() => {
            repo.setStatus(row.id, answer.status, answer.reason, answer.updatedAt);
            audit.record(teller, 'claims.status', row.id, { status: answer.status, claimNumber: row.claim_number });
          })();
          row = mustGet(claimId);
        } catch (e) {
          if (!(e instanceof CentralUnreachable) && !(e instanceof CentralError && e.status >= 500)) throw new AppError('UNAVAILABLE', 'err.claims.centralRefused');
          state = 'offline';
        }
      }
      if (state !== 'online') db.transaction(() => audit.record(teller, 'claims.status', row.id, { central: state }))();
      let printed: ClaimPrintResult | null = null;
      if (opts.print) {
        const v = view(row);
        const doc = claimStatusDoc({
          ...header(row, teller.displayName), at: deps.clock(), receiptNo: row.receipt_no, claimNumber: row.claim_number,
          type: row.claim_type, participantName: v.participantName, nik: v.nik, kpj: v.kpj, status: row.status,
          reason: row.status_reason, history,
        }, settings.get().language);
        printed = await print('claim-status', row.id, doc, false);
      }
      return { claim: view(row), history, central: state, print: printed };
    },

    list(opts: { participantId?: string; limit?: number }) {
      return { claims: repo.list(opts.limit ?? 50, opts.participantId).map(view) };
    },

    stop(): void { uploader.stop(); },
  };
}
export type ClaimsService = ReturnType<typeof createClaimsService>;

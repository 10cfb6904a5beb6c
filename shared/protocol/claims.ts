import { z } from 'zod';
import { ATTACHMENT_MIME_TYPES, CLAIM_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/claims';

// Claims in the central protocol /v1: `POST /v1/claims` (multipart/form-data: one JSON part
// `claim` and one file part per attachment, named by the attachment's id) and
// `GET /v1/claims/{claimId}`. Idempotent on the claim id: the same claim again answers the
// same claim number. The CLAIM_SUBMITTED ledger entry carries only ids, hashes and sizes.

const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.iso.datetime({ offset: true });

/** Whole multipart body: every file at its limit plus the JSON part and the part headers. */
export const MAX_CLAIM_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024;
export const CLAIM_JSON_PART = 'claim';

/** diterima → diverifikasi → dibayar; ditolak (with a reason) from diterima or diverifikasi. */
export const CLAIM_STATUSES = ['diterima', 'diverifikasi', 'dibayar', 'ditolak'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const claimStatusSchema = z.enum(CLAIM_STATUSES);

export const claimTypeSchema = z.enum(CLAIM_TYPES);

export const claimAttachmentMetaSchema = z.object({
  id: ulid,
  fileName: z.string().min(1).max(200),
  mimeType: z.enum(ATTACHMENT_MIME_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: hex64,
});
export type ClaimAttachmentMeta = z.infer<typeof claimAttachmentMetaSchema>;

/** The claim's own data, as the teller entered it (bank account, accident, death and heir). */
export const claimDetailsSchema = z.object({
  bank: z.object({ code: z.string().min(2).max(16), accountNumber: z.string().regex(/^\d{6,20}$/), holder: z.string().min(2).max(100) }),
  accident: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), place: z.string().min(2).max(200) }).optional(),
  death: z.object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    heir: z.object({ name: z.string().min(2).max(100), nik: z.string().regex(/^\d{16}$/), relation: z.string().min(2).max(32), phone: z.string().min(8).max(20) }),
  }).optional(),
});
export type ClaimDetails = z.infer<typeof claimDetailsSchema>;

/** The JSON part `claim` of POST /v1/claims. Each attachment comes as a file part named by its id. */
export const claimUploadSchema = z.object({
  claimId: ulid,
  /** The CLAIM_SUBMITTED ledger entry that recorded it. */
  entryId: ulid,
  counterId: z.string().min(1).max(64),
  participantId: z.string().min(1).max(64),
  type: claimTypeSchema,
  documents: z.array(z.string().min(1).max(40)).max(40),
  details: claimDetailsSchema,
  attachments: z.array(claimAttachmentMetaSchema).max(MAX_ATTACHMENTS),
  submittedAt: instant,
});
export type ClaimUpload = z.infer<typeof claimUploadSchema>;

export const claimAcceptedSchema = z.object({
  claimId: ulid,
  claimNumber: z.string().min(1).max(32),
  status: claimStatusSchema,
});
export type ClaimAccepted = z.infer<typeof claimAcceptedSchema>;

export const claimParamsSchema = z.object({ claimId: ulid });

export const claimStatusResponseSchema = z.object({
  claimId: ulid,
  claimNumber: z.string(),
  type: claimTypeSchema,
  status: claimStatusSchema,
  /** Why it was refused (ditolak); null otherwise. */
  reason: z.string().nullable(),
  updatedAt: instant,
  history: z.array(z.object({ status: claimStatusSchema, reason: z.string().nullable(), at: instant })),
});
export type ClaimStatusResponse = z.infer<typeof claimStatusResponseSchema>;

/** Payload of a CLAIM_SUBMITTED ledger entry (amount 0): ids, hashes and sizes, never file bytes. */
export const claimSubmittedPayloadSchema = z.looseObject({
  claim: z.object({
    id: ulid,
    type: claimTypeSchema,
    participantId: z.string().min(1).max(64),
    documents: z.array(z.string()),
    attachments: z.array(z.object({ id: ulid, sha256: hex64, size: z.number().int().positive(), mimeType: z.enum(ATTACHMENT_MIME_TYPES) })),
  }),
});
export type ClaimSubmittedPayload = z.infer<typeof claimSubmittedPayloadSchema>;

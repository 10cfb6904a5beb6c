import { z } from 'zod';
import { ledgerEntryRowSchema, PROGRAMS } from '../ledger/entry';
import { personalRecordSchema } from './personal-data';

// The central protocol /v1 (DESIGN.md §3, §10): every request and response body, as zod
// schemas. The counter app (client) and the central side (tests/central, or the operator's own
// implementation, via the OpenAPI document built from these) both validate against them.
// All bodies are JSON; all instants are ISO 8601 UTC; all money is integer rupiah.

export const CENTRAL_API_VERSION = 'v1';
/** Most entries one `transactions:batch` may carry. */
export const MAX_BATCH_ENTRIES = 1000;
/**
 * Bodies may be compressed both ways (village links are slow): a request with
 * `Content-Encoding: gzip` or `br`, an answer as the request's `Accept-Encoding` allows. A plain
 * body is always accepted. Any other encoding → 415 UNSUPPORTED_ENCODING.
 */
export const BODY_ENCODINGS = ['gzip', 'br'] as const;
/** Bodies shorter than this go plain: compressing them saves less than its headers cost. */
export const COMPRESS_FROM_BYTES = 1024;

/** Largest request body the server reads (bytes), compressed and decompressed; beyond it → 413 PAYLOAD_TOO_LARGE. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const DAY_SUMMARY_DEFAULT_LIMIT = 500;
export const DAY_SUMMARY_MAX_LIMIT = 1000;

// ---- building blocks ----------------------------------------------------------------

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const instant = z.iso.datetime({ offset: true });
const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const branchCode = z.string().min(1).max(32);
const counterId = z.string().min(1).max(64);
/** NIK: 16 digits (DOMAIN.md §4). */
export const nikSchema = z.string().regex(/^\d{16}$/);
/** KPJ membership number: 11 digits (DOMAIN.md §4). */
export const kpjSchema = z.string().regex(/^\d{11}$/);
/** A positive integer carried in a query string. */
const queryInt = (min: number, max: number) =>
  z.string().regex(/^\d{1,9}$/).transform(Number).pipe(z.number().int().min(min).max(max));

export const timeZoneSchema = z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
export const programSchema = z.enum(PROGRAMS);

// ---- errors -----------------------------------------------------------------------------

/** Every error code the central side answers with, and its HTTP status. */
export const CENTRAL_ERROR_STATUS = {
  BAD_JSON: 400,
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_ENCODING: 415,
  ENROL_CODE_UNKNOWN: 404,
  ENROL_CODE_USED: 409,
  ENROL_CODE_EXPIRED: 410,
  ENROL_BRANCH_MISMATCH: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type CentralErrorCode = keyof typeof CENTRAL_ERROR_STATUS;
export const CENTRAL_ERROR_CODES = Object.keys(CENTRAL_ERROR_STATUS) as [CentralErrorCode, ...CentralErrorCode[]];

/** One field problem of an INVALID_INPUT error: path like `entries.3.hash`, an i18n key (`err.format`). */
export const fieldIssueSchema = z.object({
  path: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(CENTRAL_ERROR_CODES),
    /** Indonesian text for logs and for clients without i18n; the client shows `central.error.<code>`. */
    message: z.string(),
    /** INVALID_INPUT: `{ fields: FieldIssue[] }`; METHOD_NOT_ALLOWED: `{ allow: string[] }`. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type CentralErrorBody = z.infer<typeof errorBodySchema>;

// ---- health ------------------------------------------------------------------------------

export const healthResponseSchema = z.object({ ok: z.literal(true), serverTime: instant });
export type HealthResponse = z.infer<typeof healthResponseSchema>;

// ---- enrolment ---------------------------------------------------------------------------

export const enrolRequestSchema = z.object({
  /** The one-time code an administrator issued for this branch (case and spaces ignored). */
  code: z.string().trim().min(4).max(32),
  branchCode,
  counterNumber: z.number().int().min(1).max(99),
  clientTime: instant,
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const branchSchema = z.object({
  code: branchCode,
  name: z.string().min(1).max(200),
  provinceCode: z.string().regex(/^\d{2}$/),
  /** Kemendagri regency/city code, `32.73` or `3273`. */
  regencyCode: z.string().regex(/^\d{2}\.?\d{2}$/),
  timeZone: timeZoneSchema,
});
export type Branch = z.infer<typeof branchSchema>;

export const enrolResponseSchema = z.object({
  deviceId: z.string(),
  /** Bearer token for every other endpoint; shown once, the server keeps only its hash. */
  token: z.string().min(32),
  branch: branchSchema,
  /** The `counter_id` this device writes in its ledger entries (stable per branch + counter number). */
  counterId,
  serverTime: instant,
  /** Head office's age public key (`age1…`): when given, every backup is encrypted to it too. */
  backupRecipient: z.string().regex(/^age1[0-9a-z]{58}$/).optional(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// ---- transactions:batch ------------------------------------------------------------------

/** A batch with every entry whole, `prev_hash` and `hash` included (the first protocol; still served). */
export const fullBatchRequestSchema = z.object({
  entries: z.array(ledgerEntryRowSchema).min(1).max(MAX_BATCH_ENTRIES),
  personal: z.array(personalRecordSchema).max(MAX_BATCH_ENTRIES).optional(),
});

/**
 * A batch whose chain central derives (issue 17: on a village link every byte counts, and two
 * random 64-hex hashes were a third of an entry's compressed size). The entries are in chain
 * order with no gap, without `hash` and `prev_hash`; `prevHash` is the first entry's prev_hash.
 * Central computes each hash by DESIGN §9 and checks the last against `lastHash`, the counter's
 * hash of the batch's last entry: as the chain runs through every row, it answers for all of
 * them. A batch whose chain does not end there is refused whole (HASH_MISMATCH, nothing stored).
 * The answer carries no hashes either: the counter already holds them.
 */
export const derivedBatchRequestSchema = z.object({
  chain: z.literal('derived'),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(ledgerEntryRowSchema.omit({ hash: true, prev_hash: true }).strict()).min(1).max(MAX_BATCH_ENTRIES),
  /**
   * The personal data of the batch's REGISTRATION and PARTICIPANT_CORRECTION entries of format
   * v2 (issue 16), beside them rather than inside: the chain holds only a commitment to it.
   * Central checks each record against its entry's commitment and stores both in one transaction.
   * An entry may leave its commitment empty (`"commitment":""` in its payload): central computes
   * it from the record, and the batch's lastHash answers for it, as for the hashes.
   */
  personal: z.array(personalRecordSchema).max(MAX_BATCH_ENTRIES).optional(),
});

export const batchRequestSchema = z.union([derivedBatchRequestSchema, fullBatchRequestSchema]);
export type BatchRequest = z.infer<typeof batchRequestSchema>;

/** Why one entry of a batch was rejected. A rejected entry is not stored; re-sending it gives the same answer. */
export const REJECT_REASONS = [
  'FOREIGN_COUNTER', // counter_id is not the counter this device is enrolled as
  'FOREIGN_BRANCH', // branch_code is not the device's branch
  'HASH_MISMATCH', // hash is not SHA-256 of the canonical row (DESIGN.md §9)
  'ID_CONFLICT', // the server holds this id with a different hash
  'BAD_PAYLOAD', // payload/ref_entry_id does not fit the kind (REGISTRATION, CONTRIBUTION, VOID)
  'NIK_REGISTERED', // REGISTRATION of a NIK that is already an active participant (kpj of that one is returned)
  'PARTICIPANT_CONFLICT', // REGISTRATION reusing a participant id the server holds for another registration
  'PERSONAL_DATA_MISMATCH', // a v2 entry's personal data is missing from the batch or does not match its commitment
  'UNKNOWN_PARTICIPANT', // a correction or erasure of a participant the server does not hold
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const batchResultSchema = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** Only when rejected. */
  reason: z.enum(REJECT_REASONS).optional(),
  /** Indonesian explanation, only when rejected. */
  message: z.string().optional(),
  /** REGISTRATION: the participant's KPJ number (on accepted and on duplicate; on NIK_REGISTERED the existing one). */
  kpj: kpjSchema.optional(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

export const batchResponseSchema = z.object({ results: z.array(batchResultSchema) });
export type BatchResponse = z.infer<typeof batchResponseSchema>;

// ---- entry payloads (JSON text inside LedgerEntryRow.payload) ----------------------------

/** REGISTRATION payload. Unknown extra fields are accepted and kept. */
export const registrationPayloadSchema = z.looseObject({
  participant: z.looseObject({
    id: z.string().min(1).max(64),
    nik: nikSchema,
    name: z.string().trim().min(1).max(200),
    birthDate: isoDate,
    sex: z.string().max(16).nullish(),
    phone: z.string().max(32).nullish(),
    occupationCode: z.string().max(64).nullish(),
    transport: z.boolean().nullish(),
    incomeBand: z.union([z.number().int(), z.string().max(32)]).nullish(),
    programs: z.array(programSchema).min(1).max(3),
    regionCode: z.string().max(32).nullish(),
    address: z.string().max(1000).nullish(),
    motherName: z.string().max(200).nullish(),
    birthPlace: z.string().max(200).nullish(),
  }),
});
export type RegistrationPayload = z.infer<typeof registrationPayloadSchema>;

/** CONTRIBUTION payload: the months paid for. Unknown extra fields are accepted. */
export const contributionPayloadSchema = z.looseObject({
  months: z.array(yearMonth).min(1).max(120),
});
export type ContributionPayload = z.infer<typeof contributionPayloadSchema>;

// ---- participants --------------------------------------------------------------------------

/** Exactly one of `nik` or `kpj`. */
export const participantQuerySchema = z.union([
  z.object({ nik: nikSchema }).strict(),
  z.object({ kpj: kpjSchema }).strict(),
]);
export type ParticipantQuery = z.infer<typeof participantQuerySchema>;

export const participantResponseSchema = z.object({
  participantId: z.string(),
  nik: nikSchema,
  kpj: kpjSchema,
  name: z.string(),
  birthDate: isoDate,
  branchCode,
  branchName: z.string(),
  registeredAt: z.string(),
  programs: z.array(programSchema),
  incomeBand: z.union([z.number().int(), z.string()]).nullable().optional(),
  occupationCode: z.string().nullable().optional(),
  /** Months paid (CONTRIBUTION entries not voided), ascending, no repeats: `['2026-11', '2026-12']`. */
  paidMonths: z.array(yearMonth),
});
export type ParticipantResponse = z.infer<typeof participantResponseSchema>;

// ---- day summary ---------------------------------------------------------------------------

export const daySummaryQuerySchema = z.object({
  counterId,
  businessDate: isoDate,
  /** Opaque; pass back the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(200).optional(),
  limit: queryInt(1, DAY_SUMMARY_MAX_LIMIT).optional(),
});
export type DaySummaryQuery = z.input<typeof daySummaryQuerySchema>;

export const daySummaryEntrySchema = z.object({
  id: ulid,
  seq: z.number().int(),
  kind: z.string(),
  amount: z.number().int(),
  hash: hex64,
});
export type DaySummaryEntry = z.infer<typeof daySummaryEntrySchema>;

export const daySummaryResponseSchema = z.object({
  entries: z.array(daySummaryEntrySchema),
  nextCursor: z.string().nullable(),
});
export type DaySummaryResponse = z.infer<typeof daySummaryResponseSchema>;

// ---- closings ------------------------------------------------------------------------------

export const closingRequestSchema = z.object({
  counterId,
  businessDate: isoDate,
  closingEntryId: ulid,
  closingHash: hex64,
  /** The closing report as the client built it (totals, cash count, reconciliation); kept as is. */
  report: z.record(z.string(), z.unknown()),
});
export type ClosingRequest = z.infer<typeof closingRequestSchema>;

/** Same (counterId, businessDate, closingEntryId, closingHash) again → the same answer. */
export const closingResponseSchema = z.object({ closingId: z.string(), receivedAt: instant });
export type ClosingResponse = z.infer<typeof closingResponseSchema>;

// ---- targets and standings -------------------------------------------------------------------

export const periodSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Inclusive business dates. */
  from: isoDate,
  to: isoDate,
  /** New participants a branch should register in the period (DOMAIN.md §8: 500). */
  target: z.number().int().min(0),
});
export type Period = z.infer<typeof periodSchema>;

export const targetsQuerySchema = z.object({ branchCode: branchCode.optional() });
export const targetsResponseSchema = z.object({ periods: z.array(periodSchema) });
export type TargetsResponse = z.infer<typeof targetsResponseSchema>;

/** Without periodId: the period that contains today's date (Asia/Jakarta). */
export const standingsQuerySchema = z.object({ periodId: z.string().min(1).max(64).optional() });

export const standingSchema = z.object({
  branchCode,
  branchName: z.string(),
  regionCode: z.string(),
  provinceCode: z.string(),
  newParticipants: z.number().int().min(0),
  target: z.number().int().min(0),
  /** Competition ranking (1, 2, 2, 4) by newParticipants, over all branches / within the province. */
  rankNational: z.number().int().min(1),
  rankInProvince: z.number().int().min(1),
});
export type Standing = z.infer<typeof standingSchema>;

export const standingsResponseSchema = z.object({
  period: periodSchema,
  asOf: instant,
  branches: z.array(standingSchema),
});
export type StandingsResponse = z.infer<typeof standingsResponseSchema>;

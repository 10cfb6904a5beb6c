import type { z } from 'zod';
import {
  batchRequestSchema, batchResponseSchema, closingRequestSchema, closingResponseSchema,
  daySummaryResponseSchema, enrolRequestSchema, enrolResponseSchema, healthResponseSchema, participantQuerySchema,
  participantResponseSchema, standingsQuerySchema, standingsResponseSchema, targetsQuerySchema, targetsResponseSchema,
  type CentralErrorCode,
} from './central';
import {
  claimAcceptedSchema, claimParamsSchema, claimStatusResponseSchema, claimUploadSchema, CLAIM_JSON_PART, MAX_CLAIM_BODY_BYTES,
} from './claims';
import { dayDigestQuerySchema, dayDigestResponseSchema, daySummaryRangeQuerySchema } from './day-digest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/claims';

// One table of the /v1 endpoints: the server double routes by it, the OpenAPI document is
// built from it, and a client can type its calls against it.

export interface CentralEndpoint {
  method: 'GET' | 'POST';
  path: string;
  /** 'device': `Authorization: Bearer <token>` of an enrolled device. */
  auth: 'none' | 'device';
  summary: string;
  query?: z.ZodType;
  /** Path parameters, written `{name}` in `path`. */
  params?: z.ZodType;
  /** The body's JSON (or, with `multipart`, the schema of its JSON part). */
  body?: z.ZodType;
  /** multipart/form-data: one JSON part plus file parts, with its own size limits. */
  multipart?: { jsonPart: string; maxBodyBytes: number; maxFileBytes: number; maxFiles: number };
  response: z.ZodType;
  /** Error codes this endpoint may answer besides the ones every endpoint may (see COMMON_ERRORS). */
  errors: readonly CentralErrorCode[];
}

/** Any endpoint may answer these. */
export const COMMON_ERRORS: readonly CentralErrorCode[] = ['INVALID_INPUT', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'INTERNAL', 'UNAVAILABLE', 'UNSUPPORTED_ENCODING'];

export const CENTRAL_ENDPOINTS = {
  health: {
    method: 'GET', path: '/v1/health', auth: 'none',
    summary: 'Reachability and the server clock (for clock-skew checks).',
    response: healthResponseSchema, errors: [],
  },
  enrol: {
    method: 'POST', path: '/v1/devices:enrol', auth: 'none',
    summary: 'Enrols a counter PC with a one-time code; answers the device token.',
    body: enrolRequestSchema, response: enrolResponseSchema,
    errors: ['BAD_JSON', 'PAYLOAD_TOO_LARGE', 'ENROL_CODE_UNKNOWN', 'ENROL_CODE_USED', 'ENROL_CODE_EXPIRED', 'ENROL_BRANCH_MISMATCH'],
  },
  batch: {
    method: 'POST', path: '/v1/transactions:batch', auth: 'device',
    summary: 'Pushes ledger entries; each is accepted, duplicate or rejected. Idempotent: re-sending is always safe.',
    body: batchRequestSchema, response: batchResponseSchema,
    errors: ['BAD_JSON', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED'],
  },
  participant: {
    method: 'GET', path: '/v1/participants', auth: 'device',
    summary: 'Looks a participant up by NIK or by KPJ number (exactly one of them).',
    query: participantQuerySchema, response: participantResponseSchema,
    errors: ['UNAUTHENTICATED'],
  },
  daySummary: {
    method: 'GET', path: '/v1/day-summary', auth: 'device',
    summary: "The server's entries of one counter and business date, ordered by seq, cursor-paginated; "
      + 'fromSeq/toSeq (inclusive) keep only a seq range (the ranges a day digest found different).',
    query: daySummaryRangeQuerySchema, response: daySummaryResponseSchema,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
  dayDigest: {
    method: 'GET', path: '/v1/day-digest', auth: 'device',
    summary: "The digest of one counter's business day (or of a seq range of it): count, sum of amounts, and SHA-256 over "
      + 'one line per entry, "seq id kind amount hash" and a newline, in (seq, id) order; with the span cut into up to 16 seq ranges, '
      + "each with its digest, so a counter finds the entries that differ by bisection. With knownDigest equal to central's, "
      + 'the ranges are left out.',
    query: dayDigestQuerySchema, response: dayDigestResponseSchema,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
  closing: {
    method: 'POST', path: '/v1/closings', auth: 'device',
    summary: 'Delivers a closing report; idempotent on (counterId, businessDate, closingEntryId).',
    body: closingRequestSchema, response: closingResponseSchema,
    errors: ['BAD_JSON', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'],
  },
  targets: {
    method: 'GET', path: '/v1/targets', auth: 'device',
    summary: "Evaluation periods with the branch's target of new participants (default: the device's branch).",
    query: targetsQuerySchema, response: targetsResponseSchema,
    errors: ['UNAUTHENTICATED'],
  },
  standings: {
    method: 'GET', path: '/v1/standings', auth: 'device',
    summary: 'New participants per branch in a period, against the target, ranked nationally and in the province.',
    query: standingsQuerySchema, response: standingsResponseSchema,
    errors: ['UNAUTHENTICATED'],
  },
  claimSubmit: {
    method: 'POST', path: '/v1/claims', auth: 'device',
    summary: 'Submits a claim with its attachments (multipart: JSON part `claim`, one file part per attachment named by its id). '
      + 'Idempotent on claimId: the same claim again answers the same claim number.',
    body: claimUploadSchema, response: claimAcceptedSchema,
    multipart: { jsonPart: CLAIM_JSON_PART, maxBodyBytes: MAX_CLAIM_BODY_BYTES, maxFileBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS },
    errors: ['BAD_JSON', 'PAYLOAD_TOO_LARGE', 'UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'],
  },
  claimStatus: {
    method: 'GET', path: '/v1/claims/{claimId}', auth: 'device',
    summary: "A claim's status (diterima, diverifikasi, dibayar, ditolak with a reason) and its history.",
    params: claimParamsSchema, response: claimStatusResponseSchema,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN'],
  },
} as const satisfies Record<string, CentralEndpoint>;

export type CentralEndpointName = keyof typeof CENTRAL_ENDPOINTS;

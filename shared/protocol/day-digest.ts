import { z } from 'zod';
import { DAY_DIGEST_MAX_PARTS } from '../domain/day-digest';
import { daySummaryQuerySchema } from './central';

// GET /v1/day-digest (issue 17): the digest of one counter's business day at central, so the
// closing's reconciliation compares digests before any entry list crosses a village link. The
// digest is defined in shared/domain/day-digest.ts (both sides compute it with that function):
// SHA-256 of `${seq} ${id} ${kind} ${amount} ${hash}\n` per entry in (seq, id) order.
// Kept apart from central.ts; endpoints.ts declares the endpoint.

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const counterId = z.string().min(1).max(64);
/** A seq carried in a query string (a ledger's seq starts at 1). */
const querySeq = z.string().regex(/^\d{1,15}$/).transform(Number).pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));
const queryParts = z.string().regex(/^\d{1,2}$/).transform(Number).pipe(z.number().int().min(1).max(DAY_DIGEST_MAX_PARTS));

export const dayDigestQuerySchema = z.object({
  counterId,
  businessDate: isoDate,
  /** Inclusive seq bounds of the span; without them, the span of central's entries of the day. */
  fromSeq: querySeq.optional(),
  toSeq: querySeq.optional(),
  /** How many ranges to cut the span into (1–16, default 16). */
  parts: queryParts.optional(),
  /** The counter's own digest of the span: when central's is the same, `ranges` is left empty. */
  knownDigest: hex64.optional(),
}).refine((q) => q.fromSeq === undefined || q.toSeq === undefined || q.fromSeq <= q.toSeq, { path: ['toSeq'], error: 'err.range' });
export type DayDigestQuery = z.input<typeof dayDigestQuerySchema>;

export const spanDigestSchema = z.object({
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  count: z.number().int().min(0),
  /** Sum of the entries' amounts, integer rupiah. */
  amount: z.number().int(),
  digest: hex64,
});
export type SpanDigestWire = z.infer<typeof spanDigestSchema>;

export const dayDigestResponseSchema = z.object({
  /** The span answered for: as asked, or central's lowest and highest seq of the day (null: no entries). */
  fromSeq: z.number().int().nullable(),
  toSeq: z.number().int().nullable(),
  count: z.number().int().min(0),
  amount: z.number().int(),
  digest: hex64,
  /** The span cut into contiguous ranges by seq, each with its digest (empty when no entries or `knownDigest` matched). */
  ranges: z.array(spanDigestSchema).max(DAY_DIGEST_MAX_PARTS),
});
export type DayDigestResponse = z.infer<typeof dayDigestResponseSchema>;

/** The day summary's query with an optional seq range, so the counter fetches only the ranges that differ. */
export const daySummaryRangeQuerySchema = daySummaryQuerySchema.extend({
  /** Inclusive seq bounds; entries outside are left out. */
  fromSeq: querySeq.optional(),
  toSeq: querySeq.optional(),
});

import { createHash } from 'node:crypto';

// The digest of a counter's business day (issue 17, reconciliation over a village link): the
// central double answers it and the counter computes the same over its own ledger, so a day
// that matches is known to match from a few hundred bytes, and one that does not is narrowed
// down range by range (bisection) before any entry list crosses the link. Pure; used by both.
//
// digest = SHA-256 (lowercase hex) of one line per entry, in (seq, id) order:
//   `${seq} ${id} ${kind} ${amount} ${hash}\n`
// The line carries what the entry-by-entry comparison looks at (kind, amount, hash), so two
// sets with the same digest compare as all matched. count and amount (integer rupiah) ride
// along for the report and as a cheap first check.

export interface DigestEntry { id: string; seq: number; kind: string; amount: number; hash: string }

export interface SpanDigest {
  /** Inclusive seq bounds of the span. */
  fromSeq: number;
  toSeq: number;
  count: number;
  amount: number;
  digest: string;
}

/** Most ranges one answer splits a span into. */
export const DAY_DIGEST_MAX_PARTS = 16;

const bySeqId = (a: DigestEntry, b: DigestEntry) => a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** count, amount and digest of a set of entries (any order). */
export function digestOf(entries: readonly DigestEntry[]): { count: number; amount: number; digest: string } {
  const sorted = [...entries].sort(bySeqId);
  const h = createHash('sha256');
  let amount = 0;
  for (const e of sorted) {
    h.update(`${e.seq} ${e.id} ${e.kind} ${e.amount} ${e.hash}\n`);
    amount += e.amount;
  }
  return { count: sorted.length, amount, digest: h.digest('hex') };
}

/**
 * [fromSeq, toSeq] cut into at most `parts` contiguous ranges of equal seq width (the last one
 * shorter). Bounds depend only on the span, never on the entries, so both sides agree on them.
 */
export function splitSeqSpan(fromSeq: number, toSeq: number, parts: number): [number, number][] {
  if (toSeq < fromSeq) return [];
  const width = Math.ceil((toSeq - fromSeq + 1) / Math.max(1, Math.min(parts, toSeq - fromSeq + 1)));
  const out: [number, number][] = [];
  for (let from = fromSeq; from <= toSeq; from += width) out.push([from, Math.min(toSeq, from + width - 1)]);
  return out;
}

/** Entries whose seq lies in [fromSeq, toSeq]. */
export function inSpan<E extends { seq: number }>(entries: readonly E[], fromSeq: number, toSeq: number): E[] {
  return entries.filter((e) => e.seq >= fromSeq && e.seq <= toSeq);
}

export interface DayDigest {
  /** The span answered for: as asked, or the entries' own lowest and highest seq; null when neither. */
  fromSeq: number | null;
  toSeq: number | null;
  count: number;
  amount: number;
  digest: string;
  /** The span cut into ranges with their digests (empty when the span is empty or the caller's digest matched). */
  ranges: SpanDigest[];
}

/**
 * The digest of the entries in a span and of its ranges. Without bounds the span is the entries'
 * own [lowest seq, highest seq]. `knownDigest`: the caller's digest of the same span; when equal,
 * the ranges are left out (a day that matches costs one short answer).
 */
export function dayDigest(
  all: readonly DigestEntry[], opts: { fromSeq?: number; toSeq?: number; parts?: number; knownDigest?: string } = {},
): DayDigest {
  let lo = opts.fromSeq;
  let hi = opts.toSeq;
  if (lo === undefined || hi === undefined) {
    let min = Infinity, max = -Infinity;
    for (const e of all) { if (e.seq < min) min = e.seq; if (e.seq > max) max = e.seq; }
    lo ??= Number.isFinite(min) ? min : undefined;
    hi ??= Number.isFinite(max) ? max : undefined;
  }
  if (lo === undefined || hi === undefined) return { fromSeq: null, toSeq: null, ...digestOf([]), ranges: [] };
  const entries = inSpan(all, lo, hi);
  const whole = digestOf(entries);
  const parts = Math.max(1, Math.min(DAY_DIGEST_MAX_PARTS, opts.parts ?? DAY_DIGEST_MAX_PARTS));
  const ranges = whole.count === 0 || whole.digest === opts.knownDigest ? [] : splitSeqSpan(lo, hi, parts).map(([f, t]) => ({
    fromSeq: f, toSeq: t, ...digestOf(inSpan(entries, f, t)),
  }));
  return { fromSeq: lo, toSeq: hi, ...whole, ranges };
}

import type { Db } from '../db/open';
import { CentralError, type CentralClient } from '../central/client';
import type { SyncWorker } from '../sync/sync-worker';
import { DAY_SUMMARY_MAX_LIMIT, type DaySummaryEntry } from '../../../shared/protocol/central';
import type { DayDigestResponse } from '../../../shared/protocol/day-digest';
import { DAY_DIGEST_MAX_PARTS, digestOf, inSpan, type SpanDigest } from '../../../shared/domain/day-digest';
import type { Reconciliation } from '../../../shared/contract/closing';
import { compareDay, type LocalEntry } from './compare';

// Reconciliation with the central server (DESIGN.md §4 step 2): push what waits, learn
// central's view of the day, compare entry by entry. Entries only here go back into the outbox,
// are pushed again and the day is compared once more. Offline is not an error: the result is
// 'unreconciled' and the closing may go on.
//
// Over a village link (issue 17) central's view is learnt by digest (shared/domain/day-digest.ts)
// rather than entry by entry: one short answer when the day matches; otherwise central's range
// digests are compared with the same digests computed here, and only ranges that differ are
// cut further (bisection) or, once small, fetched as entry lists. A range whose digest matches
// is central's too with the very entries held here, so the comparison below is the same as
// over the whole day summary: every difference listed, every matched entry a matched row.
//
// What one attempt learnt (central's entries of a range, a range's sub-digests) is kept in a
// cache the closing draft holds; when the link dies in the middle, the next attempt asks for
// the day's digest again and takes from the cache every range whose digest central still
// answers, so it goes on where the last one stopped. Nothing from the cache is used unchecked.

export interface ReconcileDeps {
  db: Db;
  central: Pick<CentralClient, 'call'>;
  sync: Pick<SyncWorker, 'sendNow'>;
  clock: () => Date;
  enrolled: () => boolean;
}

/** What earlier attempts learnt of central's day, by range `from:to`; checked against central's digests before use. */
export interface ReconCache {
  digests: Map<string, DayDigestResponse>;
  entries: Map<string, DaySummaryEntry[]>;
}
export const newReconCache = (): ReconCache => ({ digests: new Map(), entries: new Map() });

/** How the last reconciliation went (audit, tests, bench). */
export interface ReconStats {
  /** Answers from central for the comparison (digests and entry pages; the push is not counted). */
  requests: number;
  /** Central entries that crossed the link. */
  fetched: number;
  /** Ranges taken from an earlier attempt's cache. */
  reused: number;
  /** 'digest', or 'full' when the digests did not add up (or central has none) and the whole day summary was fetched. */
  mode: 'digest' | 'full';
}

/** A range at or under this many central entries is fetched rather than cut further. */
export const RECON_LEAF_ENTRIES = 200;

/** Central changed under us, or answered digests that do not add up: fall back to the whole list. */
class DigestMismatch extends Error {}

const rangeKey = (r: { fromSeq: number; toSeq: number }) => `${r.fromSeq}:${r.toSeq}`;
const summaryOf = (e: DaySummaryEntry): DaySummaryEntry => ({ id: e.id, seq: e.seq, kind: e.kind, amount: e.amount, hash: e.hash });

/** Every page of central's day summary for one counter and date (or a seq range of it). */
export async function fetchDaySummary(
  central: Pick<CentralClient, 'call'>, counterId: string, businessDate: string,
  range?: { fromSeq: number; toSeq: number }, onPage?: (entries: DaySummaryEntry[], done: boolean) => void,
): Promise<DaySummaryEntry[]> {
  const out: DaySummaryEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const query: Record<string, string> = { counterId, businessDate, limit: String(DAY_SUMMARY_MAX_LIMIT) };
    if (range) { query.fromSeq = String(range.fromSeq); query.toSeq = String(range.toSeq); }
    if (cursor) query.cursor = cursor;
    const res = await central.call('daySummary', { query });
    out.push(...res.entries);
    cursor = res.nextCursor;
    onPage?.(res.entries, !cursor);
    if (!cursor) return out;
  }
  throw new Error('day summary did not end');
}

/** Ranges that follow each other without a gap from `from` to `to`, adding up to `count`. */
function wellFormed(d: DayDigestResponse): boolean {
  if (d.ranges.length === 0) return true;
  let next = d.fromSeq;
  let count = 0;
  for (const r of d.ranges) {
    if (r.fromSeq !== next || r.toSeq < r.fromSeq) return false;
    next = r.toSeq + 1;
    count += r.count;
  }
  return d.toSeq !== null && next === d.toSeq + 1 && count === d.count;
}

/**
 * Central's entries of the day, learnt by digest. `local` is the day here (sorted by seq);
 * ranges that match are filled from it. Throws DigestMismatch when central's answers do not add
 * up to the digest it gave for the day.
 */
async function centralByDigest(
  central: Pick<CentralClient, 'call'>, counterId: string, date: string, local: readonly LocalEntry[], cache: ReconCache, stats: ReconStats,
): Promise<DaySummaryEntry[]> {
  const mine = digestOf(local);
  const ask = async (q: Record<string, string>) => {
    const d = await central.call('dayDigest', { query: { counterId, businessDate: date, parts: String(DAY_DIGEST_MAX_PARTS), ...q } });
    stats.requests++;
    if (!wellFormed(d)) throw new DigestMismatch('ranges do not add up');
    return d;
  };
  const day = await ask({ knownDigest: mine.digest });
  if (day.digest === mine.digest && day.count === mine.count && day.amount === mine.amount) return local.map(summaryOf);
  if (day.count === 0) return [];

  const view: DaySummaryEntry[] = [];
  const localIn = (r: SpanDigest) => inSpan(local, r.fromSeq, r.toSeq);
  const sameAs = (entries: readonly DaySummaryEntry[], r: SpanDigest) => {
    const d = digestOf(entries);
    return d.digest === r.digest && d.count === r.count && d.amount === r.amount;
  };

  async function resolve(ranges: readonly SpanDigest[]): Promise<void> {
    const differing: SpanDigest[] = [];
    for (const r of ranges) {
      const here = localIn(r);
      if (sameAs(here, r)) view.push(...here.map(summaryOf));
      else differing.push(r);
    }
    // Bisection pays while differences are few; when most ranges differ, fetching them is cheaper.
    const sparse = differing.length * 2 <= ranges.length;
    const toFetch: SpanDigest[] = [];
    for (const r of differing) {
      if (r.count === 0) continue; // central holds nothing there: what is here is only here
      const cached = cache.entries.get(rangeKey(r));
      if (cached && sameAs(cached, r)) { view.push(...cached); stats.reused++; continue; }
      if (sparse && r.count > RECON_LEAF_ENTRIES && r.toSeq > r.fromSeq && localIn(r).length > 0) {
        let sub = cache.digests.get(rangeKey(r));
        if (sub && sub.digest === r.digest && sub.count === r.count) stats.reused++;
        else {
          sub = await ask({ fromSeq: String(r.fromSeq), toSeq: String(r.toSeq) });
          if (sub.digest !== r.digest || sub.count !== r.count) throw new DigestMismatch('range changed');
          cache.digests.set(rangeKey(r), sub);
        }
        await resolve(sub.ranges);
      } else toFetch.push(r);
    }
    // Neighbouring ranges to fetch go as one seq range, page by page; each range is checked
    // against its digest and kept in the cache as soon as its last entry has arrived.
    for (let i = 0; i < toFetch.length;) {
      let j = i;
      while (j + 1 < toFetch.length && toFetch[j + 1].fromSeq === toFetch[j].toSeq + 1) j++;
      const group = toFetch.slice(i, j + 1);
      i = j + 1;
      const got: DaySummaryEntry[] = [];
      let k = 0;
      const settle = (done: boolean) => {
        while (k < group.length) {
          const r = group[k];
          const last = got[got.length - 1];
          if (!done && !(last && last.seq > r.toSeq)) break;
          const entries = inSpan(got, r.fromSeq, r.toSeq).map(summaryOf);
          if (!sameAs(entries, r)) throw new DigestMismatch('range entries do not match its digest');
          cache.entries.set(rangeKey(r), entries);
          view.push(...entries);
          k++;
        }
      };
      await fetchDaySummary(central, counterId, date, { fromSeq: group[0].fromSeq, toSeq: group[group.length - 1].toSeq }, (page, done) => {
        stats.requests++;
        stats.fetched += page.length;
        got.push(...page);
        settle(done);
      });
    }
  }

  await resolve(day.ranges);
  if (!sameAs(view, { fromSeq: day.fromSeq ?? 0, toSeq: day.toSeq ?? 0, count: day.count, amount: day.amount, digest: day.digest })) {
    throw new DigestMismatch('the ranges do not add up to the day');
  }
  return view;
}

export function createReconciler(deps: ReconcileDeps) {
  const { db } = deps;
  const localStmt = db.prepare(`SELECT id, seq, kind, amount, hash, breakdown, ref_entry_id FROM ledger_entries
    WHERE counter_id = ? AND business_date = ? AND kind <> 'CLOSING' ORDER BY seq`);
  const refsStmt = db.prepare(`SELECT r.id, r.seq, r.kind, r.amount, r.hash, r.breakdown, r.ref_entry_id
    FROM ledger_entries v JOIN ledger_entries r ON r.id = v.ref_entry_id
    WHERE v.counter_id = ? AND v.business_date = ? AND v.kind = 'VOID' AND r.business_date <> v.business_date`);
  const requeue = db.prepare("INSERT INTO outbox (entry_id, seq, enqueued_at) VALUES (?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET state = 'pending'");

  const localOf = (counterId: string, date: string) => localStmt.all(counterId, date) as LocalEntry[];
  let lastStats: ReconStats = { requests: 0, fetched: 0, reused: 0, mode: 'digest' };

  function unreconciled(date: string, reasonKey: string, local: LocalEntry[], referenced: LocalEntry[]): Reconciliation {
    const base = compareDay(local, [], { referenced });
    // Nothing was compared: rows stay 'onlyLocal' in the table but the verdict is unreconciled.
    return { businessDate: date, status: 'unreconciled', at: deps.clock().toISOString(), reasonKey, ...base };
  }

  /** Central's view of the day: by digest, or the whole summary when the digests do not add up. */
  async function centralView(counterId: string, date: string, local: LocalEntry[], cache: ReconCache, stats: ReconStats) {
    try {
      return await centralByDigest(deps.central, counterId, date, local, cache, stats);
    } catch (e) {
      // A central server without /v1/day-digest (404) is compared with the old way.
      const noDigest = e instanceof CentralError && (e.status === 404 || e.status === 405) && stats.requests === 0;
      if (!(e instanceof DigestMismatch) && !noDigest) throw e;
      cache.digests.clear();
      cache.entries.clear();
      stats.mode = 'full';
      const all = await fetchDaySummary(deps.central, counterId, date, undefined, (page) => { stats.requests++; stats.fetched += page.length; });
      return all;
    }
  }

  async function reconcile(counterId: string, date: string, cache: ReconCache = newReconCache()): Promise<Reconciliation> {
    let local = localOf(counterId, date);
    const referenced = refsStmt.all(counterId, date) as LocalEntry[];
    const stats: ReconStats = { requests: 0, fetched: 0, reused: 0, mode: 'digest' };
    lastStats = stats;
    if (!deps.enrolled()) return unreconciled(date, 'closing.recon.notEnrolled', local, referenced);
    await deps.sync.sendNow().catch(() => undefined);
    // The link died after something was learnt: the next attempt goes on from there.
    const failed = () => unreconciled(date, stats.requests > 0 ? 'closing.recon.interrupted' : 'closing.recon.offline', local, referenced);
    let central: DaySummaryEntry[];
    try {
      central = await centralView(counterId, date, local, cache, stats);
    } catch {
      return failed();
    }
    let result = compareDay(local, central, { referenced });
    const missing = result.rows.filter((r) => r.status === 'onlyLocal').map((r) => r.id);
    const pushedAgain = new Set(missing);
    if (missing.length > 0) {
      const at = deps.clock().toISOString();
      const seqOf = new Map(local.map((l) => [l.id, l.seq]));
      db.transaction(() => { for (const id of missing) requeue.run(id, seqOf.get(id)!, at); })();
      await deps.sync.sendNow().catch(() => undefined);
      local = localOf(counterId, date);
      try {
        central = await centralView(counterId, date, local, cache, stats);
      } catch {
        return failed();
      }
      result = compareDay(local, central, { referenced, pushedAgain });
    }
    const flagged = result.counts.onlyLocal + result.counts.onlyCentral + result.counts.different;
    return {
      businessDate: date, status: flagged === 0 ? 'reconciled' : 'differences', at: deps.clock().toISOString(),
      reasonKey: flagged === 0 ? null : 'closing.recon.flagged', ...result,
    };
  }

  return { reconcile, localOf, lastStats: (): ReconStats => ({ ...lastStats }) };
}
export type Reconciler = ReturnType<typeof createReconciler>;

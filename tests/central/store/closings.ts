import { ulid } from 'ulid';
import {
  DAY_SUMMARY_DEFAULT_LIMIT, type ClosingRequest, type ClosingResponse, type DaySummaryEntry, type DaySummaryResponse,
} from '../../../shared/protocol/central';
import { dayDigest } from '../../../shared/domain/day-digest';
import type { DayDigestResponse } from '../../../shared/protocol/day-digest';
import type { Device } from '../context';
import type { DB } from '../db';
import { HttpError } from '../http';

// What the closing of a day needs from central (DESIGN.md §4): the server's list of one
// counter's entries for a business date, page by page with a cursor that carries the position
// (no session on the server), optionally within a seq range; the day's digest (issue 17); and
// the receipt of the closing report.

/** Cursor = base64url of `seq:id` of the last entry of the page. */
export function encodeCursor(seq: number, id: string): string {
  return Buffer.from(`${seq}:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { seq: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(-?\d{1,16}):([0-9A-HJKMNP-TV-Z]{26})$/.exec(text);
  if (!m || !Number.isSafeInteger(Number(m[1]))) {
    throw new HttpError('INVALID_INPUT', { fields: [{ path: 'cursor', key: 'err.format' }] });
  }
  return { seq: Number(m[1]), id: m[2] };
}

interface ClosingRow { closing_id: string; closing_entry_id: string; closing_hash: string; received_at: string }

export function createClosingStore(db: DB, now: () => Date) {
  const s = {
    page: db.prepare<{ counterId: string; date: string; seq: number; id: string; limit: number; toSeq: number }, DaySummaryEntry>(`
      SELECT id, seq, kind, amount, hash FROM entries
      WHERE counter_id = @counterId AND business_date = @date AND (seq > @seq OR (seq = @seq AND id > @id)) AND seq <= @toSeq
      ORDER BY seq, id LIMIT @limit`),
    span: db.prepare<{ counterId: string; date: string; fromSeq: number; toSeq: number }, DaySummaryEntry>(`
      SELECT id, seq, kind, amount, hash FROM entries
      WHERE counter_id = @counterId AND business_date = @date AND seq BETWEEN @fromSeq AND @toSeq ORDER BY seq, id`),
    counterBranch: db.prepare<[string, string], number>(
      'SELECT 1 FROM devices WHERE counter_id = ? AND branch_code = ? LIMIT 1').pluck(),
    closingOf: db.prepare<[string, string], ClosingRow>(
      'SELECT closing_id, closing_entry_id, closing_hash, received_at FROM closings WHERE counter_id = ? AND business_date = ?'),
    insertClosing: db.prepare(`INSERT INTO closings (closing_id, counter_id, business_date, closing_entry_id, closing_hash,
      report, received_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  };

  /** A device may read and close the counters of its own branch. */
  function assertOwnBranch(device: Device, counterId: string): void {
    if (counterId === device.counterId) return;
    if (!s.counterBranch.get(counterId, device.branchCode)) throw new HttpError('FORBIDDEN', { counterId });
  }

  function daySummary(
    device: Device, q: { counterId: string; businessDate: string; cursor?: string; limit?: number; fromSeq?: number; toSeq?: number },
  ): DaySummaryResponse {
    assertOwnBranch(device, q.counterId);
    let after = q.cursor ? decodeCursor(q.cursor) : { seq: Number.MIN_SAFE_INTEGER, id: '' };
    // A range starts just before its first seq (a cursor further on wins).
    if (q.fromSeq !== undefined && after.seq < q.fromSeq) after = { seq: q.fromSeq - 1, id: '\uffff' };
    const limit = q.limit ?? DAY_SUMMARY_DEFAULT_LIMIT;
    // One row more than asked tells whether another page exists.
    const rows = s.page.all({
      counterId: q.counterId, date: q.businessDate, seq: after.seq, id: after.id, limit: limit + 1, toSeq: q.toSeq ?? Number.MAX_SAFE_INTEGER,
    });
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last.seq, last.id) : null };
  }

  /** The day's digest (shared/domain/day-digest.ts) over central's entries, or over a seq range of them. */
  function digest(
    device: Device, q: { counterId: string; businessDate: string; fromSeq?: number; toSeq?: number; parts?: number; knownDigest?: string },
  ): DayDigestResponse {
    assertOwnBranch(device, q.counterId);
    const entries = s.span.all({
      counterId: q.counterId, date: q.businessDate, fromSeq: q.fromSeq ?? Number.MIN_SAFE_INTEGER, toSeq: q.toSeq ?? Number.MAX_SAFE_INTEGER,
    });
    return dayDigest(entries, { fromSeq: q.fromSeq, toSeq: q.toSeq, parts: q.parts, knownDigest: q.knownDigest });
  }

  const receive = db.transaction((device: Device, req: ClosingRequest): ClosingResponse => {
    assertOwnBranch(device, req.counterId);
    const existing = s.closingOf.get(req.counterId, req.businessDate);
    if (existing) {
      if (existing.closing_entry_id === req.closingEntryId && existing.closing_hash === req.closingHash) {
        return { closingId: existing.closing_id, receivedAt: existing.received_at };
      }
      // A business day is closed once (DESIGN.md §2); a second, different closing is a conflict.
      throw new HttpError('CONFLICT', { closingId: existing.closing_id, closingEntryId: existing.closing_entry_id });
    }
    const closingId = ulid();
    const receivedAt = now().toISOString();
    s.insertClosing.run(closingId, req.counterId, req.businessDate, req.closingEntryId, req.closingHash,
      JSON.stringify(req.report), receivedAt, device.deviceId);
    return { closingId, receivedAt };
  });

  return { daySummary, digest, receive: (device: Device, req: ClosingRequest) => receive(device, req) };
}

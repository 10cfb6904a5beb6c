import { ulid } from 'ulid';
import {
  DAY_SUMMARY_DEFAULT_LIMIT, type ClosingRequest, type ClosingResponse, type DaySummaryEntry, type DaySummaryResponse,
} from '../../../shared/protocol/central';
import type { Device } from '../context';
import type { DB } from '../db';
import { HttpError } from '../http';

// What the closing of a day needs from central (DESIGN.md §4): the server's list of one
// counter's entries for a business date, page by page with a cursor that carries the position
// (no session on the server), and the receipt of the closing report.

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
    page: db.prepare<{ counterId: string; date: string; seq: number; id: string; limit: number }, DaySummaryEntry>(`
      SELECT id, seq, kind, amount, hash FROM entries
      WHERE counter_id = @counterId AND business_date = @date AND (seq > @seq OR (seq = @seq AND id > @id))
      ORDER BY seq, id LIMIT @limit`),
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
    device: Device, q: { counterId: string; businessDate: string; cursor?: string; limit?: number },
  ): DaySummaryResponse {
    assertOwnBranch(device, q.counterId);
    const after = q.cursor ? decodeCursor(q.cursor) : { seq: Number.MIN_SAFE_INTEGER, id: '' };
    const limit = q.limit ?? DAY_SUMMARY_DEFAULT_LIMIT;
    // One row more than asked tells whether another page exists.
    const rows = s.page.all({ counterId: q.counterId, date: q.businessDate, seq: after.seq, id: after.id, limit: limit + 1 });
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return { entries, nextCursor: rows.length > limit && last ? encodeCursor(last.seq, last.id) : null };
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

  return { daySummary, receive: (device: Device, req: ClosingRequest) => receive(device, req) };
}

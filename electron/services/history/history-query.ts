import type { Db } from '../db/open';
import type { HistoryFilter, HistoryRow } from '../../../shared/contract/history';
import { maskNik } from '../../../shared/domain/nik';
import type { EntryKind } from '../../../shared/ledger/entry';

// The ledger as a list: one SQL over the entries with their participant, teller, the entry a
// VOID reverses and the VOID that reversed them. Filters are bound parameters, never spliced.

export interface RawRow {
  id: string; seq: number; kind: EntryKind; business_date: string; created_at: string; user_id: string;
  user_name: string | null; participant_id: string | null; participant_name: string | null; nik: string | null;
  kpj: string | null; amount: number; receipt_no: string | null; ref_entry_id: string | null; ref_receipt_no: string | null;
  void_id: string | null; void_receipt_no: string | null; month_from: string | null; month_to: string | null;
  month_count: number | null; breakdown: string | null; payload: string | null;
}

const SELECT = `SELECT e.id, e.seq, e.kind, e.business_date, e.created_at, e.user_id, u.display_name AS user_name,
    e.participant_id, p.name AS participant_name, p.nik, p.kpj, e.amount, e.receipt_no, e.ref_entry_id,
    r.receipt_no AS ref_receipt_no, v.id AS void_id, v.receipt_no AS void_receipt_no,
    CASE WHEN json_valid(e.payload) THEN json_extract(e.payload, '$.months[0]') END AS month_from,
    CASE WHEN json_valid(e.payload) THEN json_extract(e.payload, '$.months[#-1]') END AS month_to,
    CASE WHEN json_valid(e.payload) THEN json_array_length(e.payload, '$.months') END AS month_count,
    e.breakdown, e.payload`;
const FROM = `FROM ledger_entries e
  LEFT JOIN users u ON u.id = e.user_id
  LEFT JOIN participants p ON p.id = e.participant_id
  LEFT JOIN ledger_entries r ON r.id = e.ref_entry_id
  LEFT JOIN ledger_entries v ON v.ref_entry_id = e.id AND v.kind = 'VOID'`;

/** `%` and `_` typed by the teller are searched as themselves. */
function likeOf(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function whereOf(f: HistoryFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.from) { parts.push('e.business_date >= ?'); params.push(f.from); }
  if (f.to) { parts.push('e.business_date <= ?'); params.push(f.to); }
  if (f.userId) { parts.push('e.user_id = ?'); params.push(f.userId); }
  if (f.kind) { parts.push('e.kind = ?'); params.push(f.kind); }
  if (f.q) {
    const like = likeOf(f.q);
    const digits = f.q.replace(/\D/g, '');
    const ors = ["e.receipt_no LIKE ? ESCAPE '\\'", "p.name LIKE ? ESCAPE '\\'"];
    params.push(like, like);
    // NIK and KPJ are searched on digits only (a full NIK or KPJ, or part of one).
    if (digits.length >= 4) {
      ors.push('p.nik LIKE ?', 'p.kpj LIKE ?');
      params.push(`%${digits}%`, `%${digits}%`);
    }
    parts.push(`(${ors.join(' OR ')})`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function toHistoryRow(r: RawRow): HistoryRow {
  return {
    id: r.id, seq: r.seq, kind: r.kind, businessDate: r.business_date, createdAt: r.created_at,
    userId: r.user_id, userName: r.user_name ?? r.user_id,
    participantId: r.participant_id, participantName: r.participant_name,
    nikMasked: r.nik ? maskNik(r.nik) : null, kpj: r.kpj,
    amount: r.amount, receiptNo: r.receipt_no, refEntryId: r.ref_entry_id, refReceiptNo: r.ref_receipt_no,
    voidedBy: r.void_id ? { id: r.void_id, receiptNo: r.void_receipt_no } : null,
    months: r.month_from && r.month_to && r.month_count ? { from: r.month_from, to: r.month_to, count: r.month_count } : null,
  };
}

export function createHistoryQuery(db: Db) {
  const byId = db.prepare(`${SELECT} ${FROM} WHERE e.id = ?`);
  return {
    page(f: HistoryFilter, page: number, pageSize: number): { rows: RawRow[]; total: number; totalAmount: number } {
      const w = whereOf(f);
      const agg = db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(e.amount), 0) AS amount ${FROM} ${w.sql}`).get(...w.params) as { n: number; amount: number };
      const rows = db.prepare(`${SELECT} ${FROM} ${w.sql} ORDER BY e.seq DESC LIMIT ? OFFSET ?`)
        .all(...w.params, pageSize, (page - 1) * pageSize) as RawRow[];
      return { rows, total: agg.n, totalAmount: agg.amount };
    },
    /** Every matching row, newest first (the CSV export; capped so a file stays openable). */
    all(f: HistoryFilter, cap = 100_000): RawRow[] {
      const w = whereOf(f);
      return db.prepare(`${SELECT} ${FROM} ${w.sql} ORDER BY e.seq DESC LIMIT ?`).all(...w.params, cap) as RawRow[];
    },
    byId: (id: string): RawRow | null => (byId.get(id) as RawRow | undefined) ?? null,
  };
}

import { monotonicUlids } from '../ids';
import { AppError } from '../../../shared/errors';
import { GENESIS_HASH, type EntryKind, type LedgerEntryRow } from '../../../shared/ledger/entry';
import { businessDateOf, type TimeZone } from '../../../shared/dates';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import { hashEntry } from './hash';

export interface CounterIdentity { counterId: string; branchCode: string; timeZone: TimeZone }

/** What a service hands the ledger; the ledger adds id, seq, dates, chain. */
export interface EntryDraft {
  kind: EntryKind;
  userId: string;
  participantId?: string | null;
  amount: number;
  breakdown?: unknown;
  paymentMethod?: 'CASH' | null;
  receiptNo?: string | null;
  refEntryId?: string | null;
  payload?: unknown;
  /** Defaults to today's business date in the branch's zone. */
  businessDate?: string;
}

export interface AuditSpec { actor: AuditActor; action: string; target?: string | null; detail?: unknown }

export type DayState = 'OPEN' | 'CLOSING' | 'CLOSED';

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * The append-only ledger. `record` is the one way money and registrations are written: the
 * entry, its outbox row, its audit row and whatever the caller adds (a participant, a receipt)
 * commit in one SQLite transaction, or none of them do.
 */
export function createLedger(deps: {
  db: Db; audit: Audit; clock: () => Date; identity: () => CounterIdentity;
  /** Called after a record commits (the sync worker pushes soon). */
  onRecorded?: () => void;
}) {
  const { db, audit, clock, identity } = deps;
  const nextId = monotonicUlids();
  const headStmt = db.prepare('SELECT seq, hash FROM ledger_entries WHERE counter_id = ? ORDER BY seq DESC LIMIT 1');
  const insertEntry = db.prepare(`INSERT INTO ledger_entries
    (id, counter_id, seq, kind, business_date, created_at, branch_code, user_id, participant_id, amount, breakdown,
     payment_method, receipt_no, ref_entry_id, payload, prev_hash, hash)
    VALUES (@id, @counter_id, @seq, @kind, @business_date, @created_at, @branch_code, @user_id, @participant_id, @amount,
     @breakdown, @payment_method, @receipt_no, @ref_entry_id, @payload, @prev_hash, @hash)`);
  const insertOutbox = db.prepare('INSERT INTO outbox (entry_id, seq, enqueued_at) VALUES (?, ?, ?)');
  const dayStmt = db.prepare('SELECT state FROM business_days WHERE counter_id = ? AND business_date = ?');
  const openDayStmt = db.prepare(
    "INSERT OR IGNORE INTO business_days (counter_id, business_date, state, opened_at) VALUES (?, ?, 'OPEN', ?)",
  );
  const byIdStmt = db.prepare('SELECT * FROM ledger_entries WHERE id = ?');

  function today(): string {
    return businessDateOf(clock(), identity().timeZone);
  }

  function dayState(date = today()): DayState {
    const row = dayStmt.get(identity().counterId, date) as { state: DayState } | undefined;
    return row?.state ?? 'OPEN';
  }

  /** Opens the day if it has no row yet; refuses when it is closing or closed. */
  function ensureOpen(date: string, kind: EntryKind): void {
    const { counterId } = identity();
    // Read first: the day's row exists for every entry but its first, and a write attempt per
    // entry (even one that is ignored) costs the commit path more than a read.
    let row = dayStmt.get(counterId, date) as { state: DayState } | undefined;
    if (!row) {
      openDayStmt.run(counterId, date, clock().toISOString());
      row = dayStmt.get(counterId, date) as { state: DayState };
    }
    const state = row.state;
    if (state === 'OPEN' || (state === 'CLOSING' && kind === 'CLOSING')) return;
    throw new AppError('DAY_CLOSED', state === 'CLOSING' ? 'err.dayClosing' : 'err.dayClosed', { date });
  }

  /** Appends one entry and its outbox row. Must run inside the caller's transaction. */
  function append(draft: EntryDraft): LedgerEntryRow {
    if (!db.inTransaction) throw new Error('ledger.append must run inside a transaction');
    if (!Number.isSafeInteger(draft.amount)) throw new TypeError('amount must be integer rupiah');
    const id = identity();
    if (!id.counterId || !id.branchCode) throw new AppError('UNAVAILABLE', 'err.notEnrolled');
    const businessDate = draft.businessDate ?? today();
    ensureOpen(businessDate, draft.kind);
    const head = headStmt.get(id.counterId) as { seq: number; hash: string } | undefined;
    const now = clock();
    const row: Omit<LedgerEntryRow, 'hash'> = {
      id: nextId(now.getTime()),
      counter_id: id.counterId,
      seq: (head?.seq ?? 0) + 1,
      kind: draft.kind,
      business_date: businessDate,
      created_at: now.toISOString(),
      branch_code: id.branchCode,
      user_id: draft.userId,
      participant_id: draft.participantId ?? null,
      amount: draft.amount,
      breakdown: json(draft.breakdown),
      payment_method: draft.paymentMethod ?? null,
      receipt_no: draft.receiptNo ?? null,
      ref_entry_id: draft.refEntryId ?? null,
      payload: json(draft.payload),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const entry: LedgerEntryRow = { ...row, hash: hashEntry(row) };
    insertEntry.run(entry);
    insertOutbox.run(entry.id, entry.seq, now.toISOString());
    return entry;
  }

  return {
    today,
    dayState,
    append,

    /** One transaction: the entry, its outbox row, its audit row, and the caller's extra writes. */
    record<T = void>(draft: EntryDraft, auditSpec: AuditSpec, extra?: (entry: LedgerEntryRow) => T): { entry: LedgerEntryRow; extra: T } {
      const done = db.transaction(() => {
        const entry = append(draft);
        const result = extra ? extra(entry) : (undefined as T);
        audit.record(auditSpec.actor, auditSpec.action, auditSpec.target ?? entry.id, auditSpec.detail ?? { kind: entry.kind, amount: entry.amount, seq: entry.seq });
        return { entry, extra: result };
      }).immediate();
      deps.onRecorded?.();
      return done;
    },

    byId(id: string): LedgerEntryRow | null {
      return (byIdStmt.get(id) as LedgerEntryRow | undefined) ?? null;
    },

    head(): { seq: number; hash: string } {
      return (headStmt.get(identity().counterId) as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
    },

    entriesOfDay(date: string): LedgerEntryRow[] {
      return db.prepare('SELECT * FROM ledger_entries WHERE counter_id = ? AND business_date = ? ORDER BY seq')
        .all(identity().counterId, date) as LedgerEntryRow[];
    },

    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n;
    },
  };
}
export type Ledger = ReturnType<typeof createLedger>;

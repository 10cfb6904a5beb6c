import { AppError, isAppError } from '../../../shared/errors';
import { countLines, countTotal, expectedCash, type CashCount } from '../../../shared/domain/cash';
import type { Reconciliation } from '../../../shared/contract/closing';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { Lang, TimeZone } from '../../../shared/dates';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { Audit, AuditActor } from '../audit';
import type { AuthService } from '../auth/auth-service';
import type { CentralClient } from '../central/client';
import type { SyncWorker } from '../sync/sync-worker';
import { createAfterClose, type Printing } from './after-close';
import { createReconciler, newReconCache, type ReconCache } from './reconcile';
import { closingNumber, FLAGGED_KEPT, type StoredReport } from './report';
import { kindTotals } from './totals';
import { xReportDoc } from './x-report';
import { createCashMoves } from './cash-moves';

// Closing a business day (DESIGN.md §4): OPEN → CLOSING (push) → reconcile → blind count →
// confirm with the head's PIN (ONE transaction: CLOSING entry + day CLOSED + closings row) →
// central, printer, PDF. Until the confirmation the day is CLOSING and can be resumed or
// cancelled; after it the day is CLOSED with exactly one CLOSING entry. Nothing in between.

export interface ClosingActor extends AuditActor { userId: string; username: string; displayName: string }

export interface ClosingDeps {
  db: Db;
  ledger: Ledger;
  audit: Audit;
  auth: Pick<AuthService, 'approveAsHead'>;
  central: Pick<CentralClient, 'call'>;
  sync: Pick<SyncWorker, 'sendNow' | 'status'>;
  printing?: () => Printing | null;
  dataDir: string;
  clock: () => Date;
  identity: () => { counterId: string; counterNumber: number; branchCode: string; branchName: string; timeZone: TimeZone; lang: Lang; enrolled: boolean };
  log?: (event: string, detail: Record<string, unknown>) => void;
  /** Test seam: called between the steps that follow the commit (the crash test kills there). */
  onStep?: (step: string) => Promise<void> | void;
  /** How often unacknowledged closings are sent again (ms). */
  retryEveryMs?: number;
}

/** What a closing in progress holds until the confirmation (in memory: a restart reconciles again). */
interface Draft {
  reconciliation?: Reconciliation;
  count?: { key: string; counted: number };
  /** What reconciliation attempts learnt of central's day, so one the link cut short is taken up where it stopped. */
  reconCache?: ReconCache;
}
const countKey = (c: CashCount) => JSON.stringify(countLines(c).map((l) => l.count));

export function createClosingService(deps: ClosingDeps) {
  const { db, ledger, audit } = deps;
  const id = () => deps.identity();
  const log = deps.log ?? (() => undefined);
  const step = async (name: string) => { await deps.onStep?.(name); };
  const s = {
    day: db.prepare('SELECT * FROM business_days WHERE counter_id = ? AND business_date = ?'),
    closingDay: db.prepare("SELECT business_date FROM business_days WHERE counter_id = ? AND state = 'CLOSING' ORDER BY business_date LIMIT 1"),
    openRow: db.prepare("INSERT OR IGNORE INTO business_days (counter_id, business_date, state, opened_at) VALUES (?, ?, 'OPEN', ?)"),
    toClosing: db.prepare("UPDATE business_days SET state = 'CLOSING', closing_started_at = ? WHERE counter_id = ? AND business_date = ? AND state = 'OPEN'"),
    toOpen: db.prepare("UPDATE business_days SET state = 'OPEN', closing_started_at = NULL WHERE counter_id = ? AND business_date = ? AND state = 'CLOSING'"),
    toClosed: db.prepare("UPDATE business_days SET state = 'CLOSED', closed_at = ?, closing_entry_id = ? WHERE counter_id = ? AND business_date = ? AND state = 'CLOSING'"),
    insertClosing: db.prepare(`INSERT INTO closings (counter_id, business_date, entry_id, closed_at, closed_by, report_json)
      VALUES (?, ?, ?, ?, ?, ?)`),
    refs: db.prepare(`SELECT r.* FROM ledger_entries v JOIN ledger_entries r ON r.id = v.ref_entry_id
      WHERE v.counter_id = ? AND v.business_date = ? AND v.kind = 'VOID' AND r.business_date <> v.business_date`),
    float: db.prepare("SELECT amount FROM ledger_entries WHERE counter_id = ? AND business_date = ? AND kind = 'OPENING_FLOAT' ORDER BY seq LIMIT 1"),
  };
  const drafts = new Map<string, Draft>();
  const draftOf = (date: string) => { let d = drafts.get(date); if (!d) { d = {}; drafts.set(date, d); } return d; };
  let push = { running: false, done: false, total: 0, sent: 0, error: null as string | null };
  let timer: NodeJS.Timeout | null = null;

  const reconciler = createReconciler({ db, central: deps.central, sync: deps.sync, clock: deps.clock, enrolled: () => id().enrolled });
  const after = createAfterClose({
    db, central: deps.central, printing: deps.printing ?? (() => null), dataDir: deps.dataDir, clock: deps.clock,
    lang: () => id().lang, counterId: () => id().counterId, enrolled: () => id().enrolled, log,
  });
  const cash = createCashMoves({ db, ledger, auth: deps.auth, counterId: () => id().counterId });

  type DayRow = { state: 'OPEN' | 'CLOSING' | 'CLOSED'; closing_started_at: string | null };
  const dayRow = (date: string) => s.day.get(id().counterId, date) as DayRow | undefined;
  /** The day being closed, or today. */
  const closingDate = () => (s.closingDay.get(id().counterId) as { business_date: string } | undefined)?.business_date ?? ledger.today();

  function requireClosing(): string {
    const date = closingDate();
    if (dayRow(date)?.state !== 'CLOSING') throw new AppError('CONFLICT', 'closing.err.notClosing', { date });
    return date;
  }

  function expectedOf(date: string) {
    const entries = ledger.entriesOfDay(date);
    return { entries, expected: expectedCash(entries, s.refs.all(id().counterId, date) as LedgerEntryRow[]) };
  }

  async function pushAll(): Promise<void> {
    push = { running: true, done: false, total: deps.sync.status().waiting, sent: 0, error: null };
    try {
      const r = await deps.sync.sendNow();
      push = { ...push, running: false, done: true, sent: r.sent, error: r.failed ? (deps.sync.status().lastError ?? 'failed') : null };
    } catch (e) {
      push = { ...push, running: false, done: true, error: e instanceof Error ? e.message : String(e) };
    }
  }

  return {
    cash,

    status() {
      const today = ledger.today();
      const date = closingDate();
      const row = dayRow(date);
      const float = s.float.get(id().counterId, today) as { amount: number } | undefined;
      return {
        businessDate: date, dayState: row?.state ?? 'OPEN', closingStartedAt: row?.closing_started_at ?? null,
        openingFloat: float?.amount ?? null, unacked: after.unacked(),
      };
    },

    start(actor: ClosingActor, businessDate?: string) {
      const today = ledger.today();
      const date = businessDate ?? today;
      if (date > today) throw new AppError('INVALID_INPUT', 'closing.err.futureDate', { date }, [{ path: 'businessDate', key: 'closing.err.futureDate' }]);
      const other = closingDate();
      if (other !== date && dayRow(other)?.state === 'CLOSING') throw new AppError('CONFLICT', 'closing.err.otherClosing', { date: other });
      const resumed = db.transaction(() => {
        const { counterId } = id();
        s.openRow.run(counterId, date, deps.clock().toISOString());
        const row = dayRow(date)!;
        if (row.state === 'CLOSED') throw new AppError('DAY_CLOSED', 'err.dayClosed', { date });
        const resuming = row.state === 'CLOSING';
        if (!resuming) s.toClosing.run(deps.clock().toISOString(), counterId, date);
        audit.record(actor, 'closing.start', date, { waiting: deps.sync.status().waiting, resumed: resuming });
        return resuming;
      }).immediate();
      if (!resumed) drafts.delete(date);
      if (!push.running) void pushAll();
      return { businessDate: date, state: 'CLOSING' as const, waiting: deps.sync.status().waiting };
    },

    progress() {
      const date = closingDate();
      const st = deps.sync.status();
      return {
        businessDate: date, state: dayRow(date)?.state ?? 'OPEN',
        push: { ...push, waiting: st.waiting, online: st.online },
      };
    },

    async reconcile(actor: ClosingActor): Promise<Reconciliation> {
      const date = requireClosing();
      const draft = draftOf(date);
      draft.reconCache ??= newReconCache();
      const result = await reconciler.reconcile(id().counterId, date, draft.reconCache);
      draft.reconciliation = result;
      const { requests, fetched, reused, mode } = reconciler.lastStats();
      audit.record(actor, 'closing.reconcile', date, { status: result.status, ...result.counts, requests, fetched, reused, mode });
      return result;
    },

    count(actor: ClosingActor, counts: CashCount) {
      const date = requireClosing();
      const counted = countTotal(counts);
      const { expected } = expectedOf(date);
      const difference = counted - expected.expected;
      draftOf(date).count = { key: countKey(counts), counted };
      audit.record(actor, 'closing.count', date, { counted, expected: expected.expected, difference });
      return { businessDate: date, counted, lines: countLines(counts), expected, difference };
    },

    async confirm(actor: ClosingActor, input: { counts: CashCount; reason?: string; pin: string }) {
      const date = requireClosing();
      const draft = drafts.get(date);
      if (!draft?.reconciliation) throw new AppError('CONFLICT', 'closing.err.reconcileFirst', { date });
      if (!draft.count || draft.count.key !== countKey(input.counts)) throw new AppError('CONFLICT', 'closing.err.countFirst', { date });
      const counted = countTotal(input.counts);
      const { expected } = expectedOf(date);
      const difference = counted - expected.expected;
      const reason = input.reason?.trim() || null;
      if (difference !== 0 && (!reason || reason.length < 3)) {
        throw new AppError('INVALID_INPUT', 'closing.err.reasonRequired', undefined, [{ path: 'reason', key: 'closing.err.reasonRequired' }]);
      }
      try {
        await deps.auth.approveAsHead(actor.username, input.pin, 'closing.confirm');
      } catch (e) {
        if (isAppError(e)) throw new AppError(e.code, e.key, e.params, e.fields?.map((f) => ({ ...f, path: f.path === 'approval.pin' ? 'pin' : f.path })));
        throw e;
      }
      const ident = id();
      const recon = draft.reconciliation;
      const closedAt = deps.clock().toISOString();
      const report: StoredReport = {
        closingNo: closingNumber(ident.counterId, date), businessDate: date, counterId: ident.counterId,
        branchCode: ident.branchCode, branchName: ident.branchName, counterNumber: ident.counterNumber, zone: ident.timeZone,
        headName: actor.displayName, headUsername: actor.username, closedAt,
        counts: input.counts, counted, expected, difference, reason: difference === 0 ? null : reason,
        reconciliation: {
          status: recon.status, reasonKey: recon.reasonKey, at: recon.at, counts: recon.counts,
          perKind: recon.perKind, perProgram: recon.perProgram,
          flagged: recon.rows.filter((r) => r.status !== 'matched').slice(0, FLAGGED_KEPT),
        },
      };
      ledger.record(
        { kind: 'CLOSING', userId: actor.userId, amount: 0, businessDate: date, payload: report },
        { actor, action: 'closing.confirm', target: date, detail: { counted, expected: expected.expected, difference, recon: recon.status } },
        (entry) => {
          // Same transaction as the entry: the day must still be CLOSING, and becomes CLOSED with it.
          if (s.toClosed.run(closedAt, entry.id, ident.counterId, date).changes !== 1) {
            throw new AppError('CONFLICT', 'closing.err.notClosing', { date });
          }
          s.insertClosing.run(ident.counterId, date, entry.id, closedAt, actor.username, JSON.stringify(report));
        },
      );
      drafts.delete(date);
      await step('committed');
      const done = await after.finish(date, { trySend: ident.enrolled && recon.status !== 'unreconciled', step });
      return { ...done.summary, printed: done.printed.printed, printErrorKey: done.printed.errorKey };
    },

    cancel(actor: ClosingActor) {
      const date = requireClosing();
      db.transaction(() => {
        if (s.toOpen.run(id().counterId, date).changes !== 1) throw new AppError('CONFLICT', 'closing.err.notClosing', { date });
        audit.record(actor, 'closing.cancel', date);
      })();
      drafts.delete(date);
      return { businessDate: date, state: 'OPEN' as const };
    },

    history: (limit: number) => after.history(limit),
    reportPdf: (date: string) => after.pdf(date),
    async print(actor: ClosingActor, date: string) {
      after.row(date);
      const r = await after.reprint(date);
      audit.record(actor, 'closing.print', date, r);
      return r;
    },

    async xReport(actor: ClosingActor, print: boolean) {
      const date = ledger.today();
      const { entries, expected } = expectedOf(date);
      const perKind = [...kindTotals(entries).entries()].map(([kind, t]) => ({ kind, ...t }));
      const at = deps.clock();
      let printed: { printed: boolean; errorKey: string | null } | null = null;
      if (print) {
        const printing = deps.printing?.() ?? null;
        const ident = id();
        if (!printing) printed = { printed: false, errorKey: 'closing.err.noPrinter' };
        else {
          const doc = xReportDoc({
            branchName: `${ident.branchName} ${ident.branchCode}`.trim(), counterNumber: ident.counterNumber, businessDate: date, at,
            zone: ident.timeZone, headName: actor.displayName, expected, perKind,
          }, ident.lang);
          const outcome = await printing.printNow(printing.enqueue('x-report', `X-${date}-${at.getTime()}`, doc).id);
          printed = outcome.ok ? { printed: true, errorKey: null } : { printed: false, errorKey: outcome.error.key };
        }
      }
      audit.record(actor, 'closing.xReport', date, { expected: expected.expected, printed: printed?.printed ?? null });
      return { businessDate: date, at: at.toISOString(), dayState: dayRow(date)?.state ?? 'OPEN', expected, perKind, print: printed };
    },

    /** Finishes what a crash or a lost connection left undone. */
    resume: () => after.resume(),
    startBackground(): void {
      void after.resume();
      timer = setInterval(() => { void after.resume(); }, deps.retryEveryMs ?? 60_000);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type ClosingService = ReturnType<typeof createClosingService>;

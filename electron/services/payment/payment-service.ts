import { isErased } from '../participants/correction';
import { AppError } from '../../../shared/errors';
import { formatRupiah } from '../../../shared/money';
import { monthOf } from '../../../shared/domain/months';
import type { Quote, PrintResult } from '../../../shared/contract/payment';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import { markAsCopy, ReceiptDocSchema } from '../../../shared/receipts/layout';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { SettingsService } from '../settings';
import type { ParticipantRepo, ParticipantRow } from '../participants/repo';
import type { CentralClient } from '../central/client';
import type { AuthService } from '../auth/auth-service';
import type { Audit } from '../audit';
import type { PrintingService } from '../printing/service';
import type { PrintJob } from '../printing/print-queue';
import { createMonthsRepo } from './months-repo';
import { createReceiptNumbers } from './receipt-no';
import { createCentralMonths, type CentralState } from './central-months';
import { monthsToPay, participantSummary, paymentContext, quoteOf, type PaymentContext } from './pricing';
import { paymentReceiptDoc, voidReceiptDoc } from './receipt';
import { printResultOf, printResultOfJob, printWithin } from './print-result';
import { renderPdf } from '../printing/pdf';

// Pembayaran iuran: options → quote → create (one ledger transaction: entry, outbox, audit,
// month rows, the receipt's print job), then the receipt prints. Void with a head's approval.

export interface Actor { userId: string; username: string; displayName: string }

export interface PaymentDeps {
  db: Db;
  ledger: Ledger;
  settings: SettingsService;
  participants: ParticipantRepo;
  central: CentralClient;
  auth: AuthService;
  audit: Audit;
  printing: PrintingService;
  /** How long "Bayar" waits for the printer before answering "still printing". */
  printWaitMs?: number;
}

const RECEIPT_KINDS = new Set(['payment', 'void']);
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE';

export function createPaymentService(deps: PaymentDeps) {
  const { db, ledger, settings, participants, printing } = deps;
  const months = createMonthsRepo(db);
  const numbers = createReceiptNumbers(db);
  const centralMonths = createCentralMonths({
    central: deps.central,
    configured: () => Boolean(settings.get().central.url && settings.get().central.token),
  });
  const printWaitMs = deps.printWaitMs ?? 5000;
  // Receipts written before migration 15; since then a receipt is kept once, as its first print job.
  const receiptOf = db.prepare('SELECT kind, doc_json FROM receipts WHERE entry_id = ?');
  const voidOf = db.prepare("SELECT id, receipt_no FROM ledger_entries WHERE kind = 'VOID' AND ref_entry_id = ?");

  function participantOrThrow(id: string): ParticipantRow {
    const p = participants.byId(id);
    if (!p) throw new AppError('NOT_FOUND', 'err.payment.participantNotFound', undefined, [{ path: 'participantId', key: 'err.payment.participantNotFound' }]);
    // Erased by BPJS's order: nobody to take a payment from any more (a void of an old one still works).
    if (isErased(p)) throw new AppError('CONFLICT', 'err.correction.erased', undefined, [{ path: 'participantId', key: 'err.correction.erased' }]);
    return p;
  }

  /** Local months merged with the central server's (less what was voided here and not yet synced). */
  async function context(p: ParticipantRow, fresh = false): Promise<{ ctx: PaymentContext; central: CentralState }> {
    const local = months.paid(p.id);
    const remote = await centralMonths.monthsOf(p, fresh);
    const voidedHere = new Set(months.voidedOnly(p.id));
    const merged = [...local, ...remote.months.filter((m) => !voidedHere.has(m))];
    const st = settings.get();
    return { ctx: paymentContext(p, merged, monthOf(ledger.today()), st.branch.timeZone), central: remote.state };
  }

  const noPrinter = () => settings.get().printer.kind === 'none';
  /** A queued job on a counter without a printer says why (nothing was tried: it would only fail). */
  const explained = (r: PrintResult): PrintResult =>
    r.status === 'queued' && !r.errorKey && noPrinter() ? { ...r, errorKey: 'printing.err.notConfigured' } : r;

  /** `queued`: the job as enqueue returned it, when nothing touched it since (saves reading it back). */
  async function print(jobId: string, queued?: PrintJob): Promise<PrintResult> {
    if (noPrinter()) return explained(printResultOfJob(queued ?? printing.queue.get(jobId)));
    const outcome = await printWithin(printing.printNow(jobId), printWaitMs);
    return printResultOf(outcome, printing.queue.get(jobId));
  }

  /** The receipt as printed first (not a copy) for a payment or a void. */
  function storedReceipt(entryId: string): { kind: string; doc: ReceiptDoc } | null {
    const row = receiptOf.get(entryId) as { kind: string; doc_json: string } | undefined;
    if (!row) {
      const original = printing.originalJob(entryId);
      return original && RECEIPT_KINDS.has(original.kind) ? { kind: original.kind, doc: original.doc } : null;
    }
    const parsed = ReceiptDocSchema.safeParse(JSON.parse(row.doc_json));
    return parsed.success ? { kind: row.kind, doc: parsed.data } : null;
  }

  /** Why an entry cannot be voided now (an i18n key), or null when it can. */
  function voidBlocked(entry: LedgerEntryRow): string | null {
    if (entry.kind !== 'CONTRIBUTION') return 'err.payment.voidKind';
    if (voidOf.get(entry.id)) return 'err.payment.alreadyVoided';
    if (entry.business_date !== ledger.today()) return 'err.payment.voidOtherDay';
    if (ledger.dayState(entry.business_date) !== 'OPEN') return 'err.dayClosed';
    return null;
  }

  return {
    months,
    numbers,
    storedReceipt,

    async options(participantId: string) {
      const p = participantOrThrow(participantId);
      const { ctx, central } = await context(p, true);
      return {
        participant: participantSummary(ctx),
        coverage: ctx.coverage,
        currentMonth: ctx.currentMonth,
        payableMonths: ctx.payable.months,
        counts: ctx.counts,
        offers: ctx.payable.offers.filter((n) => ctx.counts.includes(n)),
        reactivation: ctx.payable.reactivation,
        central,
      };
    },

    async quote(participantId: string, count: number): Promise<Quote> {
      const { ctx } = await context(participantOrThrow(participantId));
      return quoteOf(ctx, monthsToPay(ctx, count)).quote;
    },

    async create(input: { participantId: string; months: number; cashTendered: number; expectedTotal?: number }, actor: Actor) {
      const p = participantOrThrow(input.participantId);
      const { ctx } = await context(p);
      const { quote } = quoteOf(ctx, monthsToPay(ctx, input.months));
      if (input.expectedTotal !== undefined && input.expectedTotal !== quote.total) {
        throw new AppError('CONFLICT', 'err.payment.quoteChanged', { total: formatRupiah(quote.total) });
      }
      if (input.cashTendered < quote.total) {
        const params = { total: formatRupiah(quote.total) };
        throw new AppError('INVALID_INPUT', 'err.payment.cashShort', params, [{ path: 'cashTendered', key: 'err.payment.cashShort', params }]);
      }
      const change = input.cashTendered - quote.total;
      const paid = quote.months.map((m) => m.month);
      const st = settings.get();
      let recorded: { entry: LedgerEntryRow; doc: ReceiptDoc; job: PrintJob };
      try {
        recorded = db.transaction(() => {
          const receiptNo = numbers.next({ branchCode: st.branch.code, counterNumber: st.counter.number, counterId: st.counter.id, businessDate: ledger.today() });
          const { entry, extra } = ledger.record({
            kind: 'CONTRIBUTION',
            userId: actor.userId,
            participantId: p.id,
            amount: quote.total,
            paymentMethod: 'CASH',
            receiptNo,
            breakdown: {
              programs: quote.programs,
              months: quote.months,
              reductions: quote.reductions,
              totalFull: quote.totalFull, totalReduction: quote.totalReduction, total: quote.total,
            },
            payload: { months: paid, cashTendered: input.cashTendered, change, reactivation: quote.reactivation },
          }, {
            actor: { userId: actor.userId, username: actor.username },
            action: 'payment.create',
            detail: { receiptNo, participantId: p.id, months: paid, total: quote.total },
          }, (e) => {
            months.record(p.id, paid, e.id);
            const doc = paymentReceiptDoc({
              settings: st, teller: actor.displayName, at: e.created_at, receiptNo, participant: p, quote,
              cashTendered: input.cashTendered, change,
            });
            return { doc, job: printing.enqueue('payment', e.id, doc) };
          });
          return { entry, ...extra };
        }).immediate();
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError('CONFLICT', 'err.payment.monthAlreadyPaid');
        throw e;
      }
      centralMonths.forget(p.id);
      return {
        entryId: recorded.entry.id,
        receiptNo: recorded.entry.receipt_no!,
        months: paid,
        total: quote.total,
        cashTendered: input.cashTendered,
        change,
        receipt: recorded.doc,
        cpl: printing.cpl(),
        print: await print(recorded.job.id, recorded.job),
      };
    },

    async reprint(entryId: string, actor: Actor): Promise<PrintResult> {
      const entry = ledger.byId(entryId);
      if (!entry) throw new AppError('NOT_FOUND', 'err.history.notFound');
      const fallback = storedReceipt(entryId) ?? undefined;
      if (!printing.latestJob(entryId) && !fallback) throw new AppError('NOT_FOUND', 'printing.err.jobNotFound');
      deps.audit.record({ userId: actor.userId, username: actor.username }, 'payment.reprint', entryId, { receiptNo: entry.receipt_no });
      const outcome = await printWithin(printing.reprint(entryId, fallback), printWaitMs);
      return printResultOf(outcome, printing.latestJob(entryId));
    },

    /** The stored receipt as a PDF copy (marked SALINAN like any copy). */
    async receiptPdf(entryId: string): Promise<{ filename: string; base64: string }> {
      const stored = storedReceipt(entryId) ?? (printing.latestJob(entryId) ? { kind: 'receipt', doc: printing.latestJob(entryId)!.doc } : null);
      if (!stored) throw new AppError('NOT_FOUND', 'printing.err.jobNotFound');
      const receiptNo = ledger.byId(entryId)?.receipt_no ?? entryId;
      const bytes = await renderPdf(markAsCopy(stored.doc), { cpl: printing.cpl(), title: receiptNo });
      return { filename: `struk-${receiptNo}.pdf`, base64: bytes.toString('base64') };
    },

    printStatus(entryId: string): PrintResult {
      return explained(printResultOfJob(printing.latestJob(entryId)));
    },

    voidBlocked,

    async void(input: { entryId: string; reason: string; approval: { username: string; pin: string } }, actor: Actor) {
      const original = ledger.byId(input.entryId);
      if (!original) throw new AppError('NOT_FOUND', 'err.history.notFound');
      const blocked = voidBlocked(original);
      if (blocked) throw new AppError(blocked === 'err.dayClosed' ? 'DAY_CLOSED' : 'CONFLICT', blocked, { date: original.business_date });
      // Checked like a sign-in (lock-out counts), audited by the auth service.
      const head = await deps.auth.approveAsHead(input.approval.username, input.approval.pin, 'payment.void');
      const st = settings.get();
      const p = original.participant_id ? participants.byId(original.participant_id) : null;
      const paid = months.ofEntry(original.id);
      const recorded = db.transaction(() => {
        // Another void may have committed while the PIN was being checked.
        if (voidOf.get(original.id)) throw new AppError('CONFLICT', 'err.payment.alreadyVoided');
        const receiptNo = numbers.next({ branchCode: st.branch.code, counterNumber: st.counter.number, counterId: st.counter.id, businessDate: ledger.today() });
        const { entry, extra } = ledger.record({
          kind: 'VOID',
          userId: actor.userId,
          participantId: original.participant_id,
          amount: -original.amount,
          refEntryId: original.id,
          receiptNo,
          breakdown: { reverses: original.receipt_no, amount: -original.amount },
          payload: {
            reason: input.reason, originalReceiptNo: original.receipt_no, months: paid,
            approvedBy: { userId: head.id, username: head.username, displayName: head.displayName },
          },
        }, {
          actor: { userId: actor.userId, username: actor.username },
          action: 'payment.void',
          target: original.id,
          detail: { receiptNo, originalReceiptNo: original.receipt_no, amount: original.amount, reason: input.reason, approvedBy: head.username },
        }, (v) => {
          months.voidEntry(original.id, v.id);
          const doc = voidReceiptDoc({
            settings: st, teller: actor.displayName, at: v.created_at, receiptNo, originalReceiptNo: original.receipt_no ?? original.id,
            participant: p, amount: original.amount, reason: input.reason, approvedBy: head.displayName,
          });
          return { jobId: printing.enqueue('void', v.id, doc).id };
        });
        return { entry, jobId: extra.jobId };
      }).immediate();
      if (original.participant_id) centralMonths.forget(original.participant_id);
      return {
        voidEntryId: recorded.entry.id,
        receiptNo: recorded.entry.receipt_no!,
        amount: recorded.entry.amount,
        print: await print(recorded.jobId),
      };
    },
  };
}
export type PaymentService = ReturnType<typeof createPaymentService>;

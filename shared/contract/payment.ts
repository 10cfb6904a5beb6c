import { z } from 'zod';
import { procedure } from './define';
import { approvalSchema } from './common';
import { MONEY_ROLES } from '../roles';
import { ReceiptDocSchema } from '../receipts/layout';
import { PROGRAMS } from '../ledger/entry';

// Contribution payment (DOMAIN.md §2, §3, §9): what a participant may pay, the price of n
// months, the payment itself with its receipt, reprint and void. Amounts are always computed by
// the services from the rate table; the UI never sends an amount except the cash tendered.

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const rupiah = z.number().int();
const program = z.enum(PROGRAMS);
const programAmounts = z.object({ JKK: rupiah, JKM: rupiah, JHT: rupiah });

export const participantIdSchema = z.string().trim().min(1, { error: 'err.payment.participantRequired' }).max(64);
/** How many months one payment covers: 1 to 12 (DOMAIN.md §3, the cap is configurable data). */
export const monthCountSchema = z.number({ error: 'err.payment.monthsRange' }).int({ error: 'err.payment.monthsRange' })
  .min(1, { error: 'err.payment.monthsRange' }).max(12, { error: 'err.payment.monthsRange' });
/** Cash the worker hands over, whole rupiah. */
export const cashSchema = z.number({ error: 'err.payment.cashFormat' }).int({ error: 'err.payment.cashFormat' })
  .min(0, { error: 'err.payment.cashFormat' }).max(1_000_000_000_000, { error: 'err.payment.cashFormat' });

export const payParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `3201**********01`: the full NIK never leaves the services for this screen. */
  nikMasked: z.string(),
  kpj: z.string().nullable(),
  programs: z.array(program),
  occupationCode: z.string().nullable(),
  transport: z.boolean(),
  origin: z.enum(['local', 'central']),
  registeredBranchName: z.string().nullable(),
  registeredMonth: month,
  band: z.object({ no: z.number().int(), dpp: rupiah }),
});

export const coverageSchema = z.object({
  periodStart: month,
  paidUntil: month.nullable(),
  coveredNow: z.boolean(),
  arrears: z.array(month),
  missed: z.array(month),
  unpaidRun: z.number().int(),
  lapsed: z.boolean(),
  lapsedSince: month.nullable(),
});

export const quoteMonthSchema = z.object({
  month,
  dpp: rupiah,
  full: programAmounts,
  reduction: z.object({ regulation: z.string(), JKK: rupiah, JKM: rupiah, JHT: rupiah }).nullable(),
  due: programAmounts,
  total: rupiah,
  arrears: z.boolean(),
});

export const quoteSchema = z.object({
  participantId: z.string(),
  from: month,
  to: month,
  months: z.array(quoteMonthSchema),
  /** Per program over all months, before (`full`) and after (`due`) any reduction. */
  programs: z.array(z.object({ code: program, dpp: rupiah, full: rupiah, reduction: rupiah, due: rupiah })),
  /** One line per regulation that reduced at least one month, e.g. `Keringanan PP 50/2025`. */
  reductions: z.array(z.object({ regulation: z.string(), amount: rupiah })),
  totalFull: rupiah,
  totalReduction: rupiah,
  total: rupiah,
  /** The membership had lapsed: this payment starts a new coverage period. */
  reactivation: z.boolean(),
});
export type Quote = z.infer<typeof quoteSchema>;

/** Where a receipt is: on paper, waiting in the queue (printer down), given up, or still going out. */
export const printResultSchema = z.object({
  status: z.enum(['printed', 'queued', 'failed', 'printing', 'none']),
  jobId: z.string().nullable(),
  copy: z.boolean(),
  errorKey: z.string().nullable(),
});
export type PrintResult = z.infer<typeof printResultSchema>;

const entryRef = z.object({ entryId: z.string().trim().min(1).max(64) }).strict();

export const paymentContract = {
  /** Who the participant is, how far they are covered, and which month counts they may pay now. */
  'payment.options': procedure({
    access: MONEY_ROLES,
    input: z.object({ participantId: participantIdSchema }).strict(),
    output: z.object({
      participant: payParticipantSchema,
      coverage: coverageSchema,
      currentMonth: month,
      /** Months that may be paid, oldest first (arrears first); n months pays the first n. */
      payableMonths: z.array(month),
      /** Every count 1..max that may be chosen, and the counter's usual offers (1, 3, 6, 12) among them. */
      counts: z.array(z.number().int()),
      offers: z.array(z.number().int()),
      reactivation: z.boolean(),
      /** Whether months paid elsewhere (central server) were merged in, or the server could not be asked. */
      central: z.enum(['merged', 'offline', 'off']),
    }),
  }),
  'payment.quote': procedure({
    access: MONEY_ROLES,
    input: z.object({ participantId: participantIdSchema, months: monthCountSchema }).strict(),
    output: quoteSchema,
  }),
  /** "Bayar": one transaction writes the entry, the months, the receipt and the audit row; then it prints. */
  'payment.create': procedure({
    access: MONEY_ROLES,
    mutates: true,
    input: z.object({
      participantId: participantIdSchema,
      months: monthCountSchema,
      cashTendered: cashSchema,
      /** The total the teller was shown; a different total now (rules changed) is refused. */
      expectedTotal: rupiah.optional(),
    }).strict(),
    output: z.object({
      entryId: z.string(),
      receiptNo: z.string(),
      months: z.array(month),
      total: rupiah,
      cashTendered: rupiah,
      change: rupiah,
      receipt: ReceiptDocSchema,
      cpl: z.number().int(),
      print: printResultSchema,
    }),
  }),
  /** "Cetak ulang": the receipt again, marked SALINAN. */
  'payment.reprint': procedure({
    access: MONEY_ROLES,
    mutates: true,
    input: entryRef,
    output: printResultSchema,
  }),
  'payment.printStatus': procedure({
    access: MONEY_ROLES,
    passive: true,
    input: entryRef,
    output: printResultSchema,
  }),
  /** The receipt as a PDF (a copy for the worker's e-mail or the archive), base64. */
  'payment.receiptPdf': procedure({
    access: MONEY_ROLES,
    input: entryRef,
    output: z.object({ filename: z.string(), base64: z.string() }),
  }),
  /** Reverses a payment of today with a VOID entry; a head approves with user name and PIN, at any session. */
  'payment.void': procedure({
    access: MONEY_ROLES,
    mutates: true,
    input: z.object({
      entryId: z.string().trim().min(1).max(64),
      reason: z.string().trim().min(3, { error: 'err.payment.reasonRequired' }).max(200, { error: 'err.payment.reasonTooLong' }),
      approval: approvalSchema,
    }).strict(),
    output: z.object({ voidEntryId: z.string(), receiptNo: z.string(), amount: rupiah, print: printResultSchema }),
  }),
} as const;

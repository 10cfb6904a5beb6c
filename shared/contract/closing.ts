import { z } from 'zod';
import { procedure } from './define';
import { approvalSchema, empty, pinSchema } from './common';
import { DENOMINATION_IDS } from '../domain/cash';

// Closing the day (DESIGN.md §4), the opening float and cash in/out. A head closes; a teller
// may move cash with a head's approval; a technician sees no money, so none of these.

const HEAD = ['head'] as const;
const MONEY = ['teller', 'head'] as const;

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'err.format' });
const rupiah = z.number().int().refine(Number.isSafeInteger);
/** Most cash a counter handles in one entry (Rp100 juta): a typo guard, not a business rule. */
const MAX_CASH = 100_000_000;

export const cashCountSchema = z.partialRecord(
  z.enum(DENOMINATION_IDS),
  z.number({ error: 'closing.err.countInteger' }).int({ error: 'closing.err.countInteger' })
    .min(0, { error: 'closing.err.countInteger' }).max(100_000, { error: 'closing.err.countTooBig' }),
);

export const expectedCashSchema = z.object({
  openingFloat: rupiah, cashPayments: rupiah, cashPaymentCount: z.number().int(), voidedCashPayments: rupiah,
  voidCount: z.number().int(), cashIn: rupiah, cashOut: rupiah, expected: rupiah, ignoredFloats: z.array(z.string()),
});

export const RECON_ROW_STATUSES = ['matched', 'onlyLocal', 'onlyCentral', 'different'] as const;
export const RECON_STATUSES = ['reconciled', 'differences', 'unreconciled'] as const;

const side = z.object({ kind: z.string(), amount: rupiah, hash: z.string() });
export const reconRowSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  status: z.enum(RECON_ROW_STATUSES),
  local: side.nullable(),
  central: side.nullable(),
  /** Only here at first: put back in the outbox and pushed again before the re-check. */
  pushedAgain: z.boolean(),
});
export type ReconRow = z.infer<typeof reconRowSchema>;

const sideTotal = z.object({ count: z.number().int(), amount: rupiah });
export const kindTotalSchema = z.object({ kind: z.string(), local: sideTotal, central: sideTotal });
/** Program amounts; central's are known for entries it holds identically, the rest is UNATTRIBUTED. */
export const programTotalSchema = z.object({ program: z.enum(['JKK', 'JKM', 'JHT', 'UNATTRIBUTED']), local: rupiah, central: rupiah });

export const reconciliationSchema = z.object({
  businessDate: isoDate,
  status: z.enum(RECON_STATUSES),
  at: z.string(),
  /** Why unreconciled (i18n key), e.g. the central server could not be reached. */
  reasonKey: z.string().nullable(),
  counts: z.object({ matched: z.number().int(), onlyLocal: z.number().int(), onlyCentral: z.number().int(), different: z.number().int() }),
  rows: z.array(reconRowSchema),
  perKind: z.array(kindTotalSchema),
  perProgram: z.array(programTotalSchema),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

const pushProgress = z.object({
  running: z.boolean(), done: z.boolean(), total: z.number().int(), waiting: z.number().int(), sent: z.number().int(),
  online: z.boolean(), error: z.string().nullable(),
});

const countResult = z.object({
  businessDate: isoDate,
  counted: rupiah,
  lines: z.array(z.object({ id: z.enum(DENOMINATION_IDS), value: rupiah, form: z.enum(['note', 'coin']), count: z.number().int(), subtotal: rupiah })),
  expected: expectedCashSchema,
  difference: rupiah,
});

export const closingSummarySchema = z.object({
  businessDate: isoDate,
  entryId: z.string(),
  closingNo: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
  counted: rupiah,
  expected: rupiah,
  difference: rupiah,
  reason: z.string().nullable(),
  reconStatus: z.enum(RECON_STATUSES),
  centralClosingId: z.string().nullable(),
  ackedAt: z.string().nullable(),
  pdfSaved: z.boolean(),
});
export type ClosingSummary = z.infer<typeof closingSummarySchema>;

const printResult = z.object({ printed: z.boolean(), errorKey: z.string().nullable() });

export const closingContract = {
  /** Modal awal: the cash the drawer starts the day with, once per day. */
  'cash.openingFloat': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({ amount: z.number({ error: 'closing.err.amount' }).int({ error: 'closing.err.amount' }).min(0, { error: 'closing.err.amount' }).max(MAX_CASH, { error: 'closing.err.amountTooBig' }) }).strict(),
    output: z.object({ entryId: z.string(), amount: rupiah, businessDate: isoDate }),
  }),
  /** Kas masuk / kas keluar with a reason; a head approves with user name and PIN, at any session. */
  'cash.move': procedure({
    access: MONEY,
    mutates: true,
    input: z.object({
      direction: z.enum(['IN', 'OUT']),
      amount: z.number({ error: 'closing.err.amount' }).int({ error: 'closing.err.amount' }).min(1, { error: 'closing.err.amount' }).max(MAX_CASH, { error: 'closing.err.amountTooBig' }),
      reason: z.string().trim().min(3, { error: 'closing.err.reasonShort' }).max(200, { error: 'closing.err.reasonLong' }),
      approval: approvalSchema,
    }).strict(),
    output: z.object({ entryId: z.string(), kind: z.enum(['CASH_IN', 'CASH_OUT']), amount: rupiah, businessDate: isoDate }),
  }),
  /** The day's closing state, a running push, and closings the central server has not acknowledged. */
  'closing.status': procedure({
    access: MONEY,
    passive: true,
    input: empty,
    output: z.object({
      businessDate: isoDate,
      dayState: z.enum(['OPEN', 'CLOSING', 'CLOSED']),
      closingStartedAt: z.string().nullable(),
      openingFloat: rupiah.nullable(),
      unacked: z.array(z.object({ businessDate: isoDate, entryId: z.string() })),
    }),
  }),
  /** OPEN → CLOSING: tellers can no longer record on the day; what waits is pushed. */
  'closing.start': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({ businessDate: isoDate.optional() }).strict(),
    output: z.object({ businessDate: isoDate, state: z.literal('CLOSING'), waiting: z.number().int() }),
  }),
  'closing.progress': procedure({
    access: HEAD,
    passive: true,
    input: empty,
    output: z.object({ businessDate: isoDate, state: z.enum(['OPEN', 'CLOSING', 'CLOSED']), push: pushProgress }),
  }),
  /** Compares the day entry by entry with the central server's day summary. */
  'closing.reconcile': procedure({
    access: HEAD,
    mutates: true,
    input: empty,
    output: reconciliationSchema,
  }),
  /** The blind count: the expected cash comes back only with the counted total. */
  'closing.count': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({ counts: cashCountSchema }).strict(),
    output: countResult,
  }),
  /** Head's PIN: the CLOSING entry and the closed day in one transaction; then report, PDF, central. */
  'closing.confirm': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({
      counts: cashCountSchema,
      reason: z.string().trim().max(500, { error: 'closing.err.reasonLong' }).optional(),
      pin: pinSchema,
    }).strict(),
    output: closingSummarySchema.extend({ printed: z.boolean(), printErrorKey: z.string().nullable() }),
  }),
  /** CLOSING → OPEN before the confirmation. */
  'closing.cancel': procedure({
    access: HEAD,
    mutates: true,
    input: empty,
    output: z.object({ businessDate: isoDate, state: z.literal('OPEN') }),
  }),
  'closing.history': procedure({
    access: HEAD,
    input: z.object({ limit: z.number().int().min(1).max(366).default(60) }).strict(),
    output: z.object({ closings: z.array(closingSummarySchema) }),
  }),
  /** The saved PDF of a closing report (rebuilt when the file is missing), as base64. */
  'closing.reportPdf': procedure({
    access: HEAD,
    input: z.object({ businessDate: isoDate }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  /** Prints a closing report again (marked SALINAN). */
  'closing.print': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({ businessDate: isoDate }).strict(),
    output: printResult,
  }),
  /** Mid-day X report: the same expected-cash function, no closing. */
  'closing.xReport': procedure({
    access: HEAD,
    mutates: true,
    input: z.object({ print: z.boolean().default(false) }).strict(),
    output: z.object({
      businessDate: isoDate, at: z.string(), dayState: z.enum(['OPEN', 'CLOSING', 'CLOSED']),
      expected: expectedCashSchema,
      perKind: z.array(z.object({ kind: z.string(), count: z.number().int(), amount: rupiah })),
      print: printResult.nullable(),
    }),
  }),
} as const;

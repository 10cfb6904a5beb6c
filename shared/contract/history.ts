import { z } from 'zod';
import { procedure } from './define';
import { MONEY_ROLES } from '../roles';
import { ENTRY_KINDS } from '../ledger/entry';
import { ReceiptDocSchema } from '../receipts/layout';
import { printResultSchema } from './payment';

// Riwayat: the counter's ledger entries, today's and earlier, filtered and searched; one
// entry opened with its receipt; the filtered list as CSV (NIK masked).

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'err.history.date' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const historyFilterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  userId: z.string().trim().max(64).optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  /** Receipt number, participant name, NIK or KPJ (part of it). */
  q: z.string().trim().max(100, { error: 'err.history.searchTooLong' }).optional(),
}).strict().refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'err.history.range', path: ['to'] });
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historyRowSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  businessDate: z.string(),
  createdAt: z.string(),
  userId: z.string(),
  userName: z.string(),
  participantId: z.string().nullable(),
  participantName: z.string().nullable(),
  nikMasked: z.string().nullable(),
  kpj: z.string().nullable(),
  amount: z.number().int(),
  receiptNo: z.string().nullable(),
  refEntryId: z.string().nullable(),
  refReceiptNo: z.string().nullable(),
  /** The VOID that reversed this entry, when there is one. */
  voidedBy: z.object({ id: z.string(), receiptNo: z.string().nullable() }).nullable(),
  months: z.object({ from: month, to: month, count: z.number().int() }).nullable(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

const listInput = z.object({
  filter: historyFilterSchema.default({}),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
}).strict();

export const historyContract = {
  'history.list': procedure({
    access: MONEY_ROLES,
    input: listInput,
    output: z.object({
      rows: z.array(historyRowSchema),
      total: z.number().int(),
      totalAmount: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      /** Who may be picked in the teller filter. */
      users: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
      today: z.string(),
    }),
  }),
  'history.get': procedure({
    access: MONEY_ROLES,
    input: z.object({ id: z.string().trim().min(1).max(64) }).strict(),
    output: z.object({
      row: historyRowSchema,
      monthList: z.array(month),
      programs: z.array(z.object({ code: z.string(), amount: z.number().int() })),
      reductions: z.array(z.object({ regulation: z.string(), amount: z.number().int() })),
      cashTendered: z.number().int().nullable(),
      change: z.number().int().nullable(),
      reason: z.string().nullable(),
      approvedBy: z.string().nullable(),
      receipt: ReceiptDocSchema.nullable(),
      cpl: z.number().int(),
      print: printResultSchema,
      canVoid: z.boolean(),
      /** Why it cannot be voided (an i18n key), when it cannot. */
      voidBlockedKey: z.string().nullable(),
      canReprint: z.boolean(),
    }),
  }),
  /** The filtered list as CSV text (NIK masked); the UI saves it as a file. */
  'history.exportCsv': procedure({
    access: MONEY_ROLES,
    mutates: true,
    input: z.object({ filter: historyFilterSchema.default({}) }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  }),
} as const;

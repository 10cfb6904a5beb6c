import { z } from 'zod';

// The ledger entry exactly as it is stored in `ledger_entries` (DESIGN.md §2, §9) and sent to
// the central server. Columns hold only TEXT, INTEGER or NULL; structured values are JSON text.

export const ENTRY_KINDS = [
  'REGISTRATION', 'CONTRIBUTION', 'VOID', 'OPENING_FLOAT', 'CASH_IN', 'CASH_OUT', 'CLOSING', 'CLAIM_SUBMITTED',
  // A new version of a participant's personal data, and its erasure (issue 16): no money.
  'PARTICIPANT_CORRECTION', 'PARTICIPANT_ERASURE',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const PROGRAMS = ['JKK', 'JKM', 'JHT'] as const;
export type Program = (typeof PROGRAMS)[number];

export const PAYMENT_METHODS = ['CASH'] as const;

const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'err.ulid' });
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const safeInt = z.number().int().refine(Number.isSafeInteger);

export const ledgerEntryRowSchema = z.object({
  id: ulid,
  counter_id: z.string().min(1).max(64),
  seq: safeInt.min(1),
  kind: z.enum(ENTRY_KINDS),
  business_date: isoDate,
  created_at: z.string().min(20).max(40), // UTC instant, ISO 8601 with Z
  branch_code: z.string().min(1).max(32),
  user_id: z.string().min(1).max(64),
  participant_id: z.string().max(64).nullable(),
  amount: safeInt, // signed integer rupiah: a VOID carries the negative of what it reverses
  breakdown: z.string().max(100_000).nullable(), // JSON text: per-program amounts, months, reduction lines
  payment_method: z.enum(PAYMENT_METHODS).nullable(),
  receipt_no: z.string().max(64).nullable(),
  ref_entry_id: ulid.nullable(), // the entry a VOID reverses
  payload: z.string().max(1_000_000).nullable(), // JSON text: kind-specific details
  prev_hash: hex64,
  hash: hex64,
});
export type LedgerEntryRow = z.infer<typeof ledgerEntryRowSchema>;

/** The hash of the first entry's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

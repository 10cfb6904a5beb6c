import { z } from 'zod';
import { procedure } from './define';
import { approvalSchema } from './common';
import { isRealIsoDate, participantViewSchema, personName, phoneFieldSchema } from './registration';
import { CORRECTABLE_FIELDS } from '../protocol/personal-data';
import { ReceiptDocSchema } from '../receipts/layout';

// A participant's personal data after registration (issue 16, UU 27/2022): correction with the
// worker present and a head's approval, and erasure where BPJS orders it. Each writes a ledger
// entry (a commitment, who, why; never the data) and a new version of the data, in one transaction.

const TELLER = ['teller', 'head'] as const;

/** The fields a teller may correct, each as the registration form checks it. Absent = unchanged. */
export const correctionChangesSchema = z.object({
  name: personName('name').optional(),
  birthPlace: z.string().trim().min(2, { error: 'err.registration.birthPlaceRequired' }).max(60, { error: 'err.registration.tooLong' }).optional(),
  birthDate: z.string().refine(isRealIsoDate, { error: 'err.registration.birthDate' }).optional(),
  phone: phoneFieldSchema.optional(),
  address: z.string().trim().min(5, { error: 'err.registration.addressRequired' }).max(200, { error: 'err.registration.tooLong' }).optional(),
  motherName: personName('motherName').optional(),
}).strict();
export type CorrectionChanges = z.infer<typeof correctionChangesSchema>;

export const correctionInputSchema = z.object({
  participantId: z.string().trim().min(1).max(64),
  changes: correctionChangesSchema,
  reason: z.string().trim().min(3, { error: 'err.correction.reasonRequired' }).max(200, { error: 'err.registration.tooLong' }),
  approval: approvalSchema,
}).strict();

export const participantDataContract = {
  /** "Koreksi data peserta": a new version of the data; the old one stays in the audit trail. */
  'participants.correct': procedure({
    access: TELLER,
    mutates: true,
    input: correctionInputSchema,
    output: z.object({
      participant: participantViewSchema,
      entryId: z.string(),
      version: z.number().int(),
      fields: z.array(z.enum(CORRECTABLE_FIELDS)),
    }),
  }),
  /** Erasure by BPJS's order (crypto-shredding): a head only, with their PIN again. */
  'participants.erase': procedure({
    access: ['head'],
    mutates: true,
    input: z.object({
      participantId: z.string().trim().min(1).max(64),
      order: z.string().trim().min(3, { error: 'err.erasure.orderRequired' }).max(200, { error: 'err.registration.tooLong' }),
      approval: approvalSchema,
    }).strict(),
    output: z.object({ participantId: z.string(), entryId: z.string(), versionsErased: z.number().int() }),
  }),
  /** "Data yang kami simpan": what the branch holds on the worker and what it was used for, as a receipt to preview. */
  'participants.dataReport': procedure({
    access: TELLER,
    input: z.object({ id: z.string().trim().min(1).max(64) }).strict(),
    output: z.object({ receipt: ReceiptDocSchema, cpl: z.number().int() }),
  }),
  /** The same, printed for the worker (an audited disclosure). */
  'participants.printDataReport': procedure({
    access: TELLER,
    mutates: true,
    input: z.object({ id: z.string().trim().min(1).max(64) }).strict(),
    output: z.object({ ok: z.boolean(), jobId: z.string().nullable(), errorKey: z.string().nullable() }),
  }),
} as const;

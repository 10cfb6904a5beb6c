import { z } from 'zod';
import { procedure } from './define';
import { BANK_CODES, CLAIM_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/claims';
import { CLAIM_STATUSES } from '../protocol/claims';
import { PROGRAMS } from '../ledger/entry';

// Claims intake (Klaim): the teller files a JHT, JKK or JKM claim for a participant with the
// documents shown and their scans, prints a tanda terima, and later looks up the status at
// central. The form schema is flat (one field per input) so field errors land next to inputs;
// what needs data (programs, today, regions, document lists, file bytes) the service checks.
// Error keys take no parameters: the router keeps only the key of a schema issue.

const TELLER = ['teller', 'head'] as const;

export const HEIR_RELATIONS = ['SPOUSE', 'CHILD', 'PARENT', 'SIBLING', 'OTHER'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const personName = (key: string) => z.string().trim()
  .min(2, { error: key })
  .max(100, { error: 'err.claims.tooLong' })
  .regex(/^[\p{L}][\p{L} .,'`-]*$/u, { error: 'err.claims.nameChars' });

/** Base64 of at most MAX_ATTACHMENT_BYTES bytes. */
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

export const attachmentInputSchema = z.object({
  fileName: z.string(),
  /** What the file picker said; the service checks the bytes too. */
  mimeType: z.string(),
  dataBase64: z.string(),
}).strict().superRefine((a, ctx) => {
  // Issues sit on the file itself (`attachments.2`), so the UI shows them next to that file.
  const fail = (key: string) => ctx.addIssue({ code: 'custom', path: [], message: key });
  const name = a.fileName.trim();
  if (name.length < 1 || name.length > 200) fail('err.claims.fileName');
  else if (a.mimeType.length > 100) fail('err.claims.fileType');
  else if (a.dataBase64.length > MAX_BASE64) fail('err.claims.fileTooBig');
  else if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.dataBase64)) fail('err.claims.fileData');
});
export type AttachmentInput = z.input<typeof attachmentInputSchema>;

const fieldsShape = {
  participantId: z.string().min(1, { error: 'err.claims.participantRequired' }).max(64, { error: 'err.claims.participantRequired' }),
  type: z.enum(CLAIM_TYPES, { error: 'err.claims.type' }),
  /** Ids of the documents the teller saw and ticked. */
  documents: z.array(z.string().max(40, { error: 'err.claims.documentUnknown' })).max(40, { error: 'err.claims.documentUnknown' }),
  accidentDate: z.string().max(10).optional(),
  accidentPlace: z.string().max(200, { error: 'err.claims.tooLong' }).optional(),
  deathDate: z.string().max(10).optional(),
  heirName: z.string().max(100, { error: 'err.claims.tooLong' }).optional(),
  heirNik: z.string().max(40, { error: 'err.claims.heirNik' }).optional(),
  heirRelation: z.string().max(16).optional(),
  heirPhone: z.string().max(30, { error: 'err.claims.heirPhone' }).optional(),
  bankCode: z.string().max(16).refine((c) => BANK_CODES.includes(c), { error: 'err.claims.bank' }),
  accountNumber: z.string().max(40, { error: 'err.claims.accountNumber' })
    .transform((s) => s.replace(/[\s.-]/g, ''))
    .pipe(z.string().regex(/^\d{6,20}$/, { error: 'err.claims.accountNumber' })),
  accountHolder: personName('err.claims.accountHolder'),
};

const fieldsObject = z.object(fieldsShape);
type Fields = z.output<typeof fieldsObject>;

/** Per claim type: JKK needs the accident's date and place; JKM the date of death and the heir. */
function perType(v: Fields, ctx: z.RefinementCtx): void {
  const need = (ok: boolean, path: keyof Fields, key: string) => { if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: key }); };
  if (v.type === 'JKK') {
    need(!!v.accidentDate && isRealIsoDate(v.accidentDate), 'accidentDate', 'err.claims.accidentDate');
    need((v.accidentPlace ?? '').trim().length >= 3, 'accidentPlace', 'err.claims.accidentPlace');
  }
  if (v.type === 'JKM') {
    need(!!v.deathDate && isRealIsoDate(v.deathDate), 'deathDate', 'err.claims.deathDate');
    need(personName('x').safeParse(v.heirName ?? '').success, 'heirName', 'err.claims.heirName');
    need(/^\d{16}$/.test((v.heirNik ?? '').replace(/[\s-]/g, '')), 'heirNik', 'err.claims.heirNik');
    need((HEIR_RELATIONS as readonly string[]).includes(v.heirRelation ?? ''), 'heirRelation', 'err.claims.heirRelation');
    need(/^[+\d][\d\s-]{7,19}$/.test(v.heirPhone ?? ''), 'heirPhone', 'err.claims.heirPhone');
  }
}

/** The form's fields without the files (the UI's resolver uses this one). */
export const claimFieldsSchema = z.object(fieldsShape).strict().superRefine(perType);
export type ClaimFields = z.input<typeof claimFieldsSchema>;

export const claimCreateSchema = z.object({
  ...fieldsShape,
  attachments: z.array(attachmentInputSchema)
    .min(1, { error: 'err.claims.noFiles' })
    .max(MAX_ATTACHMENTS, { error: 'err.claims.tooManyFiles' }),
}).strict().superRefine(perType);
export type ClaimCreateInput = z.input<typeof claimCreateSchema>;

// ---- outputs ---------------------------------------------------------------------------

const bilingual = z.object({ id: z.string(), en: z.string() });
const statusSchema = z.enum(CLAIM_STATUSES);

export const claimViewSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  entryId: z.string(),
  participantId: z.string(),
  participantName: z.string(),
  nik: z.string(),
  kpj: z.string().nullable(),
  type: z.enum(CLAIM_TYPES),
  documents: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({
    id: z.string(), fileName: z.string(), mimeType: z.string(), size: z.number().int(), sha256: z.string(),
  })),
  createdAt: z.string(),
  /** Null until central has taken the claim (it waits in the outbox while offline). */
  claimNumber: z.string().nullable(),
  status: statusSchema.nullable(),
  statusReason: z.string().nullable(),
  statusAt: z.string().nullable(),
  uploadedAt: z.string().nullable(),
});
export type ClaimView = z.infer<typeof claimViewSchema>;

export const claimPrintResultSchema = z.object({
  ok: z.boolean(),
  jobId: z.string().nullable(),
  /** i18n key of the printer problem, when printing failed (the claim stays saved). */
  errorKey: z.string().nullable(),
});
export type ClaimPrintResult = z.infer<typeof claimPrintResultSchema>;

const claimId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'err.claims.notFound' });

export const claimsContract = {
  /** The claim types the participant's programs allow, each with its document checklist. */
  'claims.types': procedure({
    access: TELLER,
    input: z.object({ participantId: z.string().min(1).max(64) }).strict(),
    output: z.object({
      participant: z.object({
        id: z.string(), name: z.string(), nik: z.string(), kpj: z.string().nullable(), birthDate: z.string(),
        age: z.number().int(), programs: z.array(z.enum(PROGRAMS)),
      }),
      types: z.array(z.object({
        type: z.enum(CLAIM_TYPES), allowed: z.boolean(), reasonKey: z.string().nullable(), label: bilingual,
        notes: z.array(bilingual.extend({ confidence: z.string() })),
        /** i18n keys of notes for this participant (e.g. JHT before 56). */
        noteKeys: z.array(z.string()),
        documents: z.array(z.object({ id: z.string(), required: z.boolean(), label: bilingual })),
      })),
      banks: z.array(z.object({ code: z.string(), name: z.string() })),
      relations: z.array(z.enum(HEIR_RELATIONS)),
      limits: z.object({ maxFiles: z.number().int(), maxBytes: z.number().int(), mimeTypes: z.array(z.string()) }),
      source: z.string(),
      confidence: z.string(),
    }),
  }),
  'claims.create': procedure({
    access: TELLER,
    mutates: true,
    input: claimCreateSchema,
    output: z.object({ claim: claimViewSchema, print: claimPrintResultSchema }),
  }),
  /** Prints the tanda terima: the first time as the original, afterwards as a copy (SALINAN). */
  'claims.print': procedure({
    access: TELLER,
    mutates: true,
    input: z.object({ claimId }).strict(),
    output: claimPrintResultSchema,
  }),
  /** Asks central for the claim's status (uploading it first if it still waits), stores it, optionally prints it. */
  'claims.status': procedure({
    access: TELLER,
    mutates: true,
    input: z.object({ claimId, print: z.boolean().optional() }).strict(),
    output: z.object({
      claim: claimViewSchema,
      history: z.array(z.object({ status: statusSchema, reason: z.string().nullable(), at: z.string() })),
      central: z.enum(['online', 'offline', 'notEnrolled']),
      print: claimPrintResultSchema.nullable(),
    }),
  }),
  'claims.list': procedure({
    access: TELLER,
    input: z.object({ participantId: z.string().min(1).max(64).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    output: z.object({ claims: z.array(claimViewSchema) }),
  }),
} as const;

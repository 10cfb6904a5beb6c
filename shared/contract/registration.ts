import { z } from 'zod';
import { procedure } from './define';
import { empty } from './common';
import { normalisePhone } from '../domain/phone';
import { occupationCodeSchema } from '../domain/occupations';
import { PROGRAMS } from '../ledger/entry';

// Registration (Pendaftaran) and participant look-ups. The form schema is the one the UI's
// resolver and the service both validate with; the service adds what needs data it holds
// (regions, the NIK's facts, the rate table, duplicates here and at central).
// Error keys here take no parameters: the router keeps only the key of a schema issue.

const TELLER = ['teller', 'head'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isRealIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate() && y >= 1900;
}

/** 16 digits; spaces and dashes typed between groups are dropped first. */
export const nikFieldSchema = z.string()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string()
    .regex(/^\d*$/, { error: 'err.registration.nikDigits' })
    .length(16, { error: 'err.registration.nikLength' }));

/** A person's name as on the KTP: letters, spaces and the punctuation names carry. */
export const personName = (key: string) => z.string().trim()
  .min(2, { error: `err.registration.${key}Required` })
  .max(100, { error: 'err.registration.tooLong' })
  .regex(/^[\p{L}][\p{L} .,'`-]*$/u, { error: 'err.registration.nameChars' });

const digits = (n: number, key: string) => z.string().regex(new RegExp(`^\\d{${n}}$`), { error: key });

export const phoneFieldSchema = z.string().superRefine((value, ctx) => {
  const r = normalisePhone(value);
  if (r.ok) return;
  const key = r.errors[0]?.key ?? 'err.phone.prefix';
  // err.phone.length carries numbers the schema cannot pass on: use the sentence without them.
  ctx.addIssue({ code: 'custom', message: key === 'err.phone.length' ? 'err.registration.phoneLength' : key });
});

export const registrationFormSchema = z.object({
  nik: nikFieldSchema,
  name: personName('name'),
  birthPlace: z.string().trim().min(2, { error: 'err.registration.birthPlaceRequired' }).max(60, { error: 'err.registration.tooLong' }),
  birthDate: z.string().refine(isRealIsoDate, { error: 'err.registration.birthDate' }),
  sex: z.enum(['M', 'F'], { error: 'err.registration.sex' }),
  motherName: personName('motherName'),
  phone: phoneFieldSchema,
  address: z.string().trim().min(5, { error: 'err.registration.addressRequired' }).max(200, { error: 'err.registration.tooLong' }),
  provinceCode: digits(2, 'err.registration.province'),
  regencyCode: digits(4, 'err.registration.regency'),
  districtCode: digits(6, 'err.registration.district'),
  villageCode: digits(10, 'err.registration.village'),
  occupationCode: z.string().min(1, { error: 'err.registration.occupation' }).pipe(occupationCodeSchema),
  /** The income band chosen; or leave it out and give the declared income. */
  incomeBand: z.number({ error: 'err.registration.incomeBand' }).int({ error: 'err.registration.incomeBand' }).min(1, { error: 'err.registration.incomeBand' }).optional(),
  declaredIncome: z.number({ error: 'err.registration.income' }).int({ error: 'err.registration.income' }).nonnegative({ error: 'err.registration.income' }).max(1_000_000_000_000, { error: 'err.registration.income' }).optional(),
  jht: z.boolean(),
}).strict().superRefine((v, ctx) => {
  if (v.incomeBand === undefined && v.declaredIncome === undefined) {
    ctx.addIssue({ code: 'custom', path: ['incomeBand'], message: 'err.registration.incomeBand' });
  }
  // Region codes nest: a village's code starts with its district's, and so on.
  const chain: [keyof typeof v, string | undefined, string | undefined][] = [
    ['regencyCode', v.provinceCode, v.regencyCode],
    ['districtCode', v.regencyCode, v.districtCode],
    ['villageCode', v.districtCode, v.villageCode],
  ];
  for (const [field, parent, child] of chain) {
    if (parent && child && !child.startsWith(parent)) ctx.addIssue({ code: 'custom', path: [field], message: 'err.registration.regionNesting' });
  }
});
export type RegistrationForm = z.input<typeof registrationFormSchema>;

// ---- outputs ---------------------------------------------------------------------------

export const participantViewSchema = z.object({
  id: z.string(),
  nik: z.string(),
  /** Null while the central server has not assigned it ("menunggu nomor KPJ"). */
  kpj: z.string().nullable(),
  name: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']).nullable(),
  motherName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  provinceCode: z.string().nullable(),
  regencyCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  villageCode: z.string().nullable(),
  occupationCode: z.string().nullable(),
  transport: z.boolean(),
  incomeBand: z.number().int().nullable(),
  declaredIncome: z.number().int().nullable(),
  programs: z.array(z.enum(PROGRAMS)),
  /** 'local': registered at this counter; 'central': found at the central server. */
  origin: z.enum(['local', 'central']),
  registeredBranchCode: z.string().nullable(),
  registeredBranchName: z.string().nullable(),
  registeredAt: z.string(),
  registrationEntryId: z.string().nullable(),
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

/** What asking the central server gave: online, offline, not enrolled, or not asked. */
export const centralStateSchema = z.enum(['online', 'offline', 'notEnrolled', 'notAsked']);
export type CentralState = z.infer<typeof centralStateSchema>;

/** A worker already registered: where (this counter's store, or central) and when. */
export const existingParticipantSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  nik: z.string(),
  kpj: z.string().nullable(),
  foundAt: z.enum(['local', 'central']),
  branchCode: z.string().nullable(),
  branchName: z.string().nullable(),
  registeredAt: z.string(),
});
export type ExistingParticipant = z.infer<typeof existingParticipantSchema>;

const issueSchema = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const nikCheckSchema = z.object({
  nik: z.string(),
  ok: z.boolean(),
  /** Errors shown next to the NIK field. */
  errors: z.array(issueSchema),
  warnings: z.array(issueSchema),
  facts: z.object({
    provinceCode: z.string(), provinceName: z.string().nullable(),
    regencyCode: z.string(), regencyName: z.string().nullable(),
    districtCode: z.string(), districtName: z.string().nullable(),
    birthDate: z.string(), sex: z.enum(['M', 'F']), centuryGuessed: z.boolean(),
  }).nullable(),
  existing: existingParticipantSchema.nullable(),
  central: centralStateSchema,
});
export type NikCheck = z.infer<typeof nikCheckSchema>;

const rupiah = z.number().int();
export const quoteSchema = z.object({
  month: z.string(),
  band: z.object({ no: z.number().int(), dpp: rupiah, incomeFrom: rupiah, incomeTo: rupiah.nullable() }),
  transport: z.boolean(),
  programs: z.array(z.object({ code: z.enum(PROGRAMS), full: rupiah, reduction: rupiah, due: rupiah })),
  /** The reduction line (e.g. PP 50/2025), when the month has one. */
  reduction: z.object({ id: z.string(), regulation: z.string(), amount: rupiah }).nullable(),
  totalFull: rupiah,
  total: rupiah,
});
export type Quote = z.infer<typeof quoteSchema>;

export const printResultSchema = z.object({
  ok: z.boolean(),
  jobId: z.string().nullable(),
  /** i18n key of the printer problem, when printing failed (the registration stays saved). */
  errorKey: z.string().nullable(),
});

const quoteInput = z.object({
  incomeBand: z.number().int().min(1).optional(),
  declaredIncome: z.number().int().nonnegative().optional(),
  jht: z.boolean(),
  occupationCode: z.string().max(16).optional(),
}).strict();

const searchResultSchema = participantViewSchema.extend({
  /** Where the row came from: this counter's store or a look-up at central (not stored yet). */
  source: z.enum(['local', 'central']),
  match: z.enum(['nik', 'kpj', 'name', 'fuzzy']),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const registrationContract = {
  /** Checks a NIK as soon as it is typed: its facts, and whether the worker is registered already. */
  'registration.checkNik': procedure({
    access: TELLER,
    input: z.object({ nik: z.string().max(40), birthDate: z.string().max(10).optional() }).strict(),
    output: nikCheckSchema,
  }),
  /** The monthly contribution for the current month, per program, with any reduction line. */
  'registration.quote': procedure({
    access: TELLER,
    input: quoteInput,
    output: quoteSchema,
  }),
  /** Income bands of the current month, for the band select. */
  'registration.bands': procedure({
    access: TELLER,
    input: empty,
    output: z.object({ month: z.string(), bands: z.array(z.object({ no: z.number().int(), incomeFrom: rupiah, incomeTo: rupiah.nullable(), dpp: rupiah })) }),
  }),
  'registration.create': procedure({
    access: TELLER,
    mutates: true,
    input: registrationFormSchema,
    output: z.object({
      participant: participantViewSchema,
      entryId: z.string(),
      reference: z.string(),
      quote: quoteSchema,
      /** Not errors: e.g. the NIK was issued in another regency than the address. */
      notes: z.array(issueSchema),
      print: printResultSchema,
    }),
  }),
  /** Prints the registration receipt again (a copy says SALINAN). */
  'registration.print': procedure({
    access: TELLER,
    mutates: true,
    input: z.object({ participantId: z.string().min(1).max(64) }).strict(),
    output: printResultSchema,
  }),
  'participants.search': procedure({
    access: TELLER,
    input: z.object({ query: z.string().trim().min(1, { error: 'err.registration.searchEmpty' }).max(100), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ results: z.array(searchResultSchema), central: centralStateSchema }),
  }),
  'participants.get': procedure({
    access: TELLER,
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: participantViewSchema,
  }),
  /** Stores a participant found only at central (origin 'central') so a payment can be taken here. */
  'participants.adopt': procedure({
    access: TELLER,
    mutates: true,
    input: z.union([
      z.object({ nik: z.string().regex(/^\d{16}$/, { error: 'err.registration.nikLength' }) }).strict(),
      z.object({ kpj: z.string().regex(/^\d{11}$/, { error: 'err.registration.kpjFormat' }) }).strict(),
    ]),
    output: participantViewSchema,
  }),
  /** Children of a region code for the picker: '' → provinces, 2 digits → regencies, 4 → districts, 6 → villages. */
  'regions.list': procedure({
    access: TELLER,
    input: z.object({ parent: z.string().regex(/^(|\d{2}|\d{4}|\d{6})$/, { error: 'err.registration.regionParent' }).default('') }).strict(),
    output: z.object({
      level: z.enum(['province', 'regency', 'district', 'village']),
      items: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
  }),
  'occupations.list': procedure({
    access: TELLER,
    input: empty,
    output: z.object({
      groups: z.array(z.object({
        code: z.string(), id: z.string(), en: z.string(),
        items: z.array(z.object({ code: z.string(), id: z.string(), en: z.string(), transport: z.boolean() })),
      })),
    }),
  }),
} as const;

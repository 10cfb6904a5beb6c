import { z } from 'zod';
import type { Lang } from '../dates';
import { PROGRAMS, type Program } from '../ledger/entry';
import claimData from '../../resources/claims/documents.json' with { type: 'json' };

// Claims (Klaim) at the counter: which claim types a participant's programs allow, which
// documents each type asks for, and what an attachment may be. The document lists are data
// (resources/claims/documents.json, confidence L–M: compiled from BPJS Ketenagakerjaan's public
// claim pages, not from DOMAIN.md); this module only reads and checks them.

export const CLAIM_TYPES = ['JHT', 'JKK', 'JKM'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) });
const documentSchema = z.object({
  id: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  required: z.boolean(),
  label: bilingual,
});
const typeSchema = z.object({
  type: z.enum(CLAIM_TYPES),
  label: bilingual,
  program: z.enum(PROGRAMS),
  notes: z.array(bilingual.extend({ confidence: z.enum(['H', 'M', 'L', 'L-M', 'M-H']) })),
  documents: z.array(documentSchema).min(1),
}).refine((t) => new Set(t.documents.map((d) => d.id)).size === t.documents.length, { message: 'document ids must be unique per type' });

export const claimReferenceSchema = z.object({
  source: z.string().min(10),
  confidence: z.enum(['H', 'M', 'L', 'L-M', 'M-H']),
  note: z.string().optional(),
  banks: z.array(z.object({ code: z.string().regex(/^[A-Z0-9_]{2,16}$/), name: z.string().min(2) })).min(1),
  types: z.array(typeSchema),
}).refine((r) => CLAIM_TYPES.every((t) => r.types.filter((x) => x.type === t).length === 1), { message: 'each claim type exactly once' });

export type ClaimReference = z.infer<typeof claimReferenceSchema>;
export type ClaimDocument = z.infer<typeof documentSchema>;
export type ClaimTypeInfo = z.infer<typeof typeSchema>;

export const claimReference: ClaimReference = claimReferenceSchema.parse(claimData);
export const BANK_CODES = claimReference.banks.map((b) => b.code);

export function claimTypeInfo(type: ClaimType, ref: ClaimReference = claimReference): ClaimTypeInfo {
  return ref.types.find((t) => t.type === type)!;
}

export function bankName(code: string, ref: ClaimReference = claimReference): string | undefined {
  return ref.banks.find((b) => b.code === code)?.name;
}

export function documentLabel(type: ClaimType, id: string, lang: Lang, ref: ClaimReference = claimReference): string {
  return claimTypeInfo(type, ref).documents.find((d) => d.id === id)?.label[lang] ?? id;
}

export interface ClaimTypeAllowance { type: ClaimType; allowed: boolean; reasonKey: string | null }

/**
 * Which claim types a participant's programs allow (DOMAIN.md §1): JKK and JKM are mandatory
 * for every BPU, so always; JHT only when JHT is among their programs. Eligibility details
 * (JHT paid out at 56, …) are notes for the teller, not refusals: central decides.
 */
export function claimTypesFor(programs: readonly Program[]): ClaimTypeAllowance[] {
  return CLAIM_TYPES.map((type) => {
    const allowed = type !== 'JHT' || programs.includes('JHT');
    return { type, allowed, reasonKey: allowed ? null : 'err.claims.typeNotAllowed' };
  });
}

export function isClaimTypeAllowed(type: ClaimType, programs: readonly Program[]): boolean {
  return claimTypesFor(programs).some((t) => t.type === type && t.allowed);
}

/** Required documents of the type that were not ticked. Unknown ids are listed too (as `unknown`). */
export function checkDocuments(type: ClaimType, ticked: readonly string[]): { missing: string[]; unknown: string[] } {
  const docs = claimTypeInfo(type).documents;
  return {
    missing: docs.filter((d) => d.required && !ticked.includes(d.id)).map((d) => d.id),
    unknown: ticked.filter((id) => !docs.some((d) => d.id === id)),
  };
}

// ---- attachments ------------------------------------------------------------------------

export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 8;

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** The type the file's first bytes say it is (JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, PDF %PDF-), or null. */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 5 && startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** What is wrong with one attachment, as an i18n key, or null when it may go. */
export function attachmentProblem(declared: string, bytes: Uint8Array): string | null {
  if (!(ATTACHMENT_MIME_TYPES as readonly string[]).includes(declared)) return 'err.claims.fileType';
  if (bytes.length === 0) return 'err.claims.fileEmpty';
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'err.claims.fileTooBig';
  if (sniffMime(bytes) !== declared) return 'err.claims.fileContent';
  return null;
}

/** Age in whole years on a date (both `YYYY-MM-DD`); for the JHT-at-56 note. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** JHT pays out in full at 56 (DOMAIN.md §4, M): below it the teller sees a note, not a refusal. */
export const JHT_FULL_AGE = 56;

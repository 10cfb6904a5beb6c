import { createHash } from 'node:crypto';
import { claimCreateSchema, type ClaimCreateInput } from '../../../shared/contract/claims';
import { attachmentProblem, checkDocuments, isClaimTypeAllowed, type AttachmentMime, type ClaimType } from '../../../shared/domain/claims';
import { parseNik, type NikRegionLookup } from '../../../shared/domain/nik';
import { normalisePhone } from '../../../shared/domain/phone';
import { AppError, fieldErrorsFromZod, type FieldError } from '../../../shared/errors';
import type { ClaimDetails } from '../../../shared/protocol/claims';
import { programsOf, type ParticipantRow } from '../participants/repo';

// What the schema cannot check: the participant's programs allow the type, every required
// document was ticked, dates are not after today, the heir's NIK reads as a NIK, and each file
// is what it claims to be (by its first bytes) and not too big.

export interface ValidFile { fileName: string; mimeType: AttachmentMime; bytes: Buffer; size: number; sha256: string }
export interface ValidClaim { type: ClaimType; participant: ParticipantRow; documents: string[]; details: ClaimDetails; files: ValidFile[] }

export function validateClaim(input: unknown, ctx: {
  participant: (id: string) => ParticipantRow | null; today: string; regions: NikRegionLookup;
}): ValidClaim {
  const parsed = claimCreateSchema.safeParse(input);
  if (!parsed.success) {
    // A file's problem belongs to the file (`attachments.2`), whichever of its parts the schema named.
    const fields = fieldErrorsFromZod(parsed.error).map((f) => ({ ...f, path: f.path.replace(/^(attachments\.\d+)\..*$/, '$1') }));
    throw new AppError('INVALID_INPUT', fields[0]?.key ?? 'err.invalid', undefined, fields);
  }
  const v = parsed.data;
  const participant = ctx.participant(v.participantId);
  if (!participant) throw new AppError('NOT_FOUND', 'err.claims.participantNotFound', undefined, [{ path: 'participantId', key: 'err.claims.participantNotFound' }]);
  if (!isClaimTypeAllowed(v.type, programsOf(participant))) {
    throw new AppError('INVALID_INPUT', 'err.claims.typeNotAllowed', { type: v.type }, [{ path: 'type', key: 'err.claims.typeNotAllowed', params: { type: v.type } }]);
  }

  const fields: FieldError[] = [];
  const docs = checkDocuments(v.type, v.documents);
  if (docs.unknown.length) fields.push({ path: 'documents', key: 'err.claims.documentUnknown' });
  else if (docs.missing.length) fields.push({ path: 'documents', key: 'err.claims.documentsMissing', params: { count: docs.missing.length } });

  const notFuture = (date: string | undefined, path: string) => {
    if (date && date > ctx.today) fields.push({ path, key: 'err.claims.dateFuture' });
    else if (date && date < participant.birth_date) fields.push({ path, key: 'err.claims.dateBeforeBirth' });
  };
  const details: ClaimDetails = { bank: { code: v.bankCode, accountNumber: v.accountNumber, holder: v.accountHolder } };
  if (v.type === 'JKK') {
    notFuture(v.accidentDate, 'accidentDate');
    details.accident = { date: v.accidentDate!, place: v.accidentPlace!.trim() };
  }
  if (v.type === 'JKM') {
    notFuture(v.deathDate, 'deathDate');
    const nik = parseNik(v.heirNik!, { regions: ctx.regions, today: ctx.today });
    if (!nik.ok) fields.push({ path: 'heirNik', key: nik.errors[0].key, params: nik.errors[0].params });
    else if (nik.nik === participant.nik) fields.push({ path: 'heirNik', key: 'err.claims.heirIsParticipant' });
    const phone = normalisePhone(v.heirPhone!);
    if (!phone.ok) fields.push({ path: 'heirPhone', key: 'err.claims.heirPhone' });
    details.death = {
      date: v.deathDate!,
      heir: { name: v.heirName!.trim(), nik: nik.ok ? nik.nik : '', relation: v.heirRelation!, phone: phone.ok ? phone.e164 : '' },
    };
  }

  const files = v.attachments.map((a, i): ValidFile | null => {
    const bytes = Buffer.from(a.dataBase64, 'base64');
    const problem = attachmentProblem(a.mimeType, bytes);
    if (problem) {
      fields.push({ path: `attachments.${i}`, key: problem, params: { name: a.fileName } });
      return null;
    }
    return { fileName: a.fileName, mimeType: a.mimeType as AttachmentMime, bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });

  if (fields.length) throw new AppError('INVALID_INPUT', fields[0].key, fields[0].params, fields);
  return { type: v.type, participant, documents: [...new Set(v.documents)], details, files: files as ValidFile[] };
}

export type { ClaimCreateInput };

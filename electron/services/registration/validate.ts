import { registrationFormSchema, type Quote } from '../../../shared/contract/registration';
import { crossCheckNik, parseNik, type NikIssue, type ParsedNik } from '../../../shared/domain/nik';
import { normalisePhone } from '../../../shared/domain/phone';
import type { RegionLookup } from '../../../shared/domain/regions';
import { AppError, invalidInput, type FieldError } from '../../../shared/errors';
import type { z } from 'zod';
import { quoteMonth } from './quote';

// The service's own check of a registration, whatever the UI let through: the same zod schema,
// then what needs data: the NIK's parts against the region list and today's date, the NIK
// against the typed birth date and sex (a contradiction is an error next to that field), the
// address's region codes down to the village, the phone in E.164, the band in the rate table.

export type ValidForm = z.output<typeof registrationFormSchema>;

export interface ValidRegistration {
  form: ValidForm;
  nik: ParsedNik;
  phoneE164: string;
  quote: Quote;
  /** Not errors: the NIK was issued in another regency than the address, a pre-2022 Papua code. */
  notes: NikIssue[];
}

export function validateRegistration(input: unknown, ctx: { regions: RegionLookup; today: string }): ValidRegistration {
  const parsed = registrationFormSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const form = parsed.data;
  const fields: FieldError[] = [];

  const nik = parseNik(form.nik, { regions: ctx.regions, today: ctx.today, typedBirthDate: form.birthDate });
  if (!nik.ok) for (const e of nik.errors) fields.push({ path: 'nik', key: e.key, params: e.params });

  if (form.birthDate > ctx.today) fields.push({ path: 'birthDate', key: 'err.registration.birthFuture' });

  const notes: NikIssue[] = [];
  if (nik.ok) {
    notes.push(...nik.warnings);
    for (const flag of crossCheckNik(nik, { birthDate: form.birthDate, sex: form.sex, regencyCode: form.regencyCode })) {
      if (flag.severity === 'info') notes.push({ key: flag.key, params: flag.params });
      else fields.push({ path: flag.field, key: flag.key, params: flag.params });
    }
  }

  const { regions } = ctx;
  if (!regions.province(form.provinceCode)) fields.push({ path: 'provinceCode', key: 'err.registration.province' });
  else if (regions.regency(form.regencyCode)?.provinceCode !== form.provinceCode) fields.push({ path: 'regencyCode', key: 'err.registration.regency' });
  else if (regions.district(form.districtCode)?.regencyCode !== form.regencyCode) fields.push({ path: 'districtCode', key: 'err.registration.district' });
  else if (!regions.villagesOf(form.districtCode).some((v) => v.code === form.villageCode)) fields.push({ path: 'villageCode', key: 'err.registration.village' });

  const phone = normalisePhone(form.phone);
  if (!phone.ok) for (const e of phone.errors) fields.push({ path: 'phone', key: e.key, params: e.params });

  let quote: Quote | null = null;
  try {
    quote = quoteMonth(form, ctx.today.slice(0, 7));
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields) throw e;
    fields.push(...e.fields);
  }

  if (fields.length > 0 || !nik.ok || !phone.ok || !quote) {
    throw new AppError('INVALID_INPUT', 'err.invalidInput', undefined, fields);
  }
  return { form, nik, phoneE164: phone.e164, quote, notes };
}

import type { NikIssue } from './nik';

// Indonesian mobile numbers, typed as 08…, +62 8… or 62 8…, stored as E.164 (+628…).
// Length is checked on the E.164 digits (62 + number, 10–15: E.164's own maximum is 15);
// the message tells the teller the same range in the 08… form they type.

export const PHONE_MIN_DIGITS = 10;
export const PHONE_MAX_DIGITS = 15;

export type PhoneResult = { ok: true; e164: string; local: string } | { ok: false; errors: NikIssue[] };

export function normalisePhone(input: string): PhoneResult {
  const compact = input.trim().replace(/[\s().-]/g, '');
  if (compact === '') return { ok: false, errors: [{ key: 'err.phone.required' }] };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, errors: [{ key: 'err.phone.chars' }] };

  let national: string;
  if (compact.startsWith('+62')) national = compact.slice(3);
  else if (compact.startsWith('+')) return { ok: false, errors: [{ key: 'err.phone.country' }] };
  else if (compact.startsWith('62')) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return { ok: false, errors: [{ key: 'err.phone.prefix' }] };
  // '+62 0812…' is a common mix-up of the two forms: accept it.
  if (national.startsWith('0')) national = national.slice(1);

  if (!national.startsWith('8')) return { ok: false, errors: [{ key: 'err.phone.mobile' }] };
  const digits = 2 + national.length;
  if (digits < PHONE_MIN_DIGITS || digits > PHONE_MAX_DIGITS) {
    return {
      ok: false,
      errors: [{
        key: 'err.phone.length',
        params: { min: PHONE_MIN_DIGITS - 1, max: PHONE_MAX_DIGITS - 1, length: national.length + 1 },
      }],
    };
  }
  return { ok: true, e164: `+62${national}`, local: `0${national}` };
}

import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { TimeZone } from '../../shared/dates';
import type { MessageParams } from '../../shared/errors';
import { isApiError } from '../api/client';
import { messageText } from '../i18n';

// Form errors are kept as message keys (zod's own, or a server key with its params encoded)
// and translated when drawn, so switching language re-words the errors already shown.

interface Coded { key: string; params?: MessageParams }

export function encodeMessage(m: Coded): string {
  return JSON.stringify(m);
}

/** The text for a react-hook-form error message: a plain key, or an encoded key + params. */
export function errorText(t: TFunction, message: string | undefined, zone: TimeZone): string | null {
  if (!message) return null;
  if (message.startsWith('{')) {
    try {
      const m = JSON.parse(message) as Coded;
      return messageText(t, m.key, m.params, zone);
    } catch { /* not ours: fall through */ }
  }
  return t(message);
}

/**
 * Puts a failed call's field errors on the form's fields. Returns the error that belongs to
 * no field (shown above the submit button), or null when every error found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  e: unknown, fields: readonly Path<T>[], setError: UseFormSetError<T>,
): Coded | null {
  if (!isApiError(e)) return { key: 'err.internal' };
  let focused = false;
  let placed = 0;
  for (const f of e.fields) {
    const name = fields.find((n) => n === f.path);
    if (!name) continue;
    setError(name, { type: 'server', message: encodeMessage({ key: f.key, params: f.params }) }, { shouldFocus: !focused });
    focused = true;
    placed++;
  }
  return placed > 0 && placed === e.fields.length ? null : { key: e.key, params: e.params };
}

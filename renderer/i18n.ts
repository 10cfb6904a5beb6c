import type { TFunction } from 'i18next';
import { createI18n } from '../shared/i18n';
import { ZONE_LABEL, zonedParts, type Lang, type TimeZone } from '../shared/dates';
import type { MessageParams } from '../shared/errors';

// The UI's one i18next instance over the shared messages; Indonesian until app.info says otherwise.
export const i18n = createI18n('id');

export function applyLanguage(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The text of an error or message key. Instants among the params (a lock-out's `until`) are
 * shown as HH:MM in the branch's zone with its label, the way the counter reads its clock.
 */
export function messageText(t: TFunction, key: string, params: MessageParams | undefined, zone: TimeZone): string {
  const shown: MessageParams = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    shown[k] = typeof v === 'string' && ISO_INSTANT.test(v) ? `${zonedParts(v, zone).time.slice(0, 5)} ${ZONE_LABEL[zone]}` : v;
  }
  return t(key, shown);
}

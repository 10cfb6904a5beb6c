import i18next, { type i18n as I18n } from 'i18next';
import { common } from './messages/common';
import { auth } from './messages/auth';
import { shell } from './messages/shell';
import { receipts } from './messages/receipts';
import { central } from './messages/central';
import { domain } from './messages/domain';
import { setup } from './messages/setup';
import { technician } from './messages/technician';
import { backup } from './messages/backup';
import { diagnostics } from './messages/diagnostics';
import { payment } from './messages/payment';
import { registration } from './messages/registration';
import { closing } from './messages/closing';
import { monitoring } from './messages/monitoring';
import { claims } from './messages/claims';
import { participantData } from './messages/participant-data';
import type { Lang } from '../dates';
import type { MessageParams } from '../errors';

// Every string a user sees lives in ./messages, one module per area, Indonesian first.
// A module exports { id, en } with the same shape (a unit test checks that).
export const MESSAGE_MODULES = { common, auth, shell, receipts, central, domain, setup, registration, payment, closing, technician, backup, diagnostics, monitoring, claims, participantData } as const;

type Tree = { [k: string]: string | Tree };

function deepMerge(target: Tree, source: Tree): Tree {
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'object' && typeof target[k] === 'object') deepMerge(target[k] as Tree, v);
    else target[k] = typeof v === 'object' ? deepMerge({}, v) : v;
  }
  return target;
}

export function resourcesFor(lang: Lang): Tree {
  const merged: Tree = {};
  for (const mod of Object.values(MESSAGE_MODULES)) deepMerge(merged, (mod as unknown as Record<Lang, Tree>)[lang]);
  return merged;
}

export const LANGS: readonly Lang[] = ['id', 'en'];

/** A ready i18next instance (synchronous init), Indonesian by default. */
export function createI18n(lang: Lang = 'id'): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'id',
    initAsync: false,
    resources: { id: { translation: resourcesFor('id') }, en: { translation: resourcesFor('en') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

let serverI18n: I18n | null = null;
/** Indonesian text of a message key, for logs and error bodies on the service side. */
export function messageId(key: string, params?: MessageParams): string {
  serverI18n ??= createI18n('id');
  return serverI18n.t(key, params ?? {});
}

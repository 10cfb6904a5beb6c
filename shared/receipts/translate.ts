import { receipts } from '../i18n/messages/receipts';
import type { Lang } from '../dates';
import type { MessageParams } from '../errors';

// Builders take any i18next-like `t`; without one they use this small lookup over the
// receipts module so a receipt can be built anywhere (tests, the print queue) with no i18n set up.

export type Translate = (key: string, params?: MessageParams) => string;

type Tree = { [k: string]: string | Tree };

// A receipt asks for the same few dozen keys every time: each language keeps what its keys resolved to.
const resolvedByLang: Record<Lang, Map<string, string | null>> = { id: new Map(), en: new Map() };

export function receiptTranslator(lang: Lang = 'id'): Translate {
  const root = receipts[lang] as unknown as Tree;
  const resolved = resolvedByLang[lang] ?? new Map<string, string | null>();
  const lookup = (key: string): string | null => {
    let node: string | Tree | undefined = root;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : null;
  };
  return (key, params) => {
    let text = resolved.get(key);
    if (text === undefined) resolved.set(key, (text = lookup(key)));
    if (text === null) return key;
    if (!text.includes('{{')) return text;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}

export interface ReceiptLangOptions {
  /** A translate function (e.g. i18next's `t`); wins over `lang`. */
  t?: Translate;
  /** Language of the labels (without `t`) and of month and date names; Indonesian by default. */
  lang?: Lang;
}

export function translatorOf(opts?: ReceiptLangOptions): Translate {
  return opts?.t ?? receiptTranslator(opts?.lang ?? 'id');
}

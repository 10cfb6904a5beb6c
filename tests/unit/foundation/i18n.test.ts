import { describe, expect, it } from 'vitest';
import { createI18n, MESSAGE_MODULES } from '../../../shared/i18n';

type Tree = { [k: string]: string | Tree };
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

describe('i18n', () => {
  it('every message module has the same keys in Indonesian and English', () => {
    for (const [name, mod] of Object.entries(MESSAGE_MODULES)) {
      const m = mod as unknown as { id: Tree; en: Tree };
      expect(keys(m.en).sort(), name).toEqual(keys(m.id).sort());
    }
  });
  it('is Indonesian by default, English on request', () => {
    expect(createI18n().t('signIn.wrongPin', { remaining: 3 })).toBe('PIN salah. Sisa percobaan: 3.');
    expect(createI18n('en').t('signIn.wrongPin', { remaining: 3 })).toBe('Wrong PIN. Attempts left: 3.');
  });
});

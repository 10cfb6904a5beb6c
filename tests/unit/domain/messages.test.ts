import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, resourcesFor } from '../../../shared/i18n';
import { domain } from '../../../shared/i18n/messages/domain';

type Tree = { [k: string]: string | Tree };
const shape = (t: Tree): unknown => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'string' ? 'string' : shape(v)]));
const lookup = (t: Tree, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], t);

// Every message key written in shared/domain must exist in both languages.
const domainDir = path.resolve(import.meta.dirname, '../../../shared/domain');
const usedKeys = [...new Set(readdirSync(domainDir).filter((f) => f.endsWith('.ts')).flatMap((f) =>
  [...readFileSync(path.join(domainDir, f), 'utf8').matchAll(/'((?:err|warn)\.[a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1])))];

describe('domain messages', () => {
  it('Indonesian and English have the same shape', () => {
    expect(shape(domain.en)).toEqual(shape(domain.id));
  });

  it('finds the keys the domain code uses', () => {
    expect(usedKeys).toEqual(expect.arrayContaining(['err.nik.length', 'err.nik.digits', 'warn.nik.sexFemale', 'err.phone.length', 'err.kpj.length']));
  });

  it.each(['id', 'en'] as const)('every key used in shared/domain is a message in %s', (lang) => {
    const res = resourcesFor(lang);
    const missing = usedKeys.filter((k) => typeof lookup(res, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('fills the parameters the domain passes', () => {
    const t = createI18n('id').t;
    expect(t('err.nik.length', { length: 15 })).toBe('NIK harus 16 angka; Anda mengetik 15.');
    expect(t('domain.reduction', { regulation: 'PP 50/2025' })).toBe('Keringanan PP 50/2025');
    expect(createI18n('en').t('err.kpj.length', { length: 10 })).toBe('A KPJ number has 11 digits; you typed 10.');
  });
});

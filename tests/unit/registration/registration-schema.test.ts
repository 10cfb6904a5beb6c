import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registrationFormSchema, phoneFieldSchema } from '../../../shared/contract/registration';
import { normalisePhone } from '../../../shared/domain/phone';
import { fieldErrorsFromZod } from '../../../shared/errors';
import { createI18n } from '../../../shared/i18n';
import { registration } from '../../../shared/i18n/messages/registration';
import { nameKey, nameKeySql } from '../../../electron/services/registration/name-key';
import { editDistance } from '../../../electron/services/registration/fuzzy';
import { classifyQuery } from '../../../electron/services/registration/search';
import { m0001 } from '../../../electron/services/db/migrations/0001-foundation';
import { m0002 } from '../../../electron/services/db/migrations/0002-ledger';
import { m0004 } from '../../../electron/services/db/migrations/0004-participants';
import { m0005 } from '../../../electron/services/db/migrations/0005-participant-search';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const valid = {
  nik: '3518011705900001', name: 'Budi Santoso', birthPlace: 'Nganjuk', birthDate: '1990-05-17', sex: 'M',
  motherName: 'Sri Wahyuni', phone: '081234567890', address: 'Jl. Merdeka 1', provinceCode: '35', regencyCode: '3518',
  districtCode: '351801', villageCode: '3518012001', occupationCode: 'TRD01', incomeBand: 1, jht: false,
};

function errorsOf(input: unknown) {
  const r = registrationFormSchema.safeParse(input);
  return r.success ? [] : fieldErrorsFromZod(r.error).map((e) => `${e.path}:${e.key}`);
}

describe('registration form schema', () => {
  it('accepts a complete form, and a NIK typed with spaces', () => {
    expect(errorsOf(valid)).toEqual([]);
    expect(registrationFormSchema.parse({ ...valid, nik: '3518 0117 0590 0001' }).nik).toBe('3518011705900001');
    expect(errorsOf({ ...valid, incomeBand: undefined, declaredIncome: 2_500_000 })).toEqual([]);
  });

  it.each([
    [{ nik: '351801170590000' }, 'nik:err.registration.nikLength'],
    [{ nik: '35180117059000011' }, 'nik:err.registration.nikLength'],
    [{ nik: '35180117059O0001' }, 'nik:err.registration.nikDigits'],
    [{ name: 'B' }, 'name:err.registration.nameRequired'],
    [{ name: '4 Budi' }, 'name:err.registration.nameChars'],
    [{ motherName: '' }, 'motherName:err.registration.motherNameRequired'],
    [{ birthDate: '1990-02-30' }, 'birthDate:err.registration.birthDate'],
    [{ birthDate: '17/05/1990' }, 'birthDate:err.registration.birthDate'],
    [{ sex: 'L' }, 'sex:err.registration.sex'],
    [{ phone: '' }, 'phone:err.phone.required'],
    [{ phone: '+6512345678' }, 'phone:err.phone.country'],
    [{ phone: '0212345678' }, 'phone:err.phone.mobile'],
    [{ phone: '08123' }, 'phone:err.registration.phoneLength'],
    [{ address: 'Jl' }, 'address:err.registration.addressRequired'],
    [{ regencyCode: '3273' }, 'regencyCode:err.registration.regionNesting'],
    [{ villageCode: '35180120' }, 'villageCode:err.registration.village'],
    [{ occupationCode: 'ZZZ01' }, 'occupationCode:err.occupation.unknown'],
    [{ occupationCode: '' }, 'occupationCode:err.registration.occupation'],
    [{ incomeBand: undefined }, 'incomeBand:err.registration.incomeBand'],
    [{ incomeBand: 0 }, 'incomeBand:err.registration.incomeBand'],
    [{ declaredIncome: -1 }, 'declaredIncome:err.registration.income'],
    [{ jht: 'ya' }, 'jht:err.required'], // zod 4 leaves the input out of the issue, so shared/errors says "required"
  ])('refuses %j', (patch, expected) => {
    expect(errorsOf({ ...valid, ...patch })).toContain(expected);
  });

  it('every key the schema and service use is a message in both languages, without parameters it cannot fill', () => {
    const src = ['shared/contract/registration.ts', 'electron/services/registration/validate.ts', 'electron/services/registration/service.ts', 'electron/services/registration/quote.ts']
      .map((f) => readFileSync(path.resolve(import.meta.dirname, '../../..', f), 'utf8')).join('\n');
    const keys = [...new Set([...src.matchAll(/'(err\.registration\.[a-zA-Z]+)'/g)].map((m) => m[1]))];
    expect(keys.length).toBeGreaterThan(15);
    for (const lang of ['id', 'en'] as const) {
      const t = createI18n(lang).t;
      for (const k of keys) expect(t(k), `${lang} ${k}`).not.toBe(k);
    }
    const schemaOnly = readFileSync(path.resolve(import.meta.dirname, '../../../shared/contract/registration.ts'), 'utf8');
    for (const [, k] of schemaOnly.matchAll(/'err\.registration\.([a-zA-Z]+)'/g)) {
      expect((registration.id.err.registration as Record<string, string>)[k], k).not.toMatch(/\{\{/);
    }
  });
});

describe('phone numbers', () => {
  it.each([
    ['0812 3456 7890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['62812345678', '+62812345678'],
    ['+62 0812 3456 7890', '+6281234567890'],
  ])('normalises %s', (input, e164) => {
    const r = normalisePhone(input);
    expect(r.ok && r.e164).toBe(e164);
    expect(phoneFieldSchema.safeParse(input).success).toBe(true);
  });
  it('refuses a number that is too long', () => {
    expect(phoneFieldSchema.safeParse('08123456789012345').success).toBe(false);
  });
});

describe('name search keys', () => {
  it('the JS key and the SQL key of the triggers agree', () => {
    const db = new Database(':memory:');
    const sql = db.prepare(`SELECT ${nameKeySql('?')} AS k`).pluck();
    for (const n of ['Siti Aminnah', 'Soekarno Djojohadikoesoemo', 'MUHAMMAD ABDULLAH', "Ma'ruf", 'Tjahjo Sjahrir', 'Nnnn', 'Ésa Ålli']) {
      expect(sql.get(n), n).toBe(nameKey(n));
    }
    expect(nameKey('Siti Aminnah')).toBe(nameKey('siti aminah'));
    expect(nameKey('Djoko Soesilo')).toBe(nameKey('Joko Susilo'));
    // Overlapping patterns ('ooe', 'ddj', 'ssj'…) are where rule order matters: any string made
    // of the rules' letters gives the same key on both sides.
    const letters = fc.constantFrom(...'dDjJtToOeEsSaAnN '.split(''));
    fc.assert(fc.property(fc.array(letters, { maxLength: 14 }).map((a) => a.join('')), (n) => {
      expect(nameKey(n)).toBe(sql.get(n));
    }), { numRuns: 3000 });
  });

  it('edit distance counts one swap as one typo and stops early past the limit', () => {
    expect(editDistance('aminah', 'aminah')).toBe(0);
    expect(editDistance('aminah', 'amimah')).toBe(1);
    expect(editDistance('aminah', 'aimnah')).toBe(1);
    expect(editDistance('aminah', 'ratna')).toBeGreaterThan(2);
    expect(editDistance('aminah', 'zzzzzzzz', 1)).toBe(2);
  });

  it('edit distance agrees with the textbook table, call after call (its rows are reused)', () => {
    const textbook = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 90 });
    fc.assert(fc.property(word, word, (a, b) => { expect(editDistance(a, b)).toBe(textbook(a, b)); }), { numRuns: 2000 });
  });

  it('classifies what the teller typed', () => {
    expect(classifyQuery('3518 0117 0590 0001')).toEqual({ kind: 'nik', nik: '3518011705900001' });
    expect(classifyQuery('26000000001')).toEqual({ kind: 'kpj', kpj: '26000000001' });
    expect(classifyQuery('3518')).toEqual({ kind: 'digits', digits: '3518' });
    expect(classifyQuery('Siti  Aminnah')).toEqual({ kind: 'name', words: ['siti', 'aminah'] });
  });

  it('migration 5 indexes the participants already there', () => {
    const db = new Database(':memory:');
    for (const m of [m0001, m0002, m0004]) m.up(db);
    db.prepare(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
      VALUES ('P1', '3518011705900001', 'Siti Aminnah', '1990-05-17', '["JKK","JKM"]', 'central', 'x', 'x')`).run();
    m0005.up(db);
    expect(db.prepare("SELECT participant_id FROM participant_search WHERE participant_search MATCH 'aminah'").pluck().all()).toEqual(['P1']);
  });
});

describe('the word list of migration 5', () => {
  it('holds the words the tokenizer makes, once each', () => {
    const db = new Database(':memory:');
    for (const m of [m0001, m0002, m0004, m0005]) m.up(db);
    const insert = db.prepare(`INSERT INTO participants (id, nik, name, birth_date, programs, origin, registered_at, updated_at)
      VALUES (?, ?, ?, '1990-05-17', '["JKK"]', 'central', 'x', 'x')`);
    insert.run('P1', '3518011705900001', "Ma'ruf Abdullah-Soekarno");
    insert.run('P2', '3518011705900002', 'Siti  Aminnah, S.Pd "X"');
    const words = db.prepare('SELECT word FROM participant_search_words ORDER BY word').pluck().all();
    expect(words).toEqual(['abdulah', 'aminah', 'ma', 'pd', 'ruf', 's', 'siti', 'sukarno', 'x']);
    expect(words).toEqual([...new Set([nameKey("Ma'ruf Abdullah-Soekarno"), nameKey('Siti  Aminnah, S.Pd "X"')].flatMap((k) => k.split(/[^a-z0-9]+/)).filter(Boolean))].sort());
  });
});

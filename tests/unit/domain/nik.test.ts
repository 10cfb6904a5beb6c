import { beforeAll, describe, expect, it } from 'vitest';
import { crossCheckNik, maskNik, parseNik, type NikFailure, type ParsedNik } from '../../../shared/domain/nik';
import type { RegionLookup } from '../../../shared/domain/regions';
import { loadRegionsSync } from '../../../electron/services/regions';

// Real region data from resources/regions: 32.01 Kab. Bogor, 32.01.01 Cibinong,
// 35.78 Kota Surabaya, 91.03 Kab. Jayapura; 91.01 (Merauke before 2022) is now 93.01.
let regions: RegionLookup;
beforeAll(() => { regions = loadRegionsSync(); });

const TODAY = '2026-11-25';
const ok = (nik: string, extra: Partial<Parameters<typeof parseNik>[1]> = {}) => {
  const r = parseNik(nik, { regions, today: TODAY, ...extra });
  if (!r.ok) throw new Error(`expected ${nik} to parse: ${JSON.stringify(r.errors)}`);
  return r as ParsedNik;
};
const fail = (nik: string, extra: Partial<Parameters<typeof parseNik>[1]> = {}) => {
  const r = parseNik(nik, { regions, today: TODAY, ...extra });
  if (r.ok) throw new Error(`expected ${nik} to be refused`);
  return (r as NikFailure).errors;
};
const keys = (nik: string, extra = {}) => fail(nik, extra).map((e) => e.key);

describe('parseNik', () => {
  it('reads a man\'s NIK', () => {
    expect(ok('3201011705900001')).toMatchObject({
      provinceCode: '32', regencyCode: '3201', districtCode: '320101',
      birthDate: '1990-05-17', sex: 'M', serial: '0001', centuryGuessed: true, warnings: [],
    });
  });

  it('reads a woman\'s NIK (day + 40)', () => {
    expect(ok('3578025708850123')).toMatchObject({ regencyCode: '3578', districtCode: '357802', birthDate: '1985-08-17', sex: 'F', serial: '0123' });
    expect(ok('3578024101000002')).toMatchObject({ birthDate: '2000-01-01', sex: 'F' });
    expect(ok('3578027112990002')).toMatchObject({ birthDate: '1999-12-31', sex: 'F' });
  });

  it('accepts spaces and dashes between groups', () => {
    expect(ok('3201 01 170590 0001').nik).toBe('3201011705900001');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(ok('3201012902960001').birthDate).toBe('1996-02-29');
    expect(ok('3201016902960001')).toMatchObject({ birthDate: '1996-02-29', sex: 'F' });
    expect(ok('3201012902000001').birthDate).toBe('2000-02-29');
    expect(keys('3201012902970001')).toEqual(['err.nik.birthDate']);
    expect(keys('3201016902970001')).toEqual(['err.nik.birthDate']);
  });

  it('rejects impossible dates: 31 February, day 0, day 32–40, day over 71, month 13', () => {
    for (const date of ['310290', '000190', '320190', '400190', '720190', '011390', '010090']) {
      expect(keys(`320101${date}0001`), date).toEqual(['err.nik.birthDate']);
    }
  });

  it('guesses the latest century not in the future, unless the typed birth date decides', () => {
    expect(ok('3201011705250001').birthDate).toBe('2025-05-17');
    expect(ok('3201011712260001').birthDate).toBe('1926-12-17'); // 2026-12-17 is still ahead
    const typed = ok('3201011705250001', { typedBirthDate: '1925-05-17' });
    expect(typed).toMatchObject({ birthDate: '1925-05-17', centuryGuessed: false });
    // 29 Feb 1900 does not exist even though 29 Feb 2000 does.
    expect(keys('3201012902000001', { typedBirthDate: '1900-02-29' })).toEqual(['err.nik.birthDate']);
  });

  it('refuses a birth date in the future when the typed date forces that century', () => {
    expect(keys('3201011705300001', { typedBirthDate: '2030-05-17' })).toEqual(['err.nik.birthFuture']);
  });

  it('treats length and non-digits as distinct hard errors', () => {
    expect(fail('320101170590001')).toEqual([{ key: 'err.nik.length', params: { length: 15 } }]);
    expect(fail('32010117059000011')).toEqual([{ key: 'err.nik.length', params: { length: 17 } }]);
    expect(fail('32010117059O0001')).toEqual([{ key: 'err.nik.digits' }]);
    expect(keys('3201abc')).toEqual(['err.nik.digits', 'err.nik.length']);
    expect(fail('')).toEqual([{ key: 'err.nik.length', params: { length: 0 } }]);
  });

  it('refuses unknown province, regency and district codes', () => {
    expect(fail('2001011705900001')).toEqual([{ key: 'err.nik.province', params: { code: '20' } }]);
    expect(fail('9901011705900001')).toEqual([{ key: 'err.nik.province', params: { code: '99' } }]);
    expect(fail('3230011705900001')).toEqual([{ key: 'err.nik.regency', params: { code: '3230' } }]);
    expect(fail('3200011705900001')).toEqual([{ key: 'err.nik.regency', params: { code: '3200' } }]);
    expect(fail('3201991705900001')).toEqual([{ key: 'err.nik.district', params: { code: '320199' } }]);
  });

  it('collects several errors at once', () => {
    expect(keys('3230013102900000')).toEqual(['err.nik.regency', 'err.nik.birthDate', 'err.nik.serial']);
  });

  it('without region data checks the province list only', () => {
    const r = parseNik('3230011705900001', { today: TODAY });
    expect(r.ok).toBe(true);
    expect(parseNik('2001011705900001', { today: TODAY }).ok).toBe(false);
  });

  it('accepts pre-2022 Papua codes (91/92) that today\'s data moved to 93–96, with a warning', () => {
    const legacy = ok('9101011705900001');
    expect(legacy.warnings).toEqual([{ key: 'warn.nik.legacyPapua', params: { code: '9101' } }]);
    expect(ok('9103011705900001').warnings).toEqual([]);
    expect(ok('9301011705900001').provinceCode).toBe('93');
  });

  it('refuses serial 0000', () => {
    expect(keys('3201011705900000')).toEqual(['err.nik.serial']);
  });
});

describe('crossCheckNik', () => {
  const man = () => ok('3201011705900001');
  it('finds no contradiction when the typed data agree', () => {
    expect(crossCheckNik(man(), { birthDate: '1990-05-17', sex: 'M', regencyCode: '32.01' })).toEqual([]);
  });

  it('flags a different birth date and a different sex', () => {
    const flags = crossCheckNik(man(), { birthDate: '1990-05-18', sex: 'F' });
    expect(flags.map((f) => [f.key, f.field, f.severity])).toEqual([
      ['warn.nik.birthDate', 'birthDate', 'warn'],
      ['warn.nik.sexMale', 'sex', 'warn'],
    ]);
    expect(flags[0].params).toEqual({ nikDate: '17/05/1990', typedDate: '18/05/1990' });
    const woman = ok('3578025708850123');
    expect(crossCheckNik(woman, { sex: 'M' }).map((f) => f.key)).toEqual(['warn.nik.sexFemale']);
  });

  it('does not count a guessed century as a contradiction', () => {
    const guessed = ok('3201011705250001');
    expect(crossCheckNik(guessed, { birthDate: '1925-05-17' })).toEqual([]);
    const decided = ok('3201011705250001', { typedBirthDate: '2025-05-17' });
    expect(crossCheckNik(decided, { birthDate: '1925-05-17' }).map((f) => f.key)).toEqual(['warn.nik.birthDate']);
  });

  it('marks a different regency as information only (the NIK region is where it was issued)', () => {
    expect(crossCheckNik(man(), { regencyCode: '3578' })).toEqual([
      { key: 'warn.nik.regency', severity: 'info', field: 'regencyCode', params: { nikCode: '3201', typedCode: '3578' } },
    ]);
  });
});

describe('maskNik', () => {
  it('keeps the first four and last two digits', () => {
    expect(maskNik('3201234567890001')).toBe('3201**********01');
    expect(maskNik('3201 2345 6789 0001')).toBe('3201**********01');
    expect(maskNik('123')).toBe('***');
  });
});

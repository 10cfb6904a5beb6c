import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dottedRegionCode, normaliseRegionCode, parseCsv, parseRegionsCsv } from '../../../shared/domain/regions';
import { clearRegionsCache, defaultRegionsDir, loadRegions, loadRegionsSync } from '../../../electron/services/regions';

describe('parseCsv', () => {
  it('reads plain, quoted and CRLF records and keeps quotes inside unquoted fields', () => {
    expect(parseCsv('code,name\r\n11,"ACEH, NAD"\r\n12,"say ""hi"""\n35.13.15.2017,35.13.15,Soka"an\n\n')).toEqual([
      ['code', 'name'], ['11', 'ACEH, NAD'], ['12', 'say "hi"'], ['35.13.15.2017', '35.13.15', 'Soka"an'],
    ]);
  });
});

describe('region codes', () => {
  it('maps the dotted CSV form to NIK digits and back', () => {
    expect(normaliseRegionCode('32.01.01')).toBe('320101');
    expect(dottedRegionCode('320101')).toBe('32.01.01');
    expect(dottedRegionCode('3201')).toBe('32.01');
    expect(dottedRegionCode('3201012001')).toBe('32.01.01.2001');
  });
});

describe('the shipped region data', () => {
  const regions = loadRegionsSync();

  it('has every province, regency and district of idn-area-data 3.1.2', () => {
    expect(regions.counts()).toEqual({ provinces: 38, regencies: 514, districts: 7277 });
  });

  it('looks up by NIK digits or dotted code', () => {
    expect(regions.province('32')?.name).toBe('JAWA BARAT');
    expect(regions.regency('3201')).toEqual({ code: '3201', name: 'KABUPATEN BOGOR', provinceCode: '32' });
    expect(regions.regency('32.01')?.name).toBe('KABUPATEN BOGOR');
    expect(regions.district('320101')).toEqual({ code: '320101', name: 'Cibinong', regencyCode: '3201' });
    expect(regions.district('320199')).toBeUndefined();
    expect(regions.regenciesOf('32')).toHaveLength(27);
    expect(regions.districtsOf('3201').every((d) => d.regencyCode === '3201')).toBe(true);
  });

  it('lists villages of a district, including names with quotes', () => {
    const villages = regions.villagesOf('35.13.15');
    expect(villages.map((v) => v.name)).toContain('Soka"an');
    expect(villages.every((v) => v.districtCode === '351315' && v.code.startsWith('351315'))).toBe(true);
    expect(regions.villagesOf('999999')).toEqual([]);
  });

  it('gives every province its time zone', () => {
    expect(regions.zoneOf('31')).toBe('Asia/Jakarta');
    expect(regions.zoneOf('61')).toBe('Asia/Pontianak');
    expect(regions.zoneOf('51')).toBe('Asia/Makassar');
    expect(regions.zoneOf('96')).toBe('Asia/Jayapura');
    expect(regions.provinces().every((p) => p.timeZone)).toBe(true);
  });
});

describe('parseRegionsCsv validation', () => {
  const provinces = 'code,name\n32,JAWA BARAT\n';
  it('refuses a bad header, a malformed code and an orphan row', () => {
    expect(() => parseRegionsCsv({ provinces: 'kode,nama\n32,X\n', regencies: 'code,province_code,name\n', districts: 'code,regency_code,name\n' })).toThrow(/header/);
    expect(() => parseRegionsCsv({ provinces, regencies: 'code,province_code,name\n3201,32,X\n', districts: 'code,regency_code,name\n' })).toThrow(/line 2/);
    expect(() => parseRegionsCsv({ provinces, regencies: 'code,province_code,name\n33.01,33,X\n', districts: 'code,regency_code,name\n' })).toThrow(/known province/);
    expect(() => parseRegionsCsv({ provinces: 'code,name\n20,NOWHERE\n', regencies: 'code,province_code,name\n', districts: 'code,regency_code,name\n' })).toThrow(/time zone/);
  });
});

describe('regions service (electron/services/regions.ts)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loket-regions-'));
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); clearRegionsCache(); });

  it('reads the files from a folder once and caches the lookup', async () => {
    const src = defaultRegionsDir();
    mkdirSync(path.join(dir, 'regions'));
    const target = path.join(dir, 'regions');
    for (const f of ['provinces', 'regencies', 'districts']) writeFileSync(path.join(target, `${f}.csv`), readFileSync(path.join(src, `${f}.csv`)));
    writeFileSync(path.join(target, 'villages.csv'), 'code,district_code,name\n32.01.01.1001,32.01.01,Pakansari\n');
    const first = await loadRegions(target);
    expect(first.villagesOf('320101').map((v) => v.name)).toEqual(['Pakansari']);
    // Replacing a file does not change the cached lookup until the cache is cleared.
    writeFileSync(path.join(target, 'villages.csv'), 'code,district_code,name\n32.01.01.1002,32.01.01,Tengah\n');
    expect(await loadRegions(target)).toBe(first);
    clearRegionsCache();
    expect((await loadRegions(target)).villagesOf('320101').map((v) => v.name)).toEqual(['Tengah']);
  });

  it('a missing folder rejects, and is not cached', async () => {
    const missing = path.join(dir, 'nope');
    await expect(loadRegions(missing)).rejects.toThrow(/ENOENT/);
    await expect(loadRegions(missing)).rejects.toThrow(/ENOENT/);
  });
});

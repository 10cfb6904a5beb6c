import { z } from 'zod';
import { zoneOfProvince, type TimeZone } from '../dates';
import type { NikRegionLookup } from './nik';

// Kemendagri region codes (DOMAIN.md §6) parsed from the CSV text in resources/regions.
// Pure: the caller reads the files (electron/services/regions.ts) and hands over the text.
// Codes are kept as plain digits, the way a NIK carries them ('32', '3201', '320101');
// every lookup also accepts the dotted form of the CSV ('32.01.01').

export interface Province { code: string; name: string; timeZone: TimeZone }
export interface Regency { code: string; name: string; provinceCode: string }
export interface District { code: string; name: string; regencyCode: string }
export interface Village { code: string; name: string; districtCode: string }

export interface RegionTexts {
  provinces: string;
  regencies: string;
  districts: string;
  /** Optional and parsed only when first asked for (83k rows). */
  villages?: string;
}

export interface RegionLookup extends NikRegionLookup {
  province(code: string): Province | undefined;
  regency(code: string): Regency | undefined;
  district(code: string): District | undefined;
  provinces(): Province[];
  regenciesOf(provinceCode: string): Regency[];
  districtsOf(regencyCode: string): District[];
  /** Villages of a district; empty when no village text was given. */
  villagesOf(districtCode: string): Village[];
  zoneOf(provinceCode: string): TimeZone | undefined;
  counts(): { provinces: number; regencies: number; districts: number };
}

/** '32.01.01' → '320101'. */
export function normaliseRegionCode(code: string): string {
  return code.replace(/\./g, '');
}

/** '320101' → '32.01.01'; a village code '3201012001' → '32.01.01.2001'. */
export function dottedRegionCode(code: string): string {
  const c = normaliseRegionCode(code);
  const parts = [c.slice(0, 2), c.slice(2, 4), c.slice(4, 6), c.slice(6)].filter((p) => p !== '');
  return parts.join('.');
}

/**
 * Minimal RFC 4180 reader: comma-separated records, double-quoted fields with "" escapes.
 * A quote inside an unquoted field is kept as text (the data has names like Soka"an).
 */
export function parseCsv(text: string): string[][] {
  // Fast path: no field opens with a quote, so commas and line ends split everything.
  if (!/(^|[,\n])"/.test(text)) {
    return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l !== '').map((l) => l.split(','));
  }
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  const endRecord = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n') {
      endRecord();
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // CRLF: the \n ends the record.
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) endRecord();
  return rows;
}

const name = z.string().trim().min(1);
const provinceRow = z.tuple([z.string().regex(/^\d{2}$/), name]);
const regencyRow = z.tuple([z.string().regex(/^\d{2}\.\d{2}$/), z.string().regex(/^\d{2}$/), name]);
const districtRow = z.tuple([z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/), z.string().regex(/^\d{2}\.\d{2}$/), name]);
const villageRow = z.tuple([z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/), z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/), name]);

function rowsOf<T extends z.ZodType<string[]>>(text: string, header: string, schema: T, file: string): z.infer<T>[] {
  const [head, ...rows] = parseCsv(text);
  if (!head || head.join(',') !== header) throw new Error(`${file}: expected header "${header}", got "${head?.join(',')}"`);
  return rows.map((row, i) => {
    const r = schema.safeParse(row);
    if (!r.success) throw new Error(`${file} line ${i + 2}: invalid row ${JSON.stringify(row)}`);
    return r.data;
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** Parses and cross-checks the region CSVs into a lookup. Throws on a malformed row or orphan. */
export function parseRegionsCsv(texts: RegionTexts): RegionLookup {
  const provinces = new Map<string, Province>();
  for (const [code, n] of rowsOf(texts.provinces, 'code,name', provinceRow, 'provinces.csv')) {
    const timeZone = zoneOfProvince(code);
    if (!timeZone) throw new Error(`provinces.csv: no time zone known for province ${code}`);
    provinces.set(code, { code, name: n, timeZone });
  }
  const regencies = new Map<string, Regency>();
  const regenciesBy = new Map<string, Regency[]>();
  for (const [dotted, parent, n] of rowsOf(texts.regencies, 'code,province_code,name', regencyRow, 'regencies.csv')) {
    if (!dotted.startsWith(`${parent}.`) || !provinces.has(parent)) throw new Error(`regencies.csv: ${dotted} does not belong to a known province ${parent}`);
    const r = { code: normaliseRegionCode(dotted), name: n, provinceCode: parent };
    regencies.set(r.code, r);
    push(regenciesBy, parent, r);
  }
  const districts = new Map<string, District>();
  const districtsBy = new Map<string, District[]>();
  for (const [dotted, parent, n] of rowsOf(texts.districts, 'code,regency_code,name', districtRow, 'districts.csv')) {
    const regencyCode = normaliseRegionCode(parent);
    if (!dotted.startsWith(`${parent}.`) || !regencies.has(regencyCode)) throw new Error(`districts.csv: ${dotted} does not belong to a known regency ${parent}`);
    const d = { code: normaliseRegionCode(dotted), name: n, regencyCode };
    districts.set(d.code, d);
    push(districtsBy, regencyCode, d);
  }

  // Villages (83k rows) are read per district on demand: a district's rows are found by their
  // code prefix and only those rows are parsed and checked, so no call blocks for long.
  const villageCache = new Map<string, Village[]>();
  const villageText = texts.villages ?? '';
  if (villageText && !villageText.startsWith('code,district_code,name')) throw new Error('villages.csv: unexpected header');
  function villagesOf(code: string): Village[] {
    const districtCode = normaliseRegionCode(code);
    let list = villageCache.get(districtCode);
    if (list) return [...list];
    list = [];
    if (districts.has(districtCode)) {
      const needle = `\n${dottedRegionCode(districtCode)}.`;
      for (let i = villageText.indexOf(needle); i !== -1; i = villageText.indexOf(needle, i + 1)) {
        const end = villageText.indexOf('\n', i + 1);
        const line = villageText.slice(i + 1, end === -1 ? undefined : end);
        const row = villageRow.safeParse(parseCsv(line)[0]);
        if (!row.success) throw new Error(`villages.csv: invalid row ${JSON.stringify(line)}`);
        list.push({ code: normaliseRegionCode(row.data[0]), name: row.data[2], districtCode });
      }
      list.sort((a, b) => a.code.localeCompare(b.code));
    }
    villageCache.set(districtCode, list);
    return [...list];
  }

  const key = normaliseRegionCode;
  return {
    province: (code) => provinces.get(key(code)),
    regency: (code) => regencies.get(key(code)),
    district: (code) => districts.get(key(code)),
    provinces: () => [...provinces.values()],
    regenciesOf: (code) => [...(regenciesBy.get(key(code)) ?? [])],
    districtsOf: (code) => [...(districtsBy.get(key(code)) ?? [])],
    villagesOf,
    zoneOf: (code) => provinces.get(key(code))?.timeZone,
    counts: () => ({ provinces: provinces.size, regencies: regencies.size, districts: districts.size }),
  };
}

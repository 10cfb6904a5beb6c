import type { MessageParams } from '../errors';

// NIK (Nomor Induk Kependudukan), DOMAIN.md §4: 16 digits PP RR SS DDMMYY NNNN —
// province, regency/city, district where the NIK was first issued, birth date (women: day + 40),
// serial from 0001. There is no check digit, so the best we can do is check each part.
// Region codes are returned as plain digits ('32', '3201', '320123'), the form the NIK uses;
// regions.ts accepts the same form (and the dotted Kemendagri form).

/** The 38 province codes (Kemendagri). 91/92 also start pre-2022 NIKs of 93–96. */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36', '51', '52', '53',
  '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76',
  '81', '82', '91', '92', '93', '94', '95', '96',
];

/** Papua (91) and Papua Barat (92) were split in 2022; older NIKs keep their old regency codes. */
const LEGACY_PAPUA = new Set(['91', '92']);

/** What parseNik needs to know about regions; regions.ts implements it. */
export interface NikRegionLookup {
  province(code: string): { name: string } | undefined;
  regency(code: string): { name: string } | undefined;
  district(code: string): { name: string } | undefined;
}

export interface NikIssue { key: string; params?: MessageParams }

export interface ParsedNik {
  ok: true;
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: 'M' | 'F';
  serial: string;
  /** True when no typed birth date fixed the century and it was guessed. */
  centuryGuessed: boolean;
  /** Not errors: things the teller may want to look at (e.g. a pre-2022 Papua code). */
  warnings: NikIssue[];
}

export interface NikFailure { ok: false; errors: NikIssue[] }

export interface ParseNikOptions {
  /** Region data; without it only the province code is checked. */
  regions?: NikRegionLookup;
  /** The birth date typed from the KTP (YYYY-MM-DD); it decides the century when it matches. */
  typedBirthDate?: string;
  /** Today's business date (YYYY-MM-DD): a birth date may not be after it. */
  today: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Removes the spaces and dashes a teller may type between groups of digits. */
export function normaliseNik(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function parseNik(input: string, opts: ParseNikOptions): ParsedNik | NikFailure {
  const nik = normaliseNik(input);
  // Hard errors first: nothing else can be read from a NIK of the wrong shape.
  const hard: NikIssue[] = [];
  if (!/^\d*$/.test(nik)) hard.push({ key: 'err.nik.digits' });
  if (nik.length !== 16) hard.push({ key: 'err.nik.length', params: { length: nik.length } });
  if (hard.length) return { ok: false, errors: hard };

  const errors: NikIssue[] = [];
  const warnings: NikIssue[] = [];
  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(0, 4);
  const districtCode = nik.slice(0, 6);

  const provinceKnown = PROVINCE_CODES.includes(provinceCode)
    && (!opts.regions || opts.regions.province(provinceCode) !== undefined || LEGACY_PAPUA.has(provinceCode));
  if (!provinceKnown) {
    errors.push({ key: 'err.nik.province', params: { code: provinceCode } });
  } else if (nik.slice(2, 4) === '00') {
    errors.push({ key: 'err.nik.regency', params: { code: regencyCode } });
  } else if (opts.regions) {
    if (!opts.regions.regency(regencyCode)) {
      // A pre-2022 NIK from a regency now in Papua Selatan/Tengah/Pegunungan/Barat Daya keeps
      // its old 91xx/92xx code, which today's data no longer lists: warn, do not refuse.
      if (LEGACY_PAPUA.has(provinceCode)) warnings.push({ key: 'warn.nik.legacyPapua', params: { code: regencyCode } });
      else errors.push({ key: 'err.nik.regency', params: { code: regencyCode } });
    } else if (!opts.regions.district(districtCode)) {
      errors.push({ key: 'err.nik.district', params: { code: districtCode } });
    }
  }

  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: 'M' | 'F' = dd > 40 ? 'F' : 'M';
  const day = sex === 'F' ? dd - 40 : dd;

  // Century: the typed birth date decides when its year ends in the same two digits;
  // otherwise take the latest century that does not put the birth in the future.
  const typed = opts.typedBirthDate ? ISO_DATE.exec(opts.typedBirthDate) : null;
  let year: number;
  let centuryGuessed = false;
  if (typed && Number(typed[1]) % 100 === yy) {
    year = Number(typed[1]);
  } else {
    centuryGuessed = true;
    const thisCentury = Math.floor(Number(opts.today.slice(0, 4)) / 100) * 100;
    year = thisCentury + yy;
    if (`${year}-${pad(mm)}-${pad(day)}` > opts.today) year -= 100;
  }

  const birthDate = `${year}-${pad(mm)}-${pad(day)}`;
  if (dd === 0 || (dd > 31 && dd < 41) || dd > 71 || !isRealDate(year, mm, day)) {
    errors.push({ key: 'err.nik.birthDate', params: { digits: nik.slice(6, 12) } });
  } else if (birthDate > opts.today) {
    errors.push({ key: 'err.nik.birthFuture', params: { date: displayDate(birthDate) } });
  }

  const serial = nik.slice(12, 16);
  if (serial === '0000') errors.push({ key: 'err.nik.serial' });

  if (errors.length) return { ok: false, errors };
  return { ok: true, nik, provinceCode, regencyCode, districtCode, birthDate, sex, serial, centuryGuessed, warnings };
}

/** DD/MM/YYYY: the way dates are printed on a KTP, neutral between the two languages. */
function displayDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export interface NikFlag extends NikIssue {
  /** 'warn': a likely typing mistake; 'info': can be normal (the NIK region is where it was issued). */
  severity: 'warn' | 'info';
  field: 'birthDate' | 'sex' | 'regencyCode';
}

export interface TypedIdentity {
  birthDate?: string;
  sex?: 'M' | 'F';
  /** Regency of the typed address (digits or dotted). */
  regencyCode?: string;
}

/** Contradictions between a parsed NIK and what the teller typed from the KTP. */
export function crossCheckNik(parsed: ParsedNik, typed: TypedIdentity): NikFlag[] {
  const flags: NikFlag[] = [];
  if (typed.birthDate && ISO_DATE.test(typed.birthDate)) {
    // A guessed century is not evidence: compare YY-MM-DD only in that case.
    const same = parsed.centuryGuessed
      ? parsed.birthDate.slice(2) === typed.birthDate.slice(2)
      : parsed.birthDate === typed.birthDate;
    if (!same) {
      flags.push({
        key: 'warn.nik.birthDate', severity: 'warn', field: 'birthDate',
        params: { nikDate: displayDate(parsed.birthDate), typedDate: displayDate(typed.birthDate) },
      });
    }
  }
  if (typed.sex && typed.sex !== parsed.sex) {
    flags.push({ key: parsed.sex === 'F' ? 'warn.nik.sexFemale' : 'warn.nik.sexMale', severity: 'warn', field: 'sex' });
  }
  if (typed.regencyCode) {
    const code = typed.regencyCode.replace(/\./g, '');
    if (code !== parsed.regencyCode) {
      flags.push({ key: 'warn.nik.regency', severity: 'info', field: 'regencyCode', params: { nikCode: parsed.regencyCode, typedCode: code } });
    }
  }
  return flags;
}

/** `3201**********01`: the first four and last two digits stay readable (receipts, lists). */
export function maskNik(nik: string): string {
  const n = normaliseNik(nik);
  if (n.length <= 6) return '*'.repeat(n.length);
  return n.slice(0, 4) + '*'.repeat(n.length - 6) + n.slice(-2);
}

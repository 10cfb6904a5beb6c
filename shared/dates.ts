// Business dates are midnight to midnight in the branch's own zone (DOMAIN.md §6).
// Indonesia has no daylight saving, so an IANA zone and its label are enough.

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';
export type TimeZone = 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar' | 'Asia/Jayapura';

export const ZONE_LABEL: Record<TimeZone, ZoneLabel> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const WIB = [11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36];
const WIB_PONTIANAK = [61, 62];
const WITA = [51, 52, 53, 63, 64, 65, 71, 72, 73, 74, 75, 76];
const WIT = [81, 82, 91, 92, 93, 94, 95, 96];

/** The zone of a province (two-digit Kemendagri code), or null for an unknown code. */
export function zoneOfProvince(provinceCode: string | number): TimeZone | null {
  const code = Number(provinceCode);
  if (WIB.includes(code)) return 'Asia/Jakarta';
  if (WIB_PONTIANAK.includes(code)) return 'Asia/Pontianak';
  if (WITA.includes(code)) return 'Asia/Makassar';
  if (WIT.includes(code)) return 'Asia/Jayapura';
  return null;
}

const partsCache = new Map<TimeZone, Intl.DateTimeFormat>();
function zoneFormatter(zone: TimeZone): Intl.DateTimeFormat {
  let f = partsCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    partsCache.set(zone, f);
  }
  return f;
}

export interface ZonedParts { date: string; time: string; year: number; month: number; day: number }

// Indonesia's zones have kept fixed offsets since 1 January 1988 (Pontianak moved from WITA to
// WIB then; the others last changed in 1964): an instant since then is shifted by its offset and
// read in UTC, which costs a payment nothing next to Intl's formatToParts (the tz database still
// answers for anything older).
const FIXED_OFFSET_MS: Record<TimeZone, number> = {
  'Asia/Jakarta': 7 * 3_600_000,
  'Asia/Pontianak': 7 * 3_600_000,
  'Asia/Makassar': 8 * 3_600_000,
  'Asia/Jayapura': 9 * 3_600_000,
};
const FIXED_SINCE_MS = Date.UTC(1988, 0, 1);
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export function zonedParts(instant: Date | string | number, zone: TimeZone): ZonedParts {
  const d = instant instanceof Date ? instant : new Date(instant);
  const ms = d.getTime();
  const offset = FIXED_OFFSET_MS[zone] as number | undefined; // a zone outside the type goes to Intl, which refuses it
  if (offset !== undefined && ms >= FIXED_SINCE_MS) {
    const local = new Date(ms + offset);
    const year = local.getUTCFullYear(), month = local.getUTCMonth() + 1, day = local.getUTCDate();
    return {
      date: `${year}-${two(month)}-${two(day)}`,
      time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`,
      year, month, day,
    };
  }
  const p: Record<string, string> = {};
  for (const part of zoneFormatter(zone).formatToParts(d)) p[part.type] = part.value;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${p.hour}:${p.minute}:${p.second}`,
    year: Number(p.year), month: Number(p.month), day: Number(p.day),
  };
}

/** The business date (YYYY-MM-DD) an instant belongs to at a branch in `zone`. */
export function businessDateOf(instant: Date | string | number, zone: TimeZone): string {
  return zonedParts(instant, zone).date;
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type Lang = 'id' | 'en';

/** `25 November 2026` from `2026-11-25`. */
export function formatDate(isoDate: string, lang: Lang = 'id'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  const months = lang === 'en' ? MONTHS_EN : MONTHS_ID;
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** `November 2026` from `2026-11`. */
export function formatMonth(yearMonth: string, lang: Lang = 'id'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m) return yearMonth;
  const months = lang === 'en' ? MONTHS_EN : MONTHS_ID;
  return `${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** `25/11/2026 00:30 WIT`: an instant shown in the branch's zone with its label. */
export function formatDateTime(instant: Date | string | number, zone: TimeZone): string {
  const p = zonedParts(instant, zone);
  const [y, mo, d] = p.date.split('-');
  return `${d}/${mo}/${y} ${p.time.slice(0, 5)} ${ZONE_LABEL[zone]}`;
}

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic, no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

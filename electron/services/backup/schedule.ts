import { zonedParts, type TimeZone } from '../../../shared/dates';

// The daily backup runs at `dailyAt` (HH:MM) on the branch's clock. Indonesian zones have no
// daylight saving (Keppres 41/1987), so a fixed offset per zone is exact.

const OFFSET: Record<TimeZone, string> = {
  'Asia/Jakarta': '+07:00', 'Asia/Pontianak': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00',
};

/** True once the day's hour has come and no backup was made yet that business day. */
export function backupDue(now: Date, zone: TimeZone, dailyAt: string, lastDoneDate: string | null): boolean {
  if (!/^\d{2}:\d{2}$/.test(dailyAt)) return false;
  const p = zonedParts(now, zone);
  return p.time.slice(0, 5) >= dailyAt && lastDoneDate !== p.date;
}

/** When the next daily backup will run, or null when no hour is set. */
export function nextBackupAt(now: Date, zone: TimeZone, dailyAt: string, lastDoneDate: string | null): Date | null {
  if (!/^\d{2}:\d{2}$/.test(dailyAt)) return null;
  const today = zonedParts(now, zone).date;
  const at = new Date(`${today}T${dailyAt}:00${OFFSET[zone]}`);
  if (lastDoneDate === today) return new Date(at.getTime() + 86_400_000);
  return at.getTime() >= now.getTime() ? at : now; // due now: the next sweep runs it
}

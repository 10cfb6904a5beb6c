import { describe, expect, it } from 'vitest';
import { zonedParts, type TimeZone } from '../../../shared/dates';

// zonedParts reads instants since 1988 by Indonesia's fixed offsets: it must agree with the tz
// database (Intl) at every zone, across midnights, month and year ends and leap days.
const ZONES: TimeZone[] = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

function byIntl(instant: Date, zone: TimeZone) {
  const p: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  for (const part of f.formatToParts(instant)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}`, year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

describe('zonedParts', () => {
  it('answers a branch\'s date and time in each zone', () => {
    expect(zonedParts('2026-11-25T16:59:59.100Z', 'Asia/Jakarta')).toEqual({ date: '2026-11-25', time: '23:59:59', year: 2026, month: 11, day: 25 });
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Jakarta')).toEqual({ date: '2026-11-26', time: '00:00:00', year: 2026, month: 11, day: 26 });
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Makassar').time).toBe('01:00:00');
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Jayapura').time).toBe('02:00:00');
    expect(() => zonedParts('not a date', 'Asia/Jakarta')).toThrow();
    expect(() => zonedParts('2026-11-25T17:00:00.000Z', 'Mars/Olympus' as never)).toThrow(RangeError);
  });

  it('agrees with the tz database at every zone for instants from 1970 to 2100', () => {
    const instants: Date[] = [];
    // Around every zone's midnights at month ends, leap days and year ends, and Pontianak's 1988 change.
    for (const day of ['1970-01-01', '1987-12-31', '1988-01-01', '2000-02-29', '2024-02-29', '2026-12-31', '2027-01-01', '2099-12-31']) {
      for (const hour of [14, 15, 16, 17, 23]) for (const ms of [-1, 0, 1]) instants.push(new Date(Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`) + ms));
    }
    // And a spread of ordinary instants (a fixed step, so the test is the same every run).
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 97 + 3_601_234) instants.push(new Date(t));
    for (const zone of ZONES) for (const instant of instants) expect(zonedParts(instant, zone), `${instant.toISOString()} ${zone}`).toEqual(byIntl(instant, zone));
  });
});

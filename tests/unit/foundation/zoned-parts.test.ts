import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../shared/dates';

// zonedParts keeps its last answer per zone for the same second: the answers must stay exact.
describe('zonedParts reused within a second', () => {
  it('answers the same second, the next second and another zone exactly, and a caller cannot spoil the kept answer', () => {
    const a = zonedParts('2026-11-25T16:59:59.100Z', 'Asia/Jakarta');
    expect(a).toEqual({ date: '2026-11-25', time: '23:59:59', year: 2026, month: 11, day: 25 });
    a.date = 'spoiled';
    expect(zonedParts('2026-11-25T16:59:59.900Z', 'Asia/Jakarta').date).toBe('2026-11-25');
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Jakarta')).toEqual({ date: '2026-11-26', time: '00:00:00', year: 2026, month: 11, day: 26 });
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Makassar').time).toBe('01:00:00');
    expect(zonedParts('2026-11-25T17:00:00.000Z', 'Asia/Jayapura').time).toBe('02:00:00');
    expect(() => zonedParts('not a date', 'Asia/Jakarta')).toThrow();
  });
});

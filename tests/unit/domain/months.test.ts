import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, compareMonths, dayOfMonth, isMonth, monthOf, monthRange, monthsBetween, sortMonths } from '../../../shared/domain/months';

describe('months', () => {
  it('adds and subtracts across year ends', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(monthsBetween('2026-11', '2027-03')).toBe(4);
    expect(monthsBetween('2027-03', '2026-11')).toBe(-4);
  });

  it('lists a range inclusively, empty when reversed', () => {
    expect(monthRange('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthRange('2027-01', '2026-11')).toEqual([]);
  });

  it('validates the YYYY-MM form', () => {
    expect(isMonth('2026-12')).toBe(true);
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-01', '2026-01-01', 202601]) expect(isMonth(bad)).toBe(false);
    expect(() => addMonths('2026-13', 1)).toThrow();
  });

  it('clamps a day to the month length and reads the month of a date', () => {
    expect(dayOfMonth('2026-02', 31)).toBe('2026-02-28');
    expect(dayOfMonth('2028-02', 31)).toBe('2028-02-29');
    expect(dayOfMonth('2026-11', 15)).toBe('2026-11-15');
    expect(monthOf('2026-11-25')).toBe('2026-11');
  });

  it('sorts and de-duplicates; compare agrees with string order', () => {
    expect(sortMonths(['2027-01', '2026-11', '2027-01'])).toEqual(['2026-11', '2027-01']);
    expect(compareMonths('2026-11', '2027-01')).toBe(-1);
  });

  it('addMonths and monthsBetween are inverse (property)', () => {
    const month = fc.tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(fc.property(month, fc.integer({ min: -600, max: 600 }), (m, n) => {
      const later = addMonths(m, n);
      return isMonth(later) && monthsBetween(m, later) === n && addMonths(later, -n) === m;
    }));
  });
});

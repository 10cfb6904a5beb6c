import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datesOf, daysBetween, pickPeriod, progressOf, usualPeriodOf } from '../../../electron/services/monitoring/period';

// Evaluation-period arithmetic: days left (today included), the pace needed, the steady path.

const P3 = { id: 'P3', name: 'Periode III 2026', from: '2026-09-01', to: '2026-12-31', target: 500 };

describe('progressOf', () => {
  it('on 25 November: day 86 of 122, 37 days left, pace to finish', () => {
    expect(progressOf(P3, 312, '2026-11-25')).toEqual({
      target: 500, branchTotal: 312, remaining: 188, percent: 62, daysTotal: 122, dayOfPeriod: 86, daysLeft: 37,
      paceNeeded: 6, expectedByToday: 353, onTrack: false,
    });
  });

  it('on the first and the last day', () => {
    expect(progressOf(P3, 0, '2026-09-01')).toMatchObject({ dayOfPeriod: 1, daysLeft: 122, paceNeeded: 5, expectedByToday: 5 });
    expect(progressOf(P3, 499, '2026-12-31')).toMatchObject({ dayOfPeriod: 122, daysLeft: 1, paceNeeded: 1, expectedByToday: 500 });
  });

  it('after the period, nothing is left to pace; past the target, nothing remains', () => {
    expect(progressOf(P3, 420, '2027-01-05')).toMatchObject({ daysLeft: 0, remaining: 80, paceNeeded: 80, dayOfPeriod: 122 });
    expect(progressOf(P3, 640, '2026-10-01')).toMatchObject({ remaining: 0, paceNeeded: 0, percent: 128, onTrack: true });
  });

  it('the pace needed, kept every day left, always reaches the target', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 121 }), fc.integer({ min: 0, max: 700 }), (offset, total) => {
      const today = datesOf(P3.from, P3.to)[offset];
      const p = progressOf(P3, total, today);
      expect(p.daysLeft).toBe(122 - offset);
      expect(total + p.paceNeeded * p.daysLeft).toBeGreaterThanOrEqual(P3.target);
      if (p.paceNeeded > 0) expect(total + (p.paceNeeded - 1) * p.daysLeft).toBeLessThan(P3.target);
    }));
  });
});

describe('periods', () => {
  it('picks the period containing today, else the latest ended one', () => {
    const P2 = { ...P3, id: 'P2', from: '2026-05-01', to: '2026-08-31' };
    expect(pickPeriod([P2, P3], '2026-11-25')?.id).toBe('P3');
    expect(pickPeriod([P2, P3], '2027-02-01')?.id).toBe('P3');
    expect(pickPeriod([P3], '2026-06-01')).toBeNull();
  });

  it('the usual periods are thirds of the year with a target of 500', () => {
    expect(usualPeriodOf('2026-04-30')).toMatchObject({ id: '2026-P1', from: '2026-01-01', to: '2026-04-30', target: 500 });
    expect(usualPeriodOf('2026-05-01')).toMatchObject({ id: '2026-P2', from: '2026-05-01', to: '2026-08-31' });
    expect(usualPeriodOf('2026-12-31')).toMatchObject({ id: '2026-P3', from: '2026-09-01', to: '2026-12-31' });
  });

  it('counts calendar days across month and leap-year ends', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(datesOf('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});

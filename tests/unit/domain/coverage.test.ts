import { describe, expect, it } from 'vitest';
import { coverageStatus, dueDate, isOverdue, payableMonths } from '../../../shared/domain/coverage';
import { monthRange } from '../../../shared/domain/months';

describe('coverageStatus', () => {
  it('a new participant who has paid nothing yet owes only the registration month onwards', () => {
    const s = coverageStatus({ registeredMonth: '2026-11', paidMonths: [], currentMonth: '2026-11' });
    expect(s).toEqual({
      periodStart: '2026-11', paidUntil: null, coveredNow: false, arrears: [], missed: [], unpaidRun: 0, lapsed: false, lapsedSince: null,
    });
  });

  it('paid ahead: covered until the last paid month, no arrears', () => {
    const s = coverageStatus({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2027-02'), currentMonth: '2026-11' });
    expect(s).toMatchObject({ paidUntil: '2027-02', coveredNow: true, arrears: [], unpaidRun: 0, lapsed: false });
  });

  it('up to 3 unpaid months are arrears, oldest first, and the membership holds', () => {
    const s = coverageStatus({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2026-07'), currentMonth: '2026-11' });
    expect(s).toMatchObject({ paidUntil: '2026-07', coveredNow: false, arrears: ['2026-08', '2026-09', '2026-10'], unpaidRun: 3, lapsed: false });
  });

  it('more than 3 consecutive unpaid months end the membership', () => {
    const s = coverageStatus({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2026-06'), currentMonth: '2026-11' });
    expect(s).toMatchObject({ paidUntil: '2026-06', arrears: [], unpaidRun: 4, lapsed: true, lapsedSince: '2026-07' });
  });

  it('works across a year end', () => {
    const s = coverageStatus({ registeredMonth: '2025-10', paidMonths: monthRange('2025-10', '2025-11'), currentMonth: '2026-02' });
    expect(s).toMatchObject({ arrears: ['2025-12', '2026-01'], lapsed: false });
  });

  it('after a lapse and re-activation a new coverage period starts', () => {
    const paid = [...monthRange('2025-01', '2025-03'), ...monthRange('2025-09', '2025-12')];
    const s = coverageStatus({ registeredMonth: '2025-01', paidMonths: paid, currentMonth: '2026-01' });
    expect(s).toMatchObject({ periodStart: '2025-09', paidUntil: '2025-12', arrears: [], missed: [], lapsed: false });
  });

  it('an old hole inside the period can no longer be paid', () => {
    const paid = ['2026-01', ...monthRange('2026-03', '2026-09')];
    const s = coverageStatus({ registeredMonth: '2026-01', paidMonths: paid, currentMonth: '2026-11' });
    expect(s).toMatchObject({ arrears: ['2026-10'], missed: ['2026-02'], unpaidRun: 1, lapsed: false });
  });

  it('a different arrears limit (setting) changes when the membership lapses', () => {
    const input = { registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2026-06'), currentMonth: '2026-11' };
    expect(coverageStatus({ ...input, rules: { arrearsMaxMonths: 6 } })).toMatchObject({ lapsed: false, arrears: monthRange('2026-07', '2026-10') });
  });
});

describe('payableMonths', () => {
  it('arrears first, then the current month and ahead up to the 12-month cap', () => {
    const p = payableMonths({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2026-08'), currentMonth: '2026-11' });
    expect(p.arrears).toEqual(['2026-09', '2026-10']);
    expect(p.months[0]).toBe('2026-09');
    expect(p.months).toEqual(monthRange('2026-09', '2027-10'));
    expect(p.horizon).toBe('2027-10');
    expect(p.offers).toEqual([1, 3, 6, 12]);
    expect(p.reactivation).toBe(false);
  });

  it('when already paid ahead, only the rest up to the cap is offered', () => {
    const p = payableMonths({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2027-05'), currentMonth: '2026-11' });
    expect(p.months).toEqual(monthRange('2027-06', '2027-10'));
    expect(p.offers).toEqual([1, 3]);
  });

  it('when paid up to the cap, nothing is payable', () => {
    const p = payableMonths({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2027-10'), currentMonth: '2026-11' });
    expect(p.months).toEqual([]);
    expect(p.offers).toEqual([]);
  });

  it('after a lapse, payment restarts at the current month (re-activation)', () => {
    const p = payableMonths({ registeredMonth: '2026-01', paidMonths: monthRange('2026-01', '2026-05'), currentMonth: '2026-11' });
    expect(p.reactivation).toBe(true);
    expect(p.arrears).toEqual([]);
    expect(p.months[0]).toBe('2026-11');
    expect(p.months).toHaveLength(12);
  });

  it('a smaller cap (setting) limits how far ahead one may pay', () => {
    const p = payableMonths({ registeredMonth: '2026-11', paidMonths: [], currentMonth: '2026-11', rules: { maxMonthsAhead: 6 } });
    expect(p.months).toEqual(monthRange('2026-11', '2027-04'));
    expect(p.offers).toEqual([1, 3, 6]);
  });

  it('nothing before a future registration month', () => {
    const p = payableMonths({ registeredMonth: '2026-12', paidMonths: [], currentMonth: '2026-11' });
    expect(p.months[0]).toBe('2026-12');
    expect(p.months.at(-1)).toBe('2027-10');
  });
});

describe('due dates', () => {
  it('a month is due on its 15th', () => {
    expect(dueDate('2026-11')).toBe('2026-11-15');
    expect(dueDate('2027-02')).toBe('2027-02-15');
    expect(isOverdue('2026-11', '2026-11-15')).toBe(false);
    expect(isOverdue('2026-11', '2026-11-16')).toBe(true);
    expect(isOverdue('2026-12', '2026-11-30')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createOccupations, isTransportOccupation, occupation, occupationCodeSchema, occupationGroups, occupations } from '../../../shared/domain/occupations';
import { priceMonth } from '../../../shared/domain/contribution';
import data from '../../../resources/occupations.json';

describe('occupations', () => {
  it('has the groups of DOMAIN.md §5 with about 40 items, each in Indonesian and English', () => {
    const groups = occupationGroups();
    expect(groups.map((g) => g.code)).toEqual(['TRN', 'EDU', 'BLD', 'AGR', 'LVS', 'FSH', 'TRD', 'CSL', 'SVC', 'PRF', 'CRT', 'CRF', 'OTH']);
    const items = groups.flatMap((g) => g.items);
    expect(items.length).toBeGreaterThanOrEqual(38);
    expect(items.every((i) => i.id && i.en)).toBe(true);
  });

  it('flags transport occupations only in the transport group', () => {
    for (const g of occupationGroups()) for (const i of g.items) expect(i.transport).toBe(g.code === 'TRN');
    expect(isTransportOccupation('TRN02')).toBe(true);
    expect(isTransportOccupation('TRD01')).toBe(false);
    expect(isTransportOccupation('NOPE1')).toBe(false);
    expect(occupation('TRD01')).toMatchObject({ id: 'Pedagang pasar', en: 'Market trader', group: 'TRD' });
    expect(occupations.label('FSH01', 'id')).toBe('Nelayan');
  });

  it('the flag decides the PP 50/2025 window: ojol driver reduced in Feb 2026, market trader not', () => {
    const feb = (code: string) => priceMonth({ month: '2026-02', bandNo: 1, jht: false, transport: isTransportOccupation(code) }).total;
    expect(feb('TRN02')).toBe(8_400);
    expect(feb('TRD01')).toBe(16_800);
  });

  it('validates codes and refuses duplicates in the file', () => {
    expect(occupationCodeSchema.safeParse('TRD01').success).toBe(true);
    const bad = occupationCodeSchema.safeParse('XXX99');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe('err.occupation.unknown');
    const dup = JSON.parse(JSON.stringify(data));
    dup.groups[1].items.push({ ...dup.groups[1].items[0] });
    expect(() => createOccupations(dup)).toThrow(/unique/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatRupiah, parseRupiahInput, sumRupiah } from '../../../shared/money';
import { businessDateOf, formatDate, formatDateTime, zoneOfProvince, ZONE_LABEL } from '../../../shared/dates';

describe('money is integer rupiah shown id-ID', () => {
  it('formats with dots and no space', () => {
    expect(formatRupiah(16800)).toBe('Rp16.800');
    expect(formatRupiah(0)).toBe('Rp0');
    expect(formatRupiah(1234567)).toBe('Rp1.234.567');
    expect(formatRupiah(-5000)).toBe('-Rp5.000');
    // The same grouping as Intl's id-ID for every length up to the largest safe integer.
    const intl = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
    for (let n = 1, digits = 1; digits <= 16; n = n * 10 + (digits % 10), digits++) {
      expect(formatRupiah(n)).toBe(`Rp${intl.format(n)}`);
      expect(formatRupiah(-n)).toBe(`-Rp${intl.format(n)}`);
    }
    expect(formatRupiah(Number.MAX_SAFE_INTEGER)).toBe(`Rp${intl.format(Number.MAX_SAFE_INTEGER)}`);
  });
  it('refuses floats', () => {
    expect(() => formatRupiah(16800.5)).toThrow(TypeError);
    expect(() => sumRupiah([1, 0.1])).toThrow(TypeError);
  });
  it('parses what a teller types', () => {
    expect(parseRupiahInput('50.000')).toBe(50000);
    expect(parseRupiahInput('Rp 20000')).toBe(20000);
    expect(parseRupiahInput('12,5')).toBeNull();
    expect(parseRupiahInput('-100')).toBeNull();
  });
});

describe("business dates follow the branch's zone", () => {
  it('00:30 WIT on the 25th is the 25th in Papua but still the 24th in WIB', () => {
    const instant = '2026-11-24T15:30:00Z'; // 00:30 WIT (UTC+9) on 25 Nov; 22:30 WIB on 24 Nov
    expect(businessDateOf(instant, 'Asia/Jayapura')).toBe('2026-11-25');
    expect(businessDateOf(instant, 'Asia/Jakarta')).toBe('2026-11-24');
    expect(businessDateOf(instant, 'Asia/Makassar')).toBe('2026-11-24');
    expect(formatDateTime(instant, 'Asia/Jayapura')).toBe('25/11/2026 00:30 WIT');
  });
  it('maps provinces to WIB, WITA and WIT', () => {
    expect(ZONE_LABEL[zoneOfProvince('35')!]).toBe('WIB');
    expect(zoneOfProvince('61')).toBe('Asia/Pontianak');
    expect(ZONE_LABEL[zoneOfProvince('51')!]).toBe('WITA');
    expect(ZONE_LABEL[zoneOfProvince('94')!]).toBe('WIT');
    expect(zoneOfProvince('20')).toBeNull();
  });
  it('writes dates in Indonesian and English', () => {
    expect(formatDate('2026-11-25')).toBe('25 November 2026');
    expect(formatDate('2026-08-01', 'id')).toBe('1 Agustus 2026');
    expect(formatDate('2026-08-01', 'en')).toBe('1 August 2026');
  });
});

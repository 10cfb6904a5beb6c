import { describe, expect, it } from 'vitest';
import { isKpj, parseKpj } from '../../../shared/domain/kpj';
import { normalisePhone } from '../../../shared/domain/phone';

describe('phone numbers', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+62 0812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['0812345678', '+62812345678'],
  ])('%s → %s', (typed, e164) => {
    const r = normalisePhone(typed);
    expect(r).toEqual({ ok: true, e164, local: `0${e164.slice(3)}` });
  });

  it.each([
    ['', 'err.phone.required'],
    ['0812abc', 'err.phone.chars'],
    ['+6581234567', 'err.phone.country'],
    ['81234567890', 'err.phone.prefix'],
    ['0215551234', 'err.phone.mobile'],
  ])('%j is refused with %s', (typed, key) => {
    const r = normalisePhone(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.key)).toEqual([key]);
  });

  it('checks the length (10–15 digits with 62, i.e. 9–14 in the 08… form)', () => {
    expect(normalisePhone('08123456')).toEqual({ ok: false, errors: [{ key: 'err.phone.length', params: { min: 9, max: 14, length: 8 } }] });
    expect(normalisePhone('081234567').ok).toBe(true);
    expect(normalisePhone('08123456789012').ok).toBe(true);
    expect(normalisePhone('081234567890123')).toMatchObject({ ok: false, errors: [{ key: 'err.phone.length', params: { length: 15 } }] });
  });
});

describe('KPJ numbers', () => {
  it('accepts 11 digits, spaces allowed between groups', () => {
    expect(parseKpj('12345678901')).toEqual({ ok: true, kpj: '12345678901' });
    expect(parseKpj('123 4567 8901')).toEqual({ ok: true, kpj: '12345678901' });
  });
  it('refuses other lengths and letters with distinct keys', () => {
    expect(parseKpj('1234567890')).toEqual({ ok: false, errors: [{ key: 'err.kpj.length', params: { length: 10 } }] });
    expect(parseKpj('123456789012')).toEqual({ ok: false, errors: [{ key: 'err.kpj.length', params: { length: 12 } }] });
    expect(parseKpj('1234567890A')).toEqual({ ok: false, errors: [{ key: 'err.kpj.digits' }] });
    expect(isKpj('12345678901')).toBe(true);
  });
});

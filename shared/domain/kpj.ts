import type { NikIssue } from './nik';

// KPJ (Kartu Peserta Jamsostek) number: 11 digits (DOMAIN.md §4). No check digit is
// published, so only the shape is checked. Spaces and dashes typed between groups are dropped.

export const KPJ_LENGTH = 11;

export type KpjResult = { ok: true; kpj: string } | { ok: false; errors: NikIssue[] };

export function normaliseKpj(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function parseKpj(input: string): KpjResult {
  const kpj = normaliseKpj(input);
  const errors: NikIssue[] = [];
  if (!/^\d*$/.test(kpj)) errors.push({ key: 'err.kpj.digits' });
  if (kpj.length !== KPJ_LENGTH) errors.push({ key: 'err.kpj.length', params: { length: kpj.length } });
  return errors.length ? { ok: false, errors } : { ok: true, kpj };
}

export function isKpj(input: string): boolean {
  return parseKpj(input).ok;
}

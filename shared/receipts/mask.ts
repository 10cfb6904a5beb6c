// A receipt leaves the counter with the worker, so it never carries the full NIK:
// the province/regency prefix and the last two digits are enough to recognise it.

/** `3201**********01` from a 16-digit NIK; anything else keeps only its last two characters visible. */
export function maskNik(nik: string): string {
  const s = nik.replace(/\s+/g, '');
  if (/^\d{16}$/.test(s)) return `${s.slice(0, 4)}${'*'.repeat(10)}${s.slice(14)}`;
  if (s.length <= 2) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 2) + s.slice(-2);
}

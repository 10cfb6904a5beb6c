// Money is integer rupiah, always. These helpers refuse anything else so a float
// never slips into a ledger entry or a receipt.

export type Rupiah = number;

export function isRupiah(value: unknown): value is Rupiah {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertRupiah(value: unknown, what = 'amount'): Rupiah {
  if (!isRupiah(value)) throw new TypeError(`${what} must be an integer number of rupiah, got ${String(value)}`);
  return value;
}

/** `16800` → `16.800`: id-ID groups thousands with a dot (what Intl.NumberFormat('id-ID') gives, at a fraction of its cost). */
const grouped = (whole: number): string => String(whole).replace(/\B(?=(\d{3})+$)/g, '.');

/** `Rp16.800`, `-Rp5.000` (id-ID grouping, no space, no decimals). */
export function formatRupiah(amount: Rupiah): string {
  assertRupiah(amount);
  const digits = grouped(Math.abs(amount));
  return amount < 0 ? `-Rp${digits}` : `Rp${digits}`;
}

/** Parses what a teller types for cash ("50000", "50.000", "Rp50.000"); null when it is not a whole rupiah amount. */
export function parseRupiahInput(text: string): Rupiah | null {
  const cleaned = text.trim().replace(/^rp\s*/i, '').replace(/\./g, '');
  if (!/^\d{1,15}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

/** Sum of integer amounts, checked. */
export function sumRupiah(amounts: readonly Rupiah[]): Rupiah {
  let total = 0;
  for (const a of amounts) total += assertRupiah(a);
  return assertRupiah(total, 'total');
}

import { assertRupiah, type Rupiah } from '../money';

// The drawer: what a head counts at closing, and what the ledger says should be in it.
// Cash differences were computed wrong in other POS systems (the float counted twice, the
// change counted as income, a second cash-up re-summing the day; see STYLE.md). Loket has ONE
// expected-cash function, used by the closing and by the mid-day X report alike.

export type DenominationForm = 'note' | 'coin';

export interface Denomination {
  /** Stable key: the form's letter and the value (Rp1.000 exists as a note and as a coin). */
  id: DenominationId;
  value: Rupiah;
  form: DenominationForm;
  /** Rp50 coins are rarely handed over; the count form shows them last and may leave them at 0. */
  optional?: boolean;
}

/**
 * Rupiah in circulation at a counter, largest first (DOMAIN.md §7, Bank Indonesia):
 * notes Rp100.000 … Rp1.000, coins Rp1.000 … Rp100, Rp50 optional.
 */
export const DENOMINATIONS = [
  { id: 'N100000', value: 100_000, form: 'note' },
  { id: 'N50000', value: 50_000, form: 'note' },
  { id: 'N20000', value: 20_000, form: 'note' },
  { id: 'N10000', value: 10_000, form: 'note' },
  { id: 'N5000', value: 5_000, form: 'note' },
  { id: 'N2000', value: 2_000, form: 'note' },
  { id: 'N1000', value: 1_000, form: 'note' },
  { id: 'C1000', value: 1_000, form: 'coin' },
  { id: 'C500', value: 500, form: 'coin' },
  { id: 'C200', value: 200, form: 'coin' },
  { id: 'C100', value: 100, form: 'coin' },
  { id: 'C50', value: 50, form: 'coin', optional: true },
] as const satisfies readonly { id: string; value: number; form: DenominationForm; optional?: boolean }[];

export type DenominationId = (typeof DENOMINATIONS)[number]['id'];
export const DENOMINATION_IDS = DENOMINATIONS.map((d) => d.id) as [DenominationId, ...DenominationId[]];

/** Pieces counted per denomination; a denomination left out counts as 0. */
export type CashCount = Partial<Record<DenominationId, number>>;

export interface CountLine { id: DenominationId; value: Rupiah; form: DenominationForm; count: number; subtotal: Rupiah }

/** Every denomination with its count and subtotal, in the list's order. */
export function countLines(counts: CashCount): CountLine[] {
  return DENOMINATIONS.map((d) => {
    const count = counts[d.id] ?? 0;
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count of ${d.id} must be a whole number >= 0, got ${count}`);
    return { id: d.id, value: d.value, form: d.form, count, subtotal: assertRupiah(d.value * count, d.id) };
  });
}

/** The counted drawer in rupiah. */
export function countTotal(counts: CashCount): Rupiah {
  return assertRupiah(countLines(counts).reduce((s, l) => s + l.subtotal, 0), 'counted cash');
}

// ---- expected cash ----------------------------------------------------------------------

/** The columns of a ledger entry this function reads (a LedgerEntryRow fits). */
export interface CashEntryLike {
  id: string;
  kind: string;
  amount: number;
  payment_method: string | null;
  ref_entry_id: string | null;
  seq?: number;
}

export interface ExpectedCash {
  openingFloat: Rupiah;
  cashPayments: Rupiah;
  cashPaymentCount: number;
  /** Positive: what voids of cash payments took back out of the drawer. */
  voidedCashPayments: Rupiah;
  voidCount: number;
  cashIn: Rupiah;
  cashOut: Rupiah;
  /** openingFloat + cashPayments − voidedCashPayments + cashIn − cashOut */
  expected: Rupiah;
  /** Opening floats beyond the first of the day: not counted (a float is counted once). */
  ignoredFloats: string[];
}

const PAYMENT_KINDS = new Set(['REGISTRATION', 'CONTRIBUTION']);

/**
 * What should be in the drawer after these entries (one business day's), from the ledger alone:
 * opening float + cash payments − voided cash payments + cash in − cash out.
 * - A payment counts with its `amount`, the total due; the cash tendered and the change given
 *   (a payment's payload) are never read, so change is never income.
 * - The opening float is counted once: a further OPENING_FLOAT of the day is reported, not added.
 * - The result is a pure function of the set of entries: an entry given twice counts once, and
 *   a report (X report, closing) is not an entry, so running it again never re-sums the day.
 * - `referenced` holds entries outside the day that a VOID of the day reverses (yesterday's
 *   payment refunded today leaves today's drawer).
 */
export function expectedCash(entries: readonly CashEntryLike[], referenced: readonly CashEntryLike[] = []): ExpectedCash {
  const seen = new Set<string>();
  const unique = [...entries]
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
  const byId = new Map<string, CashEntryLike>();
  for (const e of referenced) byId.set(e.id, e);
  for (const e of unique) byId.set(e.id, e);

  const isCashPayment = (e: CashEntryLike | undefined) =>
    !!e && PAYMENT_KINDS.has(e.kind) && e.payment_method === 'CASH' && e.amount > 0;
  const r: ExpectedCash = {
    openingFloat: 0, cashPayments: 0, cashPaymentCount: 0, voidedCashPayments: 0, voidCount: 0,
    cashIn: 0, cashOut: 0, expected: 0, ignoredFloats: [],
  };
  let floatSeen = false;
  const voidedRefs = new Set<string>();
  for (const e of unique) {
    const amount = assertRupiah(e.amount, `amount of ${e.id}`);
    switch (e.kind) {
      case 'OPENING_FLOAT':
        if (floatSeen) r.ignoredFloats.push(e.id);
        else { r.openingFloat = Math.abs(amount); floatSeen = true; }
        break;
      case 'CASH_IN':
        r.cashIn += Math.abs(amount);
        break;
      case 'CASH_OUT':
        r.cashOut += Math.abs(amount);
        break;
      case 'VOID': {
        const ref = e.ref_entry_id ? byId.get(e.ref_entry_id) : undefined;
        // A void takes cash back out only when what it reverses was taken in cash, and only once.
        const cash = isCashPayment(ref) || (!ref && e.payment_method === 'CASH');
        if (!cash || (e.ref_entry_id && voidedRefs.has(e.ref_entry_id))) break;
        if (e.ref_entry_id) voidedRefs.add(e.ref_entry_id);
        r.voidedCashPayments += ref ? ref.amount : Math.abs(amount);
        r.voidCount += 1;
        break;
      }
      default:
        if (isCashPayment(e)) {
          r.cashPayments += amount;
          r.cashPaymentCount += 1;
        }
    }
  }
  r.expected = assertRupiah(r.openingFloat + r.cashPayments - r.voidedCashPayments + r.cashIn - r.cashOut, 'expected cash');
  return r;
}

import type { Quote } from '../contract/payment';

// A row of the payment screen's month table: what each program charges before any reduction,
// the reduction, and what is due. Charged − reduction = due, on every row, as on the
// "Per program" table (issue 15: rows showed already-reduced amounts and then the reduction again).

export interface QuoteMonthRow {
  month: string;
  arrears: boolean;
  /** Program code → charged before the reduction, integer rupiah. */
  charged: Record<string, number>;
  /** The reduction over all programs (0 when none) and its regulation. */
  reduction: number;
  regulation: string | null;
  due: number;
}

type QuoteMonth = Quote['months'][number];
type ProgramCode = keyof QuoteMonth['full'];

export function quoteMonthRow(m: QuoteMonth, codes: readonly ProgramCode[]): QuoteMonthRow {
  const charged: Record<string, number> = {};
  for (const c of codes) charged[c] = m.full[c];
  const reduction = m.reduction ? codes.reduce((sum, c) => sum + m.reduction![c], 0) : 0;
  return { month: m.month, arrears: m.arrears, charged, reduction, regulation: m.reduction?.regulation ?? null, due: m.total };
}

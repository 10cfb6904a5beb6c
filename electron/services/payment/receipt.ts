import { paymentReceipt, voidReceipt, type ProgramLine } from '../../../shared/receipts/builders';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import type { ReceiptHeaderData } from '../../../shared/receipts/builders-common';
import { terbilang } from '../../../shared/domain/terbilang';
import type { Quote } from '../../../shared/contract/payment';
import type { Settings } from '../../../shared/settings';
import type { ParticipantRow } from '../participants/repo';

// The receipt of a payment and the slip of a void (DOMAIN.md §9), built from what was just
// recorded. Receipts go to the worker, so they are Indonesian whatever the screen language.

export function headerOf(st: Settings, teller: string, at: string): ReceiptHeaderData {
  return {
    branchName: `${st.branch.name} ${st.branch.code}`.trim(),
    counter: String(st.counter.number),
    teller,
    at,
    zone: st.branch.timeZone,
  };
}

export function reductionLabel(regulation: string): string {
  return `Keringanan ${regulation}`;
}

export function paymentReceiptDoc(args: {
  settings: Settings; teller: string; at: string; receiptNo: string; participant: ParticipantRow;
  quote: Quote; cashTendered: number; change: number;
}): ReceiptDoc {
  const { quote } = args;
  const count = quote.months.length;
  const programs: ProgramLine[] = quote.programs.map((p) => {
    // The per-month amount is worth printing only when every month cost the same before any reduction.
    const perMonth = quote.months.map((m) => m.full[p.code]);
    const same = perMonth.every((v) => v === perMonth[0]);
    return { code: p.code, dpp: p.dpp, amount: p.full, ...(same && count > 1 ? { monthly: perMonth[0] } : {}) };
  });
  return paymentReceipt({
    ...headerOf(args.settings, args.teller, args.at),
    receiptNo: args.receiptNo,
    participantName: args.participant.name,
    kpj: args.participant.kpj,
    nik: args.participant.nik,
    programs,
    monthFrom: quote.from,
    monthTo: quote.to,
    reductions: quote.reductions.map((r) => ({ label: reductionLabel(r.regulation), amount: r.amount })),
    total: quote.total,
    totalInWords: terbilang(quote.total),
    cashReceived: args.cashTendered,
    change: args.change,
  }, { lang: 'id' });
}

export function voidReceiptDoc(args: {
  settings: Settings; teller: string; at: string; receiptNo: string; originalReceiptNo: string;
  participant: ParticipantRow | null; amount: number; reason: string; approvedBy: string;
}): ReceiptDoc {
  return voidReceipt({
    ...headerOf(args.settings, args.teller, args.at),
    receiptNo: args.receiptNo,
    originalReceiptNo: args.originalReceiptNo,
    participantName: args.participant?.name ?? '-',
    nik: args.participant?.nik,
    kpj: args.participant ? args.participant.kpj : undefined,
    amount: args.amount,
    reason: args.reason,
    approvedBy: args.approvedBy,
  }, { lang: 'id' });
}

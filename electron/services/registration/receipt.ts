import type { Quote } from '../../../shared/contract/registration';
import { occupations } from '../../../shared/domain/occupations';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { registrationReceipt } from '../../../shared/receipts/builders';
import type { ReceiptDoc } from '../../../shared/receipts/layout';
import type { Settings } from '../../../shared/settings';
import type { ParticipantRow } from '../participants/repo';

/** The registration slip: who, what they will pay a month (after any reduction), from when. */
export function registrationReceiptDoc(args: {
  row: ParticipantRow; entry: LedgerEntryRow; quote: Quote; settings: Settings; teller: string; copy?: boolean;
}): ReceiptDoc {
  const { row, entry, quote, settings } = args;
  const lang = settings.language;
  const programs = quote.programs.map((p) => ({ code: p.code, dpp: quote.band.dpp, monthly: p.due, amount: p.due }));
  return registrationReceipt({
    branchName: `${settings.branch.name} ${settings.branch.code}`.trim(),
    counter: String(settings.counter.number),
    teller: args.teller,
    at: entry.created_at,
    zone: settings.branch.timeZone,
    receiptNo: entry.receipt_no ?? entry.id,
    participantName: row.name,
    nik: row.nik,
    kpj: row.kpj,
    birthDate: row.birth_date,
    occupation: (row.occupation_code && occupations.label(row.occupation_code, lang)) ?? row.occupation_code ?? '-',
    address: row.address ?? undefined,
    phone: row.phone ?? undefined,
    programs,
    monthlyContribution: quote.total,
    coverageStart: entry.business_date,
    copy: args.copy,
  }, { lang });
}

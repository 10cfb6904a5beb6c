import type { Rupiah } from '../money';
import { formatDate } from '../dates';
import type { Block, ReceiptDoc } from './layout';
import { maskNik } from './mask';
import { translatorOf, type ReceiptLangOptions, type Translate } from './translate';
import {
  finish, headerBlocks, money, monthCount, monthRange, programLabel, timeAndTellerBlocks, type ReceiptHeaderData,
} from './builders-common';

// Builders turn plain data into a ReceiptDoc. They format (rupiah, dates, masked NIK) but
// decide nothing: amounts come computed by the domain code, and a receipt that does not add
// up is refused here rather than printed.

export { testPage, closingReport } from './builders-reports';
export type { TestPageData, ClosingReportData } from './builders-reports';
export type { ReceiptHeaderData } from './builders-common';

export interface ProgramLine {
  /** `JKK`, `JKM`, `JHT` (labels from the messages) or any other code, printed as is. */
  code: string;
  /** The contribution base (DPP) the amount is computed from. */
  dpp: Rupiah;
  /** Amount per month for this program, when worth printing. */
  monthly?: Rupiah;
  /** Amount for this program over all the months paid, before any reduction. */
  amount: Rupiah;
}

export interface ReductionLine {
  /** As printed, e.g. `Keringanan PP 50/2025`. */
  label: string;
  /** Positive amount taken off the total. */
  amount: Rupiah;
}

export interface PaymentReceiptData extends ReceiptHeaderData {
  receiptNo: string;
  participantName: string;
  /** 11-digit KPJ, or null while the number is not issued yet. */
  kpj: string | null;
  nik: string;
  programs: ProgramLine[];
  /** First and last month paid for, `YYYY-MM`. */
  monthFrom: string;
  monthTo: string;
  reductions?: ReductionLine[];
  total: Rupiah;
  /** The total in words (terbilang), already written out. */
  totalInWords: string;
  cashReceived: Rupiah;
  change: Rupiah;
  copy?: boolean;
}

function participantBlocks(t: Translate, d: { participantName: string; kpj: string | null; nik: string }): Block[] {
  return [
    { type: 'pair', left: t('receipt.participant'), right: d.participantName, bold: true },
    { type: 'pair', left: t('receipt.kpj'), right: d.kpj ?? t('receipt.kpjWaiting') },
    { type: 'pair', left: t('receipt.nik'), right: maskNik(d.nik) },
  ];
}

function programBlocks(t: Translate, programs: ProgramLine[]): Block[] {
  const blocks: Block[] = [];
  for (const p of programs) {
    blocks.push({ type: 'pair', left: programLabel(t, p.code), right: money(p.amount, `${p.code} amount`) });
    let detail = `  ${t('receipt.dpp', { amount: money(p.dpp, `${p.code} DPP`) })}`;
    if (p.monthly !== undefined) detail += `, ${t('receipt.perMonth', { amount: money(p.monthly, `${p.code} monthly`) })}`;
    blocks.push({ type: 'text', text: detail });
  }
  return blocks;
}

function checkTotals(programs: ProgramLine[], reductions: ReductionLine[], total: Rupiah): void {
  const gross = programs.reduce((s, p) => s + p.amount, 0);
  const off = reductions.reduce((s, r) => s + r.amount, 0);
  if (reductions.some((r) => r.amount < 0)) throw new RangeError('a reduction is a positive amount taken off the total');
  if (gross - off !== total) throw new RangeError(`receipt does not add up: programs ${gross} - reductions ${off} != total ${total}`);
}

export function paymentReceipt(data: PaymentReceiptData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const lang = opts?.lang ?? 'id';
  const reductions = data.reductions ?? [];
  checkTotals(data.programs, reductions, data.total);
  if (data.cashReceived - data.total !== data.change) {
    throw new RangeError(`change ${data.change} != cash ${data.cashReceived} - total ${data.total}`);
  }
  const body: Block[] = [
    ...headerBlocks(t, t('receipt.title.payment'), data),
    ...timeAndTellerBlocks(t, data, data.receiptNo),
    { type: 'separator' },
    ...participantBlocks(t, data),
    { type: 'separator' },
    { type: 'pair', left: t('receipt.period'), right: t('receipt.monthCount', { count: monthCount(data.monthFrom, data.monthTo) }), bold: true },
    { type: 'text', text: monthRange(t, data.monthFrom, data.monthTo, lang) },
    { type: 'separator' },
    ...programBlocks(t, data.programs),
    ...reductions.map((r): Block => ({ type: 'pair', left: r.label, right: money(-r.amount, 'reduction') })),
    { type: 'separator' },
    { type: 'pair', left: t('receipt.total'), right: money(data.total, 'total'), bold: true },
    { type: 'text', text: t('receipt.inWords') },
    { type: 'text', text: data.totalInWords },
    { type: 'separator' },
    { type: 'pair', left: t('receipt.cash'), right: money(data.cashReceived, 'cash') },
    { type: 'pair', left: t('receipt.change'), right: money(data.change, 'change') },
    { type: 'separator' },
    { type: 'qr', data: data.receiptNo },
    { type: 'text', text: data.receiptNo, align: 'center' },
    { type: 'feed' },
    { type: 'text', text: t('receipt.footer'), align: 'center', bold: true },
  ];
  return { blocks: finish(t, body, data.copy) };
}

export interface RegistrationReceiptData extends ReceiptHeaderData {
  /** Registration reference printed and encoded in the QR. */
  receiptNo: string;
  participantName: string;
  nik: string;
  kpj: string | null;
  /** `YYYY-MM-DD`. */
  birthDate?: string;
  occupation: string;
  address?: string;
  phone?: string;
  programs: ProgramLine[];
  monthlyContribution: Rupiah;
  /** `YYYY-MM-DD` the coverage starts. */
  coverageStart?: string;
  copy?: boolean;
}

export function registrationReceipt(data: RegistrationReceiptData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const lang = opts?.lang ?? 'id';
  if (data.programs.length === 0) throw new RangeError('a registration has at least one program');
  const monthlySum = data.programs.reduce((s, p) => s + (p.monthly ?? p.amount), 0);
  if (monthlySum !== data.monthlyContribution) {
    throw new RangeError(`monthly contribution ${data.monthlyContribution} != sum of programs ${monthlySum}`);
  }
  const optional: Block[] = [];
  if (data.birthDate) optional.push({ type: 'pair', left: t('receipt.registration.birthDate'), right: formatDate(data.birthDate, lang) });
  optional.push({ type: 'pair', left: t('receipt.registration.occupation'), right: data.occupation });
  if (data.address) optional.push({ type: 'text', text: `${t('receipt.registration.address')}: ${data.address}` });
  if (data.phone) optional.push({ type: 'pair', left: t('receipt.registration.phone'), right: data.phone });
  const body: Block[] = [
    ...headerBlocks(t, t('receipt.title.registration'), data),
    ...timeAndTellerBlocks(t, data, data.receiptNo),
    { type: 'separator' },
    ...participantBlocks(t, data),
    ...optional,
    { type: 'separator' },
    { type: 'text', text: t('receipt.programs'), bold: true },
    ...data.programs.map((p): Block => ({
      type: 'pair',
      left: `${programLabel(t, p.code)}`,
      right: money(p.monthly ?? p.amount, `${p.code} monthly`),
    })),
    { type: 'text', text: `  ${t('receipt.dpp', { amount: money(data.programs[0].dpp, 'DPP') })}` },
    { type: 'separator' },
    { type: 'pair', left: t('receipt.registration.monthly'), right: money(data.monthlyContribution, 'monthly'), bold: true },
  ];
  if (data.coverageStart) body.push({ type: 'pair', left: t('receipt.registration.coverageStart'), right: formatDate(data.coverageStart, lang) });
  body.push(
    { type: 'separator' },
    { type: 'qr', data: data.receiptNo },
    { type: 'text', text: data.receiptNo, align: 'center' },
    { type: 'feed' },
    { type: 'text', text: t('receipt.registration.footer'), align: 'center' },
  );
  return { blocks: finish(t, body, data.copy) };
}

export interface VoidReceiptData extends ReceiptHeaderData {
  /** Number of this void slip. */
  receiptNo: string;
  originalReceiptNo: string;
  participantName: string;
  nik?: string;
  kpj?: string | null;
  /** Positive amount taken back. */
  amount: Rupiah;
  reason: string;
  /** The head who approved with their PIN. */
  approvedBy: string;
  copy?: boolean;
}

export function voidReceipt(data: VoidReceiptData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const who: Block[] = [{ type: 'pair', left: t('receipt.participant'), right: data.participantName, bold: true }];
  if (data.kpj !== undefined) who.push({ type: 'pair', left: t('receipt.kpj'), right: data.kpj ?? t('receipt.kpjWaiting') });
  if (data.nik) who.push({ type: 'pair', left: t('receipt.nik'), right: maskNik(data.nik) });
  const body: Block[] = [
    ...headerBlocks(t, t('receipt.title.void'), data),
    ...timeAndTellerBlocks(t, data, data.receiptNo),
    { type: 'pair', left: t('receipt.void.original'), right: data.originalReceiptNo, bold: true },
    { type: 'separator' },
    ...who,
    { type: 'separator' },
    { type: 'pair', left: t('receipt.void.amount'), right: money(-Math.abs(data.amount), 'amount'), bold: true },
    { type: 'text', text: `${t('receipt.void.reason')}: ${data.reason}` },
    { type: 'pair', left: t('receipt.void.approvedBy'), right: data.approvedBy },
    { type: 'separator' },
    { type: 'qr', data: data.receiptNo },
    { type: 'text', text: data.receiptNo, align: 'center' },
    { type: 'feed' },
    { type: 'text', text: t('receipt.void.footer'), align: 'center', bold: true },
  ];
  return { blocks: finish(t, body, data.copy) };
}

import { formatDate, formatDateTime, type TimeZone } from '../dates';
import type { Rupiah } from '../money';
import type { Block, ReceiptDoc } from './layout';
import { translatorOf, type ReceiptLangOptions } from './translate';
import { finish, headerBlocks, kindLabel, money, type ReceiptHeaderData } from './builders-common';

// Slips that are not receipts for a worker: the printer test page and the day-closing report.

export interface TestPageData {
  printerName: string;
  /** How the printer is reached, e.g. `tcp://192.168.1.50:9100`. */
  connection: string;
  /** Characters per line the page is laid out for (rulers are this wide). */
  cpl: number;
  at: Date | string | number;
  zone: TimeZone;
  branchName?: string;
  counter?: string;
  /** QR payload; `LOKET-TEST` by default. */
  qrData?: string;
}

/** `1234567890` repeated to the width, and a tens ruler `....:....1....:....2`. */
function rulers(cpl: number): string[] {
  let digits = '';
  let tens = '';
  for (let i = 1; i <= cpl; i++) {
    digits += String(i % 10);
    tens += i % 10 === 0 ? String((i / 10) % 10) : i % 5 === 0 ? ':' : '.';
  }
  return [tens, digits];
}

export function testPage(data: TestPageData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  let ascii = '';
  for (let c = 0x21; c <= 0x7e; c++) ascii += String.fromCharCode(c);
  const [tens, digits] = rulers(data.cpl);
  const body: Block[] = [
    { type: 'text', text: t('receipt.title.test'), align: 'center', bold: true },
  ];
  if (data.branchName) body.push({ type: 'text', text: data.branchName, align: 'center' });
  if (data.counter) body.push({ type: 'text', text: t('receipt.counter', { number: data.counter }), align: 'center' });
  body.push(
    { type: 'text', text: formatDateTime(data.at, data.zone), align: 'center' },
    { type: 'separator', char: '=' },
    { type: 'pair', left: t('receipt.test.printer'), right: data.printerName },
    { type: 'text', text: data.connection },
    { type: 'text', text: t('receipt.test.width', { cpl: data.cpl }) },
    { type: 'separator' },
    { type: 'text', text: t('receipt.test.ruler'), bold: true },
    { type: 'text', text: tens },
    { type: 'text', text: digits },
    { type: 'separator' },
    { type: 'text', text: t('receipt.test.characters'), bold: true },
    { type: 'text', text: ascii },
    { type: 'text', text: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789' },
    { type: 'separator' },
    { type: 'text', text: t('receipt.test.bold'), bold: true },
    { type: 'text', text: t('receipt.test.double'), size: 'double', align: 'center' },
    { type: 'text', text: t('receipt.test.left'), align: 'left' },
    { type: 'text', text: t('receipt.test.center'), align: 'center' },
    { type: 'text', text: t('receipt.test.right'), align: 'right' },
    { type: 'pair', left: 'JKK', right: 'Rp10.000' },
    { type: 'separator' },
    { type: 'text', text: t('receipt.test.qr'), align: 'center' },
    { type: 'qr', data: data.qrData ?? 'LOKET-TEST' },
    { type: 'text', text: data.qrData ?? 'LOKET-TEST', align: 'center' },
    { type: 'feed' },
    { type: 'text', text: t('receipt.test.ok'), align: 'center' },
  );
  return { blocks: finish(t, body, false) };
}

export interface DenominationCount { value: Rupiah; count: number }
export interface KindTotal { kind: string; label?: string; count: number; amount: Rupiah }
export interface ReconciliationSummary {
  matched: number;
  onlyLocal: number;
  onlyCentral: number;
  different: number;
  /** True once the central side acknowledged the closing. */
  reconciled: boolean;
}

export interface ClosingReportData extends Omit<ReceiptHeaderData, 'teller'> {
  /** Closing reference, printed and put in the QR. */
  closingNo: string;
  /** `YYYY-MM-DD` business date closed. */
  businessDate: string;
  headName: string;
  denominations: DenominationCount[];
  openingFloat?: Rupiah;
  /** From the one expected-cash function; the report only prints it. */
  expectedCash: Rupiah;
  differenceReason?: string;
  perKind: KindTotal[];
  reconciliation: ReconciliationSummary;
  copy?: boolean;
}

export function countedCash(denominations: DenominationCount[]): Rupiah {
  return denominations.reduce((s, d) => {
    if (!Number.isInteger(d.count) || d.count < 0) throw new RangeError(`denomination count must be a whole number >= 0, got ${d.count}`);
    return s + d.value * d.count;
  }, 0);
}

export function closingReport(data: ClosingReportData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const lang = opts?.lang ?? 'id';
  const counted = countedCash(data.denominations);
  const difference = counted - data.expectedCash;
  const signed = difference > 0 ? `+${money(difference, 'difference')}` : money(difference, 'difference');
  const r = data.reconciliation;
  const body: Block[] = [
    ...headerBlocks(t, t('receipt.title.closing'), { ...data, teller: data.headName }),
    { type: 'pair', left: t('receipt.closing.businessDate'), right: formatDate(data.businessDate, lang), bold: true },
    { type: 'pair', left: t('receipt.receiptNo'), right: data.closingNo },
    { type: 'pair', left: t('receipt.dateTime'), right: formatDateTime(data.at, data.zone) },
    { type: 'pair', left: t('receipt.closing.head'), right: data.headName },
    { type: 'separator' },
    { type: 'text', text: t('receipt.closing.drawer'), bold: true },
    ...data.denominations
      .filter((d) => d.count > 0)
      .map((d): Block => ({ type: 'pair', left: `${money(d.value, 'denomination')} x ${d.count}`, right: money(d.value * d.count, 'subtotal') })),
    { type: 'pair', left: t('receipt.closing.counted'), right: money(counted, 'counted'), bold: true },
  ];
  if (data.openingFloat !== undefined) body.push({ type: 'pair', left: t('receipt.closing.openingFloat'), right: money(data.openingFloat, 'float') });
  body.push(
    { type: 'pair', left: t('receipt.closing.expected'), right: money(data.expectedCash, 'expected') },
    { type: 'pair', left: t('receipt.closing.difference'), right: signed, bold: true },
  );
  if (difference !== 0 && data.differenceReason) body.push({ type: 'text', text: `${t('receipt.closing.reason')}: ${data.differenceReason}` });
  body.push({ type: 'separator' }, { type: 'text', text: t('receipt.closing.perKind'), bold: true });
  for (const k of data.perKind) {
    const label = k.label ?? kindLabel(t, k.kind);
    body.push({ type: 'pair', left: `${label} (${t('receipt.closing.count', { count: k.count })})`, right: money(k.amount, k.kind) });
  }
  body.push(
    { type: 'separator' },
    { type: 'text', text: t('receipt.closing.recon'), bold: true },
    { type: 'pair', left: t('receipt.closing.matched'), right: String(r.matched) },
    { type: 'pair', left: t('receipt.closing.onlyLocal'), right: String(r.onlyLocal) },
    { type: 'pair', left: t('receipt.closing.onlyCentral'), right: String(r.onlyCentral) },
    { type: 'pair', left: t('receipt.closing.different'), right: String(r.different) },
    { type: 'text', text: r.reconciled ? t('receipt.closing.reconciled') : t('receipt.closing.unreconciled'), align: 'center', bold: true },
    { type: 'separator' },
    { type: 'qr', data: data.closingNo },
    { type: 'feed', lines: 2 },
    { type: 'text', text: t('receipt.closing.signature'), align: 'center' },
    { type: 'feed', lines: 3 },
    { type: 'text', text: `( ${data.headName} )`, align: 'center' },
  );
  return { blocks: finish(t, body, data.copy) };
}

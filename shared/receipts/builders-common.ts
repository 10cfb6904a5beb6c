import { formatDateTime, formatMonth, type Lang, type TimeZone } from '../dates';
import { assertRupiah, formatRupiah, type Rupiah } from '../money';
import type { Block } from './layout';
import type { Translate } from './translate';

// Pieces every receipt shares: the header (branch, counter, teller, number, time) and the footer.

export interface ReceiptHeaderData {
  /** Pos branch name as it should print, e.g. `KCU Karawang 41300`. */
  branchName: string;
  /** Counter number or name, e.g. `2`. */
  counter: string;
  teller: string;
  /** When the transaction happened (an instant; printed in the branch's zone). */
  at: Date | string | number;
  zone: TimeZone;
}

export function headerBlocks(t: Translate, title: string, h: ReceiptHeaderData): Block[] {
  return [
    { type: 'text', text: 'POS INDONESIA', align: 'center', bold: true, size: 'double' },
    { type: 'text', text: h.branchName, align: 'center', bold: true },
    { type: 'text', text: t('receipt.counter', { number: h.counter }), align: 'center' },
    { type: 'separator', char: '=' },
    { type: 'text', text: title, align: 'center', bold: true },
    { type: 'text', text: t('receipt.subtitle'), align: 'center' },
    { type: 'separator' },
  ];
}

export function timeAndTellerBlocks(t: Translate, h: ReceiptHeaderData, receiptNo?: string): Block[] {
  const blocks: Block[] = [];
  if (receiptNo) blocks.push({ type: 'pair', left: t('receipt.receiptNo'), right: receiptNo });
  blocks.push({ type: 'pair', left: t('receipt.dateTime'), right: formatDateTime(h.at, h.zone) });
  blocks.push({ type: 'pair', left: t('receipt.teller'), right: h.teller });
  return blocks;
}

export function money(amount: Rupiah, what: string): string {
  return formatRupiah(assertRupiah(amount, what));
}

/** `Januari 2026 s.d. Maret 2026`; a single month prints once. */
export function monthRange(t: Translate, from: string, to: string, lang: Lang): string {
  monthCount(from, to); // refuses a range that ends before it starts
  return from === to ? formatMonth(from, lang) : t('receipt.monthRange', { from: formatMonth(from, lang), to: formatMonth(to, lang) });
}

export function monthCount(from: string, to: string): number {
  const m = /^(\d{4})-(\d{2})$/;
  const a = m.exec(from);
  const b = m.exec(to);
  if (!a || !b) throw new TypeError(`months must be 'YYYY-MM', got ${from}..${to}`);
  const n = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2])) + 1;
  if (n < 1) throw new RangeError(`month range ends before it starts: ${from}..${to}`);
  return n;
}

/** Program label from the messages (`JKK Kecelakaan Kerja`), or the code itself when unknown. */
export function programLabel(t: Translate, code: string): string {
  const key = `receipt.program.${code}`;
  const label = t(key);
  return label === key ? code : label;
}

export function kindLabel(t: Translate, kind: string): string {
  const key = `receipt.kind.${kind}`;
  const label = t(key);
  return label === key ? kind : label;
}

/** Copy mark at top and bottom when the receipt is a copy; always ends with a feed and a cut. */
export function finish(t: Translate, body: Block[], copy: boolean | undefined): Block[] {
  const blocks = [...body];
  if (copy) {
    const mark: Block = { type: 'copyMark', label: t('receipt.copy') };
    blocks.unshift(mark);
    blocks.push(mark);
  }
  blocks.push({ type: 'feed', lines: 2 }, { type: 'cut' });
  return blocks;
}

import type { Block, ReceiptDoc } from '../../../shared/receipts/layout';
import type { ExpectedCash } from '../../../shared/domain/cash';
import { createI18n } from '../../../shared/i18n';
import { formatDate, formatDateTime, type Lang, type TimeZone } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';

// The mid-day X report: what the drawer should hold now, from the same expected-cash function
// the closing uses. It is a printout, not a ledger entry, so printing it twice changes nothing.

export interface XReportData {
  branchName: string;
  counterNumber: number;
  businessDate: string;
  at: Date;
  zone: TimeZone;
  headName: string;
  expected: ExpectedCash;
  perKind: { kind: string; count: number; amount: number }[];
}

export function xReportDoc(d: XReportData, lang: Lang): ReceiptDoc {
  const i = createI18n(lang);
  const t = (k: string, p?: Record<string, string | number>) => i.t(k, p ?? {});
  const kindLabel = (kind: string) => (i.exists(`receipt.kind.${kind}`) ? t(`receipt.kind.${kind}`) : t(`closing.kind.${kind}`, { defaultValue: kind }));
  const e = d.expected;
  const blocks: Block[] = [
    { type: 'text', text: 'POS INDONESIA', align: 'center', bold: true, size: 'double' },
    { type: 'text', text: d.branchName, align: 'center', bold: true },
    { type: 'text', text: t('receipt.counter', { number: d.counterNumber }), align: 'center' },
    { type: 'separator', char: '=' },
    { type: 'text', text: t('closing.x.title'), align: 'center', bold: true },
    { type: 'text', text: t('closing.x.notClosing'), align: 'center' },
    { type: 'separator' },
    { type: 'pair', left: t('receipt.closing.businessDate'), right: formatDate(d.businessDate, lang) },
    { type: 'pair', left: t('receipt.dateTime'), right: formatDateTime(d.at, d.zone) },
    { type: 'pair', left: t('receipt.closing.head'), right: d.headName },
    { type: 'separator' },
    { type: 'pair', left: t('closing.expected.openingFloat'), right: formatRupiah(e.openingFloat) },
    { type: 'pair', left: t('closing.expected.cashPayments'), right: formatRupiah(e.cashPayments) },
    { type: 'pair', left: t('closing.expected.voided'), right: formatRupiah(-e.voidedCashPayments) },
    { type: 'pair', left: t('closing.expected.cashIn'), right: formatRupiah(e.cashIn) },
    { type: 'pair', left: t('closing.expected.cashOut'), right: formatRupiah(-e.cashOut) },
    { type: 'pair', left: t('receipt.closing.expected'), right: formatRupiah(e.expected), bold: true },
    { type: 'separator' },
    { type: 'text', text: t('receipt.closing.perKind'), bold: true },
    ...d.perKind.map((k): Block => ({ type: 'pair', left: `${kindLabel(k.kind)} (${k.count})`, right: formatRupiah(k.amount) })),
    { type: 'feed', lines: 2 },
    { type: 'cut' },
  ];
  return { blocks };
}

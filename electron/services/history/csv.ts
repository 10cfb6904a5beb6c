import type { HistoryRow } from '../../../shared/contract/history';
import { formatDateTime, type TimeZone } from '../../../shared/dates';

// History as CSV for a spreadsheet: RFC 4180 quoting, a BOM so Excel reads UTF-8, amounts as
// plain integers, and the NIK masked. A text cell that starts like a formula is prefixed with
// an apostrophe so opening the file never runs anything.

export type Translate = (key: string) => string;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'createdAt', 'businessDate', 'kind', 'receiptNo', 'teller', 'participant', 'nik', 'kpj', 'months', 'amount', 'reference', 'status',
] as const;

export function historyCsv(rows: readonly HistoryRow[], t: Translate, zone: TimeZone): string {
  const lines = [CSV_COLUMNS.map((c) => cell(t(`history.csv.${c}`))).join(',')];
  for (const r of rows) {
    const months = r.months ? (r.months.from === r.months.to ? r.months.from : `${r.months.from}..${r.months.to}`) : null;
    lines.push([
      formatDateTime(r.createdAt, zone), r.businessDate, t(`history.kind.${r.kind}`), r.receiptNo, r.userName,
      r.participantName, r.nikMasked, r.kpj, months, r.amount, r.refReceiptNo,
      r.voidedBy ? t('history.csv.voided') : null,
    ].map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

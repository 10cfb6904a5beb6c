import type { Cell, Table } from './report-tables';

// The overview's tables in one CSV file for a spreadsheet: each table under its title, a blank
// line between tables; RFC 4180 quoting, a BOM so Excel reads UTF-8, numbers as plain integers.
// A text cell that starts like a formula gets an apostrophe so opening the file runs nothing
// (phone numbers in E.164 start with '+').

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tablesCsv(tables: readonly Table[]): string {
  const blocks = tables.map((t) => [cell(t.title), t.columns.map(cell).join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}

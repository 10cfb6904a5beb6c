import { formatDate, formatDateTime, formatMonth, type TimeZone } from '../dates';
import { maskNik } from '../domain/nik';
import type { Block, ReceiptDoc } from './layout';
import { translatorOf, type ReceiptLangOptions } from './translate';
import { finish } from './builders-common';

// "What we hold on you" (issue 16 item 6): printed at the worker's request, a summary of the
// personal data this branch holds on them, its versions, and what it was used for. The NIK and
// the mother's maiden name (a security question at banks) are masked: a slip can be lost.

export interface DataReportData {
  branchName: string;
  at: Date | string | number;
  zone: TimeZone;
  name: string;
  nik: string;
  kpj: string | null;
  birthPlace: string | null;
  birthDate: string;
  sex: 'M' | 'F' | null;
  phone: string | null;
  address: string | null;
  hasMotherName: boolean;
  occupation: string | null;
  programs: string[];
  /** Each version of the data: 1 = registration, then corrections. `legacy`: version 1 kept in its old entry. */
  versions: { version: number; at: string; kind: 'registered' | 'corrected' | 'legacy' }[];
  payments: number;
  months: { from: string; to: string } | null;
  claims: number;
}

export function dataReportSlip(d: DataReportData, opts?: ReceiptLangOptions): ReceiptDoc {
  const t = translatorOf(opts);
  const lang = opts?.lang ?? 'id';
  const k = (key: string, params?: Record<string, string | number>) => t(`receipt.dataReport.${key}`, params);
  const or = (v: string | null | undefined) => (v && v.trim() ? v : k('none'));
  const pair = (left: string, right: string): Block => ({ type: 'pair', left, right });
  const body: Block[] = [
    { type: 'text', text: k('title'), align: 'center', bold: true },
    { type: 'text', text: d.branchName, align: 'center' },
    { type: 'text', text: formatDateTime(d.at, d.zone), align: 'center' },
    { type: 'separator', char: '=' },
    { type: 'text', text: k('intro') },
    { type: 'separator' },
    { type: 'text', text: k('held'), bold: true },
    pair(k('name'), d.name),
    pair(k('nik'), maskNik(d.nik)),
    pair(k('kpj'), d.kpj ?? k('kpjWaiting')),
    pair(k('birth'), `${d.birthPlace ? `${d.birthPlace}, ` : ''}${formatDate(d.birthDate, lang)}`),
    pair(k('sex'), d.sex ? t(`receipt.dataReport.sexValue.${d.sex}`) : k('none')),
    pair(k('phone'), or(d.phone)),
    { type: 'text', text: `${k('address')}: ${or(d.address)}` },
    pair(k('mother'), d.hasMotherName ? k('hidden') : k('none')),
    pair(k('occupation'), or(d.occupation)),
    pair(k('programs'), d.programs.join(', ')),
    { type: 'separator' },
    { type: 'text', text: k('versions'), bold: true },
    ...d.versions.map((v): Block => pair(
      v.kind === 'legacy' ? k('legacy') : k(v.kind, { version: v.version }), formatDate(v.at.slice(0, 10), lang),
    )),
    { type: 'separator' },
    { type: 'text', text: k('used'), bold: true },
    { type: 'text', text: `- ${k('useRegistration')}` },
    { type: 'text', text: `- ${k('usePayments', { count: d.payments })}` },
  ];
  if (d.months) body.push({ type: 'text', text: `  ${k('useMonths', { from: formatMonth(d.months.from, lang), to: formatMonth(d.months.to, lang) })}` });
  body.push(
    { type: 'text', text: `- ${k('useClaims', { count: d.claims })}` },
    { type: 'text', text: `- ${k('sharedWith')}` },
    { type: 'separator' },
    { type: 'text', text: k('rights') },
  );
  return { blocks: finish(t, body, false) };
}

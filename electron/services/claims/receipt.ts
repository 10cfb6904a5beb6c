import { formatDate, formatDateTime, type Lang } from '../../../shared/dates';
import { bankName, claimTypeInfo, documentLabel, type ClaimType } from '../../../shared/domain/claims';
import { claims as claimMessages } from '../../../shared/i18n/messages/claims';
import type { ClaimDetails, ClaimStatus } from '../../../shared/protocol/claims';
import { finish, headerBlocks, timeAndTellerBlocks, type ReceiptHeaderData } from '../../../shared/receipts/builders-common';
import type { Block, ReceiptDoc } from '../../../shared/receipts/layout';
import { maskNik } from '../../../shared/receipts/mask';
import { receiptTranslator, type Translate } from '../../../shared/receipts/translate';

// The claim's tanda terima (what was handed in, with the claim number once central gave it)
// and the status slip. Labels come from the claims messages, the shared header from receipts.

type Tree = { [k: string]: string | Tree };

/** Looks a key up in the claims messages first, then in the receipts messages. */
export function claimTranslator(lang: Lang): Translate {
  const base = receiptTranslator(lang);
  const root = claimMessages[lang] as unknown as Tree;
  return (key, params) => {
    let node: string | Tree | undefined = root;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') return base(key, params);
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (params && name in params ? String(params[name]) : m));
  };
}

export interface ClaimReceiptData extends ReceiptHeaderData {
  receiptNo: string;
  claimNumber: string | null;
  type: ClaimType;
  participantName: string;
  nik: string;
  kpj: string | null;
  documents: string[];
  attachments: { fileName: string; size: number }[];
  details: ClaimDetails;
  copy?: boolean;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;
const maskAccount = (n: string) => `${'*'.repeat(Math.max(0, n.length - 4))}${n.slice(-4)}`;

function claimHead(t: Translate, d: Pick<ClaimReceiptData, 'claimNumber' | 'type' | 'participantName' | 'nik' | 'kpj'>, lang: Lang): Block[] {
  return [
    { type: 'pair', left: t('claims.receipt.claimNumber'), right: d.claimNumber ?? t('claims.receipt.claimNumberWaiting'), bold: true },
    { type: 'pair', left: t('claims.receipt.type'), right: claimTypeInfo(d.type).label[lang] },
    { type: 'pair', left: t('receipt.participant'), right: d.participantName, bold: true },
    { type: 'pair', left: t('receipt.kpj'), right: d.kpj ?? t('receipt.kpjWaiting') },
    { type: 'pair', left: t('receipt.nik'), right: maskNik(d.nik) },
  ];
}

export function claimReceiptDoc(d: ClaimReceiptData, lang: Lang): ReceiptDoc {
  const t = claimTranslator(lang);
  const body: Block[] = [
    ...headerBlocks(t, t('claims.receipt.title'), d),
    ...timeAndTellerBlocks(t, d, d.receiptNo),
    { type: 'separator' },
    ...claimHead(t, d, lang),
  ];
  if (d.details.accident) {
    body.push({ type: 'pair', left: t('claims.receipt.accidentDate'), right: formatDate(d.details.accident.date, lang) });
    body.push({ type: 'text', text: `${t('claims.receipt.accidentPlace')}: ${d.details.accident.place}` });
  }
  if (d.details.death) {
    body.push({ type: 'pair', left: t('claims.receipt.deathDate'), right: formatDate(d.details.death.date, lang) });
    body.push({ type: 'pair', left: t('claims.receipt.heir'), right: d.details.death.heir.name });
    body.push({ type: 'pair', left: t('claims.receipt.heirNik'), right: maskNik(d.details.death.heir.nik) });
  }
  const bank = d.details.bank;
  body.push({ type: 'pair', left: t('claims.receipt.bank'), right: `${bankName(bank.code) ?? bank.code}` });
  body.push({ type: 'pair', left: t('claims.receipt.account'), right: `${maskAccount(bank.accountNumber)} a.n. ${bank.holder}` });
  body.push({ type: 'separator' }, { type: 'text', text: t('claims.receipt.documents'), bold: true });
  for (const id of d.documents) body.push({ type: 'text', text: `  [x] ${documentLabel(d.type, id, lang)}` });
  body.push({ type: 'text', text: t('claims.receipt.attachments', { count: d.attachments.length }), bold: true });
  d.attachments.forEach((a, i) => body.push({ type: 'pair', left: `  ${i + 1}. ${a.fileName}`, right: kb(a.size) }));
  body.push(
    { type: 'separator' },
    { type: 'qr', data: d.claimNumber ?? d.receiptNo },
    { type: 'text', text: d.receiptNo, align: 'center' },
    { type: 'feed' },
    { type: 'text', text: t('claims.receipt.footer'), align: 'center' },
  );
  return { blocks: finish(t, body, d.copy) };
}

export interface ClaimStatusSlipData extends ReceiptHeaderData {
  receiptNo: string;
  claimNumber: string | null;
  type: ClaimType;
  participantName: string;
  nik: string;
  kpj: string | null;
  status: ClaimStatus | null;
  reason: string | null;
  history: { status: ClaimStatus; reason: string | null; at: string }[];
}

export function claimStatusDoc(d: ClaimStatusSlipData, lang: Lang): ReceiptDoc {
  const t = claimTranslator(lang);
  const body: Block[] = [
    ...headerBlocks(t, t('claims.receipt.statusTitle'), d),
    ...timeAndTellerBlocks(t, d, d.receiptNo),
    { type: 'separator' },
    ...claimHead(t, d, lang),
    { type: 'separator' },
    { type: 'pair', left: t('claims.receipt.status'), right: d.status ? t(`claims.status.${d.status}`) : t('claims.status.waiting'), bold: true },
  ];
  if (d.reason) body.push({ type: 'text', text: `${t('claims.receipt.reason')}: ${d.reason}` });
  for (const h of d.history) body.push({ type: 'pair', left: `  ${t(`claims.status.${h.status}`)}`, right: formatDateTime(h.at, d.zone) });
  body.push({ type: 'feed' }, { type: 'text', text: t('claims.receipt.statusFooter'), align: 'center' });
  return { blocks: finish(t, body, false) };
}

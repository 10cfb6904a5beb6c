import { z } from 'zod';
import { join } from 'node:path';
import { closingReport } from '../../../shared/receipts/builders-reports';
import type { Block, ReceiptDoc } from '../../../shared/receipts/layout';
import { countLines } from '../../../shared/domain/cash';
import { createI18n } from '../../../shared/i18n';
import type { Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import {
  cashCountSchema, expectedCashSchema, kindTotalSchema, programTotalSchema, RECON_STATUSES, reconRowSchema,
} from '../../../shared/contract/closing';
import { timeZoneSchema } from '../../../shared/protocol/central';

// The closing report as stored (closings.report_json and the CLOSING entry's payload), and its
// layout for the printer and the PDF. Rebuilt from the stored JSON, validated on the way in.

const rupiah = z.number().int().refine(Number.isSafeInteger);

export const storedReportSchema = z.object({
  closingNo: z.string(),
  businessDate: z.string(),
  counterId: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  counterNumber: z.number().int(),
  zone: timeZoneSchema,
  headName: z.string(),
  headUsername: z.string(),
  closedAt: z.string(),
  counts: cashCountSchema,
  counted: rupiah,
  expected: expectedCashSchema,
  difference: rupiah,
  reason: z.string().nullable(),
  reconciliation: z.object({
    status: z.enum(RECON_STATUSES),
    reasonKey: z.string().nullable(),
    at: z.string(),
    counts: z.object({ matched: z.number().int(), onlyLocal: z.number().int(), onlyCentral: z.number().int(), different: z.number().int() }),
    perKind: z.array(kindTotalSchema),
    perProgram: z.array(programTotalSchema),
    /** The flagged rows (at most FLAGGED_KEPT), both versions of each. */
    flagged: z.array(reconRowSchema),
  }),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export const FLAGGED_KEPT = 200;

/** `TH-64400-01-20261125`: the printed closing reference and the QR payload. */
export function closingNumber(counterId: string, businessDate: string): string {
  return `TH-${counterId}-${businessDate.replaceAll('-', '')}`;
}

export function pdfPathOf(dataDir: string, r: Pick<StoredReport, 'businessDate' | 'counterId'>): string {
  return join(dataDir, 'closings', `tutup-hari-${r.businessDate}-${r.counterId}.pdf`);
}

const translators = new Map<Lang, ReturnType<typeof createI18n>>();
function tr(lang: Lang) {
  let i = translators.get(lang);
  if (!i) { i = createI18n(lang); translators.set(lang, i); }
  return i.t.bind(i) as (key: string, params?: Record<string, string | number>) => string;
}

/**
 * The report's layout. `acked` = the central server acknowledged the closing: only then, and
 * only when every entry matched, does it print as reconciled.
 */
export function reportDoc(r: StoredReport, opts: { lang: Lang; acked: boolean; copy?: boolean }): ReceiptDoc {
  const t = tr(opts.lang);
  const lines = countLines(r.counts);
  const perKind = r.reconciliation.perKind
    .filter((k) => k.local.count > 0)
    .map((k) => ({ kind: k.kind, count: k.local.count, amount: k.local.amount }));
  const doc = closingReport({
    branchName: `${r.branchName} ${r.branchCode}`.trim(),
    counter: String(r.counterNumber),
    at: r.closedAt,
    zone: r.zone,
    closingNo: r.closingNo,
    businessDate: r.businessDate,
    headName: r.headName,
    denominations: lines.filter((l) => l.count > 0).map((l) => ({ value: l.value, count: l.count })),
    openingFloat: r.expected.openingFloat,
    expectedCash: r.expected.expected,
    differenceReason: r.reason ?? undefined,
    perKind,
    reconciliation: { ...r.reconciliation.counts, reconciled: opts.acked && r.reconciliation.status === 'reconciled' },
    copy: opts.copy,
  }, { lang: opts.lang });

  // The expected cash in parts, and the program totals: inserted before the reconciliation part.
  const extra: Block[] = [
    { type: 'separator' },
    { type: 'text', text: t('closing.report.expectedParts'), bold: true },
    { type: 'pair', left: t('closing.expected.openingFloat'), right: formatRupiah(r.expected.openingFloat) },
    { type: 'pair', left: t('closing.expected.cashPayments'), right: formatRupiah(r.expected.cashPayments) },
    { type: 'pair', left: t('closing.expected.voided'), right: formatRupiah(-r.expected.voidedCashPayments) },
    { type: 'pair', left: t('closing.expected.cashIn'), right: formatRupiah(r.expected.cashIn) },
    { type: 'pair', left: t('closing.expected.cashOut'), right: formatRupiah(-r.expected.cashOut) },
    { type: 'separator' },
    { type: 'text', text: t('closing.report.perProgram'), bold: true },
    ...r.reconciliation.perProgram
      .filter((p) => p.local !== 0 || p.program !== 'UNATTRIBUTED')
      .map((p): Block => ({ type: 'pair', left: t(`closing.program.${p.program}`), right: formatRupiah(p.local) })),
  ];
  const reconTitle = t('receipt.closing.recon');
  const at = doc.blocks.findIndex((b) => b.type === 'text' && b.text === reconTitle);
  const insertAt = at > 0 && doc.blocks[at - 1].type === 'separator' ? at - 1 : Math.max(0, doc.blocks.length - 2);
  doc.blocks.splice(insertAt, 0, ...extra);
  return doc;
}

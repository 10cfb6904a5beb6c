import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ClosingSummary } from '../../../shared/contract/closing';
import type { Lang } from '../../../shared/dates';
import type { Db } from '../db/open';
import type { CentralClient } from '../central/client';
import type { PrintingService } from '../printing/service';
import { writePdf } from '../printing/pdf';
import { pdfPathOf, reportDoc, storedReportSchema, type StoredReport } from './report';

// What follows the closing transaction: the report to the central server, to the printer and
// to a PDF in <dataDir>/closings/. Each step can fail or be cut short by a crash without
// touching the closed day; whatever is left (no PDF, no acknowledgement) is redone by `resume`.

export interface ClosingRow {
  counter_id: string; business_date: string; entry_id: string; closed_at: string; closed_by: string;
  report_json: string; pdf_path: string | null; central_closing_id: string | null; acked_at: string | null;
  send_attempts: number; last_send_error: string | null;
}

export type Printing = Pick<PrintingService, 'enqueue' | 'printNow' | 'reprint'>;

export interface AfterCloseDeps {
  db: Db;
  central: Pick<CentralClient, 'call'>;
  printing: () => Printing | null;
  dataDir: string;
  clock: () => Date;
  lang: () => Lang;
  counterId: () => string;
  enrolled: () => boolean;
  log: (event: string, detail: Record<string, unknown>) => void;
}

export function parseReport(row: ClosingRow): StoredReport {
  return storedReportSchema.parse(JSON.parse(row.report_json));
}

export function createAfterClose(deps: AfterCloseDeps) {
  const { db } = deps;
  const s = {
    byDate: db.prepare('SELECT * FROM closings WHERE counter_id = ? AND business_date = ?'),
    list: db.prepare('SELECT * FROM closings WHERE counter_id = ? ORDER BY business_date DESC LIMIT ?'),
    unacked: db.prepare('SELECT * FROM closings WHERE counter_id = ? AND acked_at IS NULL ORDER BY business_date'),
    noPdf: db.prepare('SELECT * FROM closings WHERE counter_id = ? AND pdf_path IS NULL ORDER BY business_date'),
    hashOf: db.prepare('SELECT hash FROM ledger_entries WHERE id = ?'),
    acked: db.prepare('UPDATE closings SET central_closing_id = ?, acked_at = ?, last_send_error = NULL, send_attempts = send_attempts + 1 WHERE entry_id = ?'),
    failed: db.prepare('UPDATE closings SET last_send_error = ?, send_attempts = send_attempts + 1 WHERE entry_id = ?'),
    pdf: db.prepare('UPDATE closings SET pdf_path = ? WHERE entry_id = ?'),
  };

  function row(date: string): ClosingRow {
    const r = s.byDate.get(deps.counterId(), date) as ClosingRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', 'closing.err.noClosing', { date });
    return r;
  }

  const docOf = (r: ClosingRow, copy = false) => reportDoc(parseReport(r), { lang: deps.lang(), acked: r.acked_at !== null, copy });

  /** POST /v1/closings; true once acknowledged (the same request again gets the same answer). */
  async function send(r: ClosingRow): Promise<boolean> {
    if (r.acked_at) return true;
    if (!deps.enrolled()) return false;
    const report = parseReport(r);
    const { hash } = s.hashOf.get(r.entry_id) as { hash: string };
    try {
      const res = await deps.central.call('closing', {
        body: { counterId: r.counter_id, businessDate: r.business_date, closingEntryId: r.entry_id, closingHash: hash, report },
      });
      s.acked.run(res.closingId, deps.clock().toISOString(), r.entry_id);
      return true;
    } catch (e) {
      s.failed.run(e instanceof Error ? e.message.slice(0, 500) : String(e), r.entry_id);
      deps.log('closing.sendFailed', { date: r.business_date, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  async function savePdf(r: ClosingRow): Promise<string> {
    const report = parseReport(r);
    const path = pdfPathOf(deps.dataDir, report);
    await writePdf(docOf(r), path, { cpl: 48, title: report.closingNo });
    s.pdf.run(path, r.entry_id);
    return path;
  }

  async function print(r: ClosingRow, copy: boolean): Promise<{ printed: boolean; errorKey: string | null }> {
    const printing = deps.printing();
    if (!printing) return { printed: false, errorKey: 'closing.err.noPrinter' };
    const outcome = copy
      ? await printing.reprint(r.entry_id, { kind: 'closing', doc: docOf(r) })
      : await printing.printNow(printing.enqueue('closing', r.entry_id, docOf(r)).id);
    return outcome.ok ? { printed: true, errorKey: null } : { printed: false, errorKey: outcome.error.key };
  }

  function summary(r: ClosingRow): ClosingSummary {
    const rep = parseReport(r);
    return {
      businessDate: r.business_date, entryId: r.entry_id, closingNo: rep.closingNo, closedAt: r.closed_at, closedBy: rep.headName,
      counted: rep.counted, expected: rep.expected.expected, difference: rep.difference, reason: rep.reason,
      reconStatus: r.acked_at ? rep.reconciliation.status : 'unreconciled',
      centralClosingId: r.central_closing_id, ackedAt: r.acked_at, pdfSaved: !!r.pdf_path && existsSync(r.pdf_path),
    };
  }

  let resuming: Promise<void> | null = null;

  return {
    row,
    summary,
    /** After the commit: central first (so the printout can say reconciled), then printer and PDF. */
    async finish(date: string, opts: { trySend: boolean; step?: (name: string) => Promise<void> | void }) {
      const step = opts.step ?? (() => undefined);
      if (opts.trySend) await send(row(date));
      await step('sent');
      const printed = await print(row(date), false);
      await step('printed');
      await savePdf(row(date));
      await step('pdf');
      return { printed, summary: summary(row(date)) };
    },
    history: (limit: number) => (s.list.all(deps.counterId(), limit) as ClosingRow[]).map(summary),
    unacked: () => (s.unacked.all(deps.counterId()) as ClosingRow[]).map((r) => ({ businessDate: r.business_date, entryId: r.entry_id })),
    async pdf(date: string): Promise<{ fileName: string; base64: string }> {
      const r = row(date);
      const path = r.pdf_path && existsSync(r.pdf_path) ? r.pdf_path : await savePdf(r);
      return { fileName: basename(path), base64: (await readFile(path)).toString('base64') };
    },
    reprint: (date: string) => print(row(date), true),
    /**
     * Redoes what a crash or a missing connection left: PDFs not written, closings not yet
     * acknowledged (once acknowledged, the PDF is written again to say so).
     */
    resume(): Promise<void> {
      resuming ??= (async () => {
        try {
          for (const r of s.noPdf.all(deps.counterId()) as ClosingRow[]) await savePdf(r);
          for (const r of s.unacked.all(deps.counterId()) as ClosingRow[]) {
            if (await send(r)) await savePdf(row(r.business_date));
          }
        } catch (e) {
          deps.log('closing.resumeFailed', { error: e instanceof Error ? e.message : String(e) });
        } finally {
          resuming = null;
        }
      })();
      return resuming;
    },
  };
}
export type AfterClose = ReturnType<typeof createAfterClose>;

import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { SettingsService } from '../settings';
import type { Logger } from '../log';
import { printerSettingsSchema } from '../../../shared/settings';
import type { PrinterInput } from '../../../shared/contract/technician';
import { testPage } from '../../../shared/receipts/builders';
import { renderText } from '../../../shared/receipts/render-text';
import { createConnection } from '../printing/connection';
import { renderEscPos } from '../printing/escpos';
import { isPrinterError } from '../printing/errors';
import { discoverPrinters } from '../printing/discovery';
import { AppError } from '../../../shared/errors';

export type PrinterLight = 'ready' | 'offline' | 'paperOut' | 'coverOpen' | 'none' | 'unknown';

/** The part of the printing service (printing/service.ts) that owns the printer light. */
export interface PrinterLightSource {
  status(): PrinterLight;
  refreshStatus(): Promise<PrinterLight>;
}

/**
 * The counter's printer settings and its test page. The status light is the printing
 * service's (one probe cache for the whole app, refreshed in the background as it is polled).
 */
export function createPrinterService(deps: { db: Db; settings: SettingsService; audit: Audit; clock: () => Date; log: Logger; printing: PrinterLightSource }) {
  const { db, settings, audit, clock } = deps;
  let checkedAt: string | null = null;
  const current = () => settings.get().printer;

  function light(): { status: PrinterLight; checkedAt: string | null } {
    return { status: deps.printing.status(), checkedAt };
  }

  async function refresh(): Promise<PrinterLight> {
    const status = await deps.printing.refreshStatus();
    checkedAt = clock().toISOString();
    return status;
  }

  function view() {
    const p = current();
    return { ...p, target: createConnection(p).target, ...light() };
  }

  return {
    get: view,
    light,
    refresh,
    /** The OS's printers and serial ports for the form's lists. */
    discover: () => discoverPrinters(),

    save(input: PrinterInput, actor: AuditActor) {
      const next = printerSettingsSchema.parse({ ...current(), ...input });
      db.transaction(() => {
        audit.record(actor, 'printer.save', next.kind, { ...next });
        settings.update((cur) => ({ ...cur, printer: next }));
      })();
      void refresh().catch(() => undefined);
      return view();
    },

    /** Prints the test page; answers with the text of what was sent. A printer fault is an UNAVAILABLE error. */
    async testPrint(actor: AuditActor): Promise<{ target: string; text: string; bytes: number }> {
      const st = settings.get();
      const p = st.printer;
      const conn = createConnection(p);
      const doc = testPage({
        printerName: `${p.kind} ${p.paperWidth} mm`, connection: conn.target, cpl: p.charsPerLine,
        at: clock(), zone: st.branch.timeZone, branchName: st.branch.name || undefined,
        counter: st.counter.id ? String(st.counter.number) : undefined,
      }, { lang: st.language });
      const bytes = renderEscPos(doc, { cpl: p.charsPerLine, charset: p.codePage });
      const text = renderText(doc, { cpl: p.charsPerLine });
      try {
        await conn.send(bytes);
      } catch (e) {
        audit.record(actor, 'printer.testPrint.failed', conn.target, { error: e instanceof Error ? e.message : String(e) });
        void refresh().catch(() => undefined);
        if (isPrinterError(e)) throw e.toAppError();
        throw new AppError('UNAVAILABLE', 'printing.err.io');
      }
      audit.record(actor, 'printer.testPrint', conn.target, { bytes: bytes.length });
      void refresh().catch(() => undefined);
      return { target: conn.target, text, bytes: bytes.length };
    },

  };
}
export type PrinterService = ReturnType<typeof createPrinterService>;

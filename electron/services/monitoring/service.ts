import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MonitoringOverview } from '../../../shared/contract/monitoring';
import { formatDate, formatDateTime, type Lang } from '../../../shared/dates';
import { createI18n } from '../../../shared/i18n';
import type { Audit, AuditActor } from '../audit';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { SettingsService } from '../settings';
import { createMonitoringCentral } from './central-cache';
import { tablesCsv } from './export-csv';
import { monitoringPdf } from './export-pdf';
import { createLedgerFigures } from './figures';
import { buildOverview } from './overview';
import { reportTables, type Translate } from './report-tables';
import { createWinBack } from './win-back';

// Monitoring for the branch head: the overview, and the same as CSV or PDF. Exports carry
// participants' names and phone numbers, so each is audited; the PDF is also kept under
// <dataDir>/reports/.

export interface MonitoringDeps {
  db: Db; settings: SettingsService; ledger: Ledger; audit: Audit; clock: () => Date; dataDir: string;
  /** Time the central server gets before the screen goes on with what it knows. */
  centralTimeoutMs?: number;
}

const translators = new Map<Lang, Translate>();
function tr(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    const i = createI18n(lang);
    t = i.t.bind(i) as Translate;
    translators.set(lang, t);
  }
  return t;
}

export function createMonitoringService(deps: MonitoringDeps) {
  const { db, settings, audit, clock } = deps;
  const central = createMonitoringCentral({ db, settings, clock, timeoutMs: deps.centralTimeoutMs });
  const figures = createLedgerFigures(db);
  const winBack = createWinBack(db);

  const overview = (): Promise<MonitoringOverview> =>
    buildOverview({ settings, central, figures, winBack, today: () => deps.ledger.today(), clock });

  function baseName(o: MonitoringOverview): string {
    const st = settings.get();
    return `monitoring-${o.branch.code || 'loket'}-${String(st.counter.number).padStart(2, '0')}-${o.period?.id ?? 'periode'}-${o.today}`;
  }

  return {
    overview,

    async exportCsv(actor: AuditActor): Promise<{ filename: string; csv: string }> {
      const o = await overview();
      const st = settings.get();
      const csv = tablesCsv(reportTables(o, { t: tr(st.language), lang: st.language, zone: st.branch.timeZone, human: false }));
      const filename = `${baseName(o)}.csv`;
      db.transaction(() => audit.record(actor, 'monitoring.exportCsv', filename, { periodId: o.period?.id ?? null, winBack: o.winBack.rows.length }))();
      return { filename, csv };
    },

    async exportPdf(actor: AuditActor): Promise<{ filename: string; base64: string; path: string }> {
      const o = await overview();
      const st = settings.get();
      const t = tr(st.language);
      const tables = reportTables(o, { t, lang: st.language, zone: st.branch.timeZone, human: true });
      const subtitle = [
        `${o.branch.name} (${o.branch.code})`,
        o.period ? t('monitoring.period', { name: o.period.name, from: formatDate(o.period.from, st.language), to: formatDate(o.period.to, st.language) }) : '',
        formatDateTime(o.generatedAt, st.branch.timeZone),
      ].filter(Boolean).join(' · ');
      const bytes = await monitoringPdf(o, tables, {
        title: t('monitoring.report.title'), subtitle,
        registrations: t('monitoring.chart.registrations'), pace: t('monitoring.chart.pace'),
      });
      const filename = `${baseName(o)}.pdf`;
      const dir = join(deps.dataDir, 'reports');
      await mkdir(dir, { recursive: true });
      const path = join(dir, filename);
      await writeFile(path, bytes);
      db.transaction(() => audit.record(actor, 'monitoring.exportPdf', filename, { path, periodId: o.period?.id ?? null, winBack: o.winBack.rows.length }))();
      return { filename, base64: bytes.toString('base64'), path };
    },
  };
}
export type MonitoringService = ReturnType<typeof createMonitoringService>;

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/dates';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { type Overview } from './common';
import { downloadBase64, downloadText } from '../download';
import { FigureTables } from './FigureTables';
import { ProgressPanel } from './ProgressPanel';
import { StandingsPanel } from './StandingsPanel';
import { TrendChart } from './TrendChart';
import { WinBackList } from './WinBackList';

/** Monitoring (head only): the branch against its target, the trend, the rank, whom to call back. */
export function MonitoringScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const { lang, info } = useShell();
  const zone = info.branch.timeZone;
  const [o, setO] = useState<Overview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const fail = useCallback((e: unknown) => {
    setMessage({ text: isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal'), error: true });
  }, [t, zone]);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      setO(await api.call('monitoring.overview', {}));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }, [fail]);
  useEffect(() => { void load(); }, [load]);

  const exportCsv = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const out = await api.call('monitoring.exportCsv', {});
      downloadText(out.filename, out.csv);
      setMessage({ text: t('monitoring.export.csvDone', { filename: out.filename }), error: false });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const exportPdf = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const out = await api.call('monitoring.exportPdf', {});
      downloadBase64(out.filename, out.base64);
      setMessage({ text: t('monitoring.export.pdfDone', { path: out.path }), error: false });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen" aria-labelledby="screen-title" aria-busy={busy}>
      <h1 id="screen-title" tabIndex={-1}>{t('monitoring.title')}</h1>
      {o?.period && (
        <p>
          <strong>{t('monitoring.period', { name: o.period.name, from: formatDate(o.period.from, lang), to: formatDate(o.period.to, lang) })}</strong>
        </p>
      )}
      {o && (
        <p className={o.central.state === 'online' ? 'muted' : 'notice notice-warn'} data-testid="central-state">
          {t(`monitoring.central.${o.central.state}`)}{' '}
          {t(`monitoring.source.${o.periodSource}`, { at: o.central.targetsFetchedAt ? formatDateTime(o.central.targetsFetchedAt, zone) : '' })}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => void load()} disabled={busy}>{t('monitoring.refresh')}</button>
        <button type="button" onClick={() => void exportCsv()} disabled={busy || !o}>{t('monitoring.export.csv')}</button>
        <button type="button" onClick={() => void exportPdf()} disabled={busy || !o}>{t('monitoring.export.pdf')}</button>
      </div>
      {message && <p className={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {!o && !message && <p className="muted" role="status">{t('monitoring.loading')}</p>}
      {o && (
        <>
          <ProgressPanel o={o} />
          <StandingsPanel o={o} />
          <TrendChart o={o} />
          <FigureTables o={o} />
          <WinBackList o={o} />
        </>
      )}
    </section>
  );
}

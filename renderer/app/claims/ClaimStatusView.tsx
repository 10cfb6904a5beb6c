import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { formatDateTime } from '../../../shared/dates';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';
import { PrintNote } from './ClaimDone';

type Status = Output<'claims.status'>;

/** The claim's status at central (asked on open and on "Cek status"), its history, and printing it for the worker. */
export function ClaimStatusView({ claimId, onBack }: { claimId: string; onBack(): void }) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [busy, setBusy] = useState(false);

  const ask = useCallback(async (print: boolean) => {
    setBusy(true);
    setError(null);
    try { setStatus(await api.call('claims.status', { claimId, print })); } catch (e) {
      setError(isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' });
    } finally { setBusy(false); }
  }, [claimId]);
  useEffect(() => { void ask(false); }, [ask]);

  const c = status?.claim;
  return (
    <section aria-labelledby="claim-status-title">
      <h2 id="claim-status-title">{t('claims.statusView.title', { receiptNo: c?.receiptNo ?? '' })}</h2>
      {error && <p className="notice notice-error" role="alert">{messageText(t, error.key, error.params, zone)}</p>}
      {status && c && (
        <>
          {status.central === 'offline' && <p className="notice notice-warn">{t('claims.statusView.offline')}</p>}
          {status.central === 'notEnrolled' && <p className="notice notice-warn">{t('claims.statusView.notEnrolled')}</p>}
          <p>{c.participantName} · {c.type} · {c.claimNumber ? t('claims.done.claimNumber', { claimNumber: c.claimNumber }) : t('claims.done.waiting')}</p>
          <p role="status" data-testid="claim-status"><strong>{t('claims.statusView.current', { status: t(`claims.status.${c.status ?? 'waiting'}`) })}</strong></p>
          {c.statusReason && <p>{t('claims.statusView.reason', { reason: c.statusReason })}</p>}
          {status.history.length > 0 && (
            <>
              <h3>{t('claims.statusView.history')}</h3>
              <ul>{status.history.map((h, i) => <li key={i}>{t(`claims.status.${h.status}`)} · {formatDateTime(h.at, zone)}{h.reason ? ` · ${h.reason}` : ''}</li>)}</ul>
            </>
          )}
          <PrintNote print={status.print} printedKey="claims.print.statusPrinted" />
        </>
      )}
      <div className="row">
        <button type="button" onClick={() => void ask(false)} disabled={busy}>{t('claims.statusView.check')}</button>
        <button type="button" onClick={() => void ask(true)} disabled={busy || !status}>{t('claims.statusView.print')}</button>
        <button type="button" className="ghost" onClick={onBack}>{t('claims.statusView.back')}</button>
      </div>
    </section>
  );
}

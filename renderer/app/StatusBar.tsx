import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { formatDate, type Lang } from '../../shared/dates';
import type { AppInfo, SignedInUser, StatusInfo } from './shell-context';

interface Props {
  info: AppInfo;
  user: SignedInUser;
  status: StatusInfo | null;
  /** Set when the last status poll could not reach the services. */
  unreachable: boolean;
}

/**
 * The line at the bottom that is always there once someone is signed in: where (branch,
 * counter), who (user, role), which business day, whether entries are reaching the central
 * server, and whether the printer can print.
 */
/** A rate as a teller can read it: B, KB or MB. */
function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function StatusBar({ info, user, status, unreachable }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const businessDate = status?.businessDate ?? info.businessDate;
  const online = !unreachable && status?.online === true;
  const printer = status?.printer ?? 'unknown';
  const [sending, setSending] = useState(false);
  const [sendResult, setSendResult] = useState<string | null>(null);
  const sendNow = async () => {
    setSending(true);
    setSendResult(null);
    try {
      const r = await api.call('sync.sendNow', {});
      setSendResult(r.failed ? t('shell.sendFailed') : t('shell.sent', { count: r.accepted + r.duplicate }));
    } catch {
      setSendResult(t('shell.sendFailed'));
    } finally {
      setSending(false);
    }
  };
  return (
    <footer className="statusbar" aria-label={t('shell.statusBar')}>
      <span className="status-item">
        <span className="status-label">{t('shell.branch')}</span>
        <strong>{info.branch.name}</strong> · <strong>{t('shell.counter', { number: info.counter.number })}</strong>
      </span>
      <span className="status-item">
        <span className="status-label">{t('shell.user')}</span>
        <strong>{user.displayName}</strong> ({t(`role.${user.role}`)})
      </span>
      <span className="status-item">
        <span className="status-label">{t('shell.businessDate')}</span>
        <strong>{formatDate(businessDate, lang)} {info.branch.zoneLabel}</strong>
        {status && status.dayState !== 'OPEN' && <> · <span className="warn-text">{t(`shell.day.${status.dayState}`)}</span></>}
      </span>
      <span className="status-item">
        <span className="status-label">{t('shell.connection')}</span>
        <span className={`dot ${online ? 'dot-ok' : 'dot-off'}`} aria-hidden="true" />
        <strong>{unreachable ? t('err.network') : online ? t('shell.online') : t('shell.offline')}</strong>
        {status && !unreachable && <> · {status.sending
          ? <span data-testid="sync-progress">{t('shell.progress', { sent: status.sending.sent, total: status.sending.total })}</span>
          : t('shell.waiting', { count: status.waiting })}</>}
        {status?.link.lastMs != null && status.link.bytesPerSecond != null && (
          <span className="muted" data-testid="link-quality"> · {t('shell.link', { ms: status.link.lastMs, rate: formatBytes(status.link.bytesPerSecond) })}</span>
        )}
        <button type="button" className="link-button" onClick={() => void sendNow()} disabled={sending || unreachable}>
          {sending ? t('shell.sending') : t('shell.sendNow')}
        </button>
        {sendResult && <span role="status" className="send-result">{sendResult}</span>}
      </span>
      <span className="status-item">
        <span className="status-label">{t('shell.printer.label')}</span>
        <span className={`dot ${printer === 'ready' ? 'dot-ok' : printer === 'offline' || printer === 'paperOut' || printer === 'coverOpen' ? 'dot-bad' : 'dot-off'}`} aria-hidden="true" />
        <strong>{t(`shell.printer.${printer}`)}</strong>
      </span>
    </footer>
  );
}

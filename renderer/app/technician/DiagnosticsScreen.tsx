import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import type { Lang } from '../../../shared/dates';
import { api } from '../../api/client';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { formatBytes } from './fields';
import { when } from './BackupPanel';

type Diag = Output<'diagnostics.get'>;
type Verification = Output<'ledger.verification'>;

/** Everything a technician checks first, on one screen, with chain verification and log export. */
export function DiagnosticsScreen({ id }: ScreenProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { info, user } = useShell();
  const [repinned, setRepinned] = useState(false);
  const zone = info.branch.timeZone;
  const [d, setD] = useState<Diag | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [exported, setExported] = useState<Output<'diagnostics.exportLogs'> & { url: string } | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const r = await api.call('diagnostics.get', { checkServer: true, integrity: true });
      setD(r);
      setVerification(r.verification);
    } catch (e) {
      setError((e as { key?: string }).key ?? 'err.network');
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => { void load(); return () => { if (poll.current) clearInterval(poll.current); }; }, [load]);
  useEffect(() => () => { if (exported) URL.revokeObjectURL(exported.url); }, [exported]);

  const verify = () => {
    setVerification((v) => ({ running: true, progress: v?.progress ?? null, result: null, at: null }));
    poll.current = setInterval(() => {
      api.call('ledger.verification', {}).then((v) => {
        setVerification(v);
        if (!v.running && poll.current) { clearInterval(poll.current); poll.current = null; }
      }, () => undefined);
    }, 500);
    api.call('ledger.verify', {}).then(() => api.call('ledger.verification', {}).then(setVerification), () => undefined);
  };

  const exportLogs = async () => {
    try {
      const r = await api.call('diagnostics.exportLogs', {});
      const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
      setExported({ ...r, url: URL.createObjectURL(new Blob([bytes], { type: 'application/x-ndjson' })) });
    } catch (e) {
      setError((e as { key?: string }).key ?? 'err.internal');
    }
  };

  const chainText = (): string => {
    const v = verification;
    if (!v) return t('tech.diag.chainNone');
    if (v.running) return t('tech.diag.chainRunning', { checked: v.progress?.checked ?? 0, total: v.progress?.total ?? 0 });
    if (!v.result) return t('tech.diag.chainNone');
    if (v.result.firstBad) return t('tech.diag.chainBad', { seq: v.result.firstBad.seq, reason: v.result.firstBad.reason });
    return t('tech.diag.chainOk', { checked: v.result.checked, at: v.at ? when(v.at, zone, lang) : '' });
  };
  // Head office changed its key: the technician compares the fingerprint, then pins the new key.
  const repin = async (pin: string) => {
    setError(null);
    try {
      await api.call('central.repin', { pin });
      setRepinned(true);
      await load();
    } catch (e) {
      setError((e as { key?: string }).key ?? 'err.network');
    }
  };
  const tlsText = (dd: Diag): React.ReactNode => {
    const presented = dd.server.check?.certificate ?? null;
    if (dd.server.tls.caFile) return t('tech.diag.tlsCaFile', { path: dd.server.tls.caFile });
    if (!dd.server.tls.pin) return t('tech.diag.tlsPublic');
    const other = presented && presented.pin !== dd.server.tls.pin;
    return <>
      <span style={{ overflowWrap: 'anywhere' }}>{t('tech.diag.tlsPin', { pin: dd.server.tls.pin })}</span>
      {other && <>
        <strong className="warn-text" style={{ display: 'block', overflowWrap: 'anywhere' }} data-testid="tls-other-key">{t('tech.diag.tlsOther', { fingerprint: presented.fingerprint256 })}</strong>
        {user.role === 'technician' && <button type="button" onClick={() => void repin(presented.pin)}>{t('tech.diag.repin')}</button>}
      </>}
    </>;
  };
  const row = (label: string, value: React.ReactNode) => <tr><th scope="row">{label}</th><td>{value}</td></tr>;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t(`screen.${id}`)}</h1>
      <div className="row">
        <button type="button" onClick={() => void load()} disabled={loading}>{loading ? t('tech.diag.loading') : t('tech.diag.refresh')}</button>
        <button type="button" onClick={verify} disabled={verification?.running}>{t('tech.diag.chainVerify')}</button>
        <button type="button" onClick={() => void exportLogs()}>{t('tech.diag.export')}</button>
      </div>
      {error && <p className="notice notice-error" role="alert">{messageText(t, error, undefined, zone)}</p>}
      {repinned && <p className="notice" role="status">{t('tech.diag.repinDone')}</p>}
      {exported && (
        <p className="notice" role="status">
          {t('tech.diag.exported', { path: exported.path, lines: exported.lines })}{' '}
          <a href={exported.url} download={exported.fileName}>{t('tech.diag.download')}</a>
        </p>
      )}
      {d && (
        <table className="shortcut-table" aria-label={t('tech.diag.title')}>
          <tbody>
            {row(t('tech.diag.version'), `${d.version} · ${d.platform} · Node ${d.node}`)}
            {row(t('tech.diag.dataDir'), d.dataDir)}
            {row(t('tech.diag.disk'), d.disk ? <>{t('tech.diag.diskFree', { free: formatBytes(d.disk.freeBytes, lang), total: formatBytes(d.disk.totalBytes, lang) })}{d.disk.low && <strong className="warn-text"> {t('tech.diag.diskLow')}</strong>}</> : '–')}
            {row(t('tech.diag.encryption'), d.diskEncryption.state === 'encrypted'
              ? t('tech.diag.encEncrypted', { method: d.diskEncryption.method === 'bitlocker' ? 'BitLocker' : 'LUKS', device: d.diskEncryption.device ?? '–' })
              : <strong className="warn-text" data-testid="disk-encryption-warning">{d.diskEncryption.state === 'not-encrypted'
                ? t('tech.diag.encNotEncrypted', { device: d.diskEncryption.device ?? '–' }) : t('tech.diag.encUnknown')}</strong>)}
            {row(t('tech.diag.database'), `${formatBytes(d.database.sizeBytes, lang)} · ${t('tech.diag.schema')} ${d.database.schemaVersion} · ${t('tech.diag.entries')} ${d.database.entries}`)}
            {row(t('tech.diag.integrity'), d.database.integrityOk === null ? '–' : d.database.integrityOk ? t('tech.diag.integrityOk') : <strong className="warn-text">{t('tech.diag.integrityBad', { detail: (d.database.integrity ?? []).join('; ') })}</strong>)}
            {row(t('tech.diag.chain'), <span aria-live="polite">{chainText()}</span>)}
            {row(t('tech.diag.server'), <>
              {d.server.url || '–'} · {d.server.enrolled ? t('tech.diag.enrolled') : t('tech.diag.notEnrolled')}
              {d.server.check && <> · {d.server.check.reachable ? t('tech.diag.reachable', { ms: d.server.check.latencyMs ?? 0 }) : t('tech.diag.unreachable')}
                {d.server.check.skewMs !== null && <> · {t('tech.diag.skew', { seconds: Math.round(d.server.check.skewMs / 1000) })}</>}
                {d.server.check.problemKey && <strong className="warn-text"> {messageText(t, d.server.check.problemKey, d.server.check.problemParams ?? undefined, zone)}</strong>}</>}
            </>)}
            {row(t('tech.diag.tls'), tlsText(d))}
            {row(t('tech.diag.outbox'), <>
              {t('tech.diag.waiting', { count: d.outbox.waiting })} · {t('tech.diag.rejected', { count: d.outbox.rejected })} · {t('tech.diag.lastSync', { at: d.outbox.lastSyncAt ? when(d.outbox.lastSyncAt, zone, lang) : t('tech.diag.never') })}
              {d.outbox.lastError && <> · {t('tech.diag.lastError', { error: d.outbox.lastError })}</>}
            </>)}
            {row(t('tech.diag.printer'), [t(`tech.printer.kinds.${d.printer.kind}`), d.printer.kind === 'none' ? null : d.printer.target, t(`shell.printer.${d.printer.status}`)].filter(Boolean).join(' · '))}
            {row(t('tech.diag.settings'), d.settingsProblem ? <strong className="warn-text">{t('tech.diag.settingsProblem', { problem: d.settingsProblem })}</strong> : t('tech.diag.settingsOk'))}
            {row(t('tech.diag.lastBackup'), d.backup.last ? `${when(d.backup.last.createdAt, zone, lang)} · ${d.backup.last.fileName}` : t('tech.diag.never'))}
            {row(t('tech.diag.logs'), d.logs.files.map((f) => `${f.name} (${formatBytes(f.sizeBytes, lang)})`).join(', ') || '–')}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Output } from '../../../shared/contract';
import { zonedParts, formatDate, ZONE_LABEL, type Lang, type TimeZone } from '../../../shared/dates';
import type { BackupItem } from '../../../shared/contract/technician';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';
import { formatBytes } from './fields';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { useShell } from '../shell-context';

const settingsSchema = contract['backup.saveSettings'].input;
const restoreSchema = contract['backup.restore'].input;
type Msg = { key: string; params?: Record<string, string | number>; error?: boolean };

export function when(iso: string, zone: TimeZone, lang: Lang): string {
  const p = zonedParts(iso, zone);
  return `${formatDate(p.date, lang)} ${p.time.slice(0, 5)} ${ZONE_LABEL[zone]}`;
}

/**
 * Backup folder and daily hour, the recovery key the backups are encrypted to, "back up now",
 * the verified list, and restore with the recovery key and the head's PIN.
 */
export function BackupPanel({ zone }: { zone: TimeZone }) {
  const { t, i18n } = useTranslation();
  const { info } = useShell();
  const lang = i18n.language as Lang;
  const [cfg, setCfg] = useState<Output<'backup.settings'> | null>(null);
  const [items, setItems] = useState<BackupItem[]>([]);
  const [msg, setMsg] = useState<Msg | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupItem | null>(null);

  const reload = useCallback(async () => {
    const [c, l] = await Promise.all([api.call('backup.settings', {}), api.call('backup.list', {})]);
    setCfg(c);
    setItems(l.items);
  }, []);
  useEffect(() => { reload().catch(() => undefined); }, [reload]);

  const form = useForm<z.input<typeof settingsSchema>, unknown, z.output<typeof settingsSchema>>({
    resolver: zodResolver(settingsSchema), values: cfg ? { dir: cfg.dir, dailyAt: cfg.dailyAt } : { dir: '', dailyAt: '18:00' },
  });
  const saveSettings = form.handleSubmit(async (v) => {
    setMsg(null);
    try {
      await api.call('backup.saveSettings', v);
      setMsg({ key: 'tech.backup.settingsSaved' });
      await reload();
    } catch (e) {
      const rest = applyServerErrors(e, ['dir', 'dailyAt'], form.setError);
      if (rest) setMsg({ ...rest, error: true });
    }
  });

  const backupNow = async () => {
    setMsg(null);
    setBusy(true);
    try {
      const item = await api.call('backup.now', {});
      setMsg({ key: 'tech.backup.made', params: { file: item.fileName } });
      await reload();
    } catch (e) {
      const x = e as { key?: string; params?: Record<string, string | number> };
      setMsg({ key: x.key ?? 'err.internal', params: x.params, error: true });
    } finally {
      setBusy(false);
    }
  };

  const checkText = (b: BackupItem) => (b.verified === null ? t('tech.backup.verifiedUnknown') : b.verified ? t('tech.backup.verifiedOk') : t('tech.backup.verifiedBad'));

  return (
    <>
      <h2>{t('tech.backup.title')}</h2>
      <form onSubmit={saveSettings} noValidate aria-label={t('tech.backup.title')}>
        <TextField id="backup-dir" label={t('tech.backup.dir')} hint={t('tech.backup.dirHint')} spellCheck={false}
          error={errorText(t, form.formState.errors.dir?.message, zone)} {...form.register('dir')} />
        <TextField id="backup-at" label={t('tech.backup.dailyAt')} hint={t('tech.backup.dailyAtHint')} inputMode="numeric" maxLength={5}
          error={errorText(t, form.formState.errors.dailyAt?.message, zone)} {...form.register('dailyAt')} />
        <div className="row">
          <button type="submit">{t('tech.backup.saveSettings')}</button>
          <button type="button" className="primary" onClick={() => void backupNow()} disabled={busy || !cfg?.dir || !cfg.recoveryKey}>
            {busy ? t('tech.backup.running') : t('tech.backup.now')}
          </button>
        </div>
      </form>
      {cfg && (
        <section aria-labelledby="backup-key-title">
          <h3 id="backup-key-title">{t('tech.backup.key.title')}</h3>
          {cfg.recoveryKey
            ? <p className="muted">{t('tech.backup.key.set', { at: when(cfg.recoveryKey.createdAt, zone, lang), recipient: cfg.recoveryKey.recipient })}</p>
            : <p className="notice notice-warn">{t('tech.backup.key.none')}</p>}
          {cfg.headOfficeRecipient && <p className="muted">{t('tech.backup.key.headOffice', { recipient: cfg.headOfficeRecipient })}</p>}
          {cfg.recoveryKey && <p className="muted">{t('tech.backup.key.replaceWarn')}</p>}
          <RecoveryKeyCard
            zone={zone}
            counterId={info.counter.id}
            makeLabel={cfg.recoveryKey ? t('tech.backup.key.replace') : t('tech.backup.key.make')}
            make={() => api.call('backup.newRecoveryKey', { replace: Boolean(cfg.recoveryKey) })}
            print={(identity) => api.call('backup.printRecoveryKey', { identity })}
            confirm={(recipient) => api.call('backup.confirmRecoveryKey', { recipient })}
            onConfirmed={() => { setMsg({ key: 'tech.backup.key.confirmed' }); void reload(); }}
          />
        </section>
      )}
      {cfg?.nextRunAt && <p className="muted">{t('tech.backup.nextRun', { at: when(cfg.nextRunAt, zone, lang) })}</p>}
      {cfg?.lastError && <p className="notice notice-warn">{t('tech.backup.lastError', { error: t(cfg.lastError) })}</p>}
      {msg && <p className={`notice${msg.error ? ' notice-error' : ''}`} role={msg.error ? 'alert' : 'status'}>{messageText(t, msg.key, msg.params, zone)}</p>}

      <h3>{t('tech.backup.list')}</h3>
      {items.length === 0 ? <p className="muted">{t('tech.backup.empty')}</p> : (
        <table className="shortcut-table">
          <thead><tr><th>{t('tech.backup.time')}</th><th>{t('tech.backup.file')}</th><th>{t('tech.backup.size')}</th><th>{t('tech.backup.entries')}</th><th>{t('tech.backup.check')}</th><th>{t('tech.backup.encryption')}</th><th /></tr></thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.path}>
                <td>{when(b.createdAt, zone, lang)}</td>
                <td>{b.fileName}</td>
                <td>{formatBytes(b.sizeBytes, lang)}</td>
                <td>{b.entries ?? '–'}</td>
                <td>{checkText(b)}</td>
                <td>{b.encrypted ? t('tech.backup.encrypted') : t('tech.backup.plain')}</td>
                <td><button type="button" onClick={() => setRestoring(b)}>{t('tech.backup.restore')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && <RestoreForm item={restoring} zone={zone} onClose={() => setRestoring(null)} />}
    </>
  );
}

function RestoreForm({ item, zone, onClose }: { item: BackupItem; zone: TimeZone; onClose(): void }) {
  const { t } = useTranslation();
  const [msg, setMsg] = useState<Msg | null>(null);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<z.input<typeof restoreSchema>, unknown, z.output<typeof restoreSchema>>({
    resolver: zodResolver(restoreSchema), defaultValues: { path: item.path, recoveryKey: '', approval: { username: '', pin: '' } },
  });
  // A key file (age's identity file, or the one Loket saves) is read here; only its text is sent.
  const readKeyFile = async (file: File | undefined) => {
    if (!file) return;
    setValue('recoveryKey', (await file.text()).slice(0, 4096), { shouldValidate: true });
  };
  const submit = handleSubmit(async (v) => {
    setMsg(null);
    try {
      const r = await api.call('backup.restore', v);
      setMsg({ key: 'tech.backup.restoreDone', params: { entries: r.entries } });
    } catch (e) {
      const rest = applyServerErrors(e, ['recoveryKey', 'approval.username', 'approval.pin', 'path'], setError);
      if (rest) setMsg({ ...rest, error: true });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('tech.backup.restoreTitle', { file: item.fileName })}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <h3>{t('tech.backup.restoreTitle', { file: item.fileName })}</h3>
      <p className="notice notice-warn">{t('tech.backup.restoreWarn')}</p>
      {item.encrypted ? (
        <>
          <div className={`field${errors.recoveryKey ? ' field-invalid' : ''}`}>
            <label htmlFor="restore-key">{t('tech.backup.restoreKey')}</label>
            <textarea id="restore-key" rows={3} autoFocus spellCheck={false} autoCapitalize="characters" autoComplete="off"
              aria-invalid={errors.recoveryKey ? true : undefined} aria-describedby={`${errors.recoveryKey ? 'restore-key-error ' : ''}restore-key-hint`}
              style={{ fontFamily: 'monospace', width: '100%' }} {...register('recoveryKey')} />
            <p id="restore-key-hint" className="field-hint">{t('tech.backup.restoreKeyHint')}</p>
            {errors.recoveryKey && <p id="restore-key-error" className="field-error" role="alert">{errorText(t, errors.recoveryKey.message, zone)}</p>}
          </div>
          <div className="field">
            <label htmlFor="restore-key-file">{t('tech.backup.restoreKeyFile')}</label>
            <input id="restore-key-file" type="file" accept=".txt,.key,text/plain" onChange={(e) => void readKeyFile(e.target.files?.[0])} />
          </div>
        </>
      ) : <p className="notice">{t('tech.backup.restorePlain')}</p>}
      <TextField id="restore-user" label={t('tech.backup.approvalUser')} autoFocus={!item.encrypted} autoCapitalize="none" error={errorText(t, errors.approval?.username?.message, zone)} {...register('approval.username')} />
      <TextField id="restore-pin" label={t('tech.backup.approvalPin')} type="password" inputMode="numeric" maxLength={6} error={errorText(t, errors.approval?.pin?.message, zone)} {...register('approval.pin')} />
      {msg && <p className={`notice${msg.error ? ' notice-error' : ''}`} role={msg.error ? 'alert' : 'status'}>{messageText(t, msg.key, msg.params, zone)}</p>}
      <div className="row">
        <button type="button" onClick={onClose}>{t('action.cancel')} <kbd>Esc</kbd></button>
        <button type="submit" className="primary" disabled={isSubmitting}>{t('tech.backup.restoreConfirm')}</button>
      </div>
    </form>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeZone } from '../../../shared/dates';
import { groupedRecoveryKey, recoveryKeyFile } from '../../../shared/recovery-key';
import { messageText } from '../../i18n';

type Msg = { key: string; params?: Record<string, string | number>; error?: boolean };
interface NewKey { identity: string; recipient: string; createdAt: string }

interface Props {
  zone: TimeZone;
  /** For the key file's name and comment, e.g. `64400-01`. */
  counterId: string;
  /** The label of the button that makes the key (make, or replace). */
  makeLabel: string;
  make(): Promise<NewKey>;
  print(identity: string): Promise<{ target: string }>;
  confirm(recipient: string): Promise<unknown>;
  onConfirmed(): void;
}

/**
 * Makes the branch's recovery key and shows it ONCE: in groups of four to copy by hand, a slip
 * for the safe from the receipt printer, a key file. Its public half is saved only when the
 * technician ticks that they stored it; until then no backup is encrypted to it.
 */
export function RecoveryKeyCard({ zone, counterId, makeLabel, make, print, confirm, onConfirmed }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState<NewKey | null>(null);
  const [stored, setStored] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg | null>(null);

  const fail = (e: unknown) => {
    const x = e as { key?: string; params?: Record<string, string | number> };
    setMsg({ key: x.key ?? 'err.internal', params: x.params, error: true });
  };
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setMsg(null);
    try { await f(); } catch (e) { fail(e); } finally { setBusy(false); }
  };

  const fileUrl = useMemo(() => {
    if (!key) return null;
    const text = recoveryKeyFile(key.identity, key.recipient, key.createdAt, t('tech.backup.key.fileLabel', { counter: counterId }));
    return URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  }, [key, counterId, t]);
  useEffect(() => () => { if (fileUrl) URL.revokeObjectURL(fileUrl); }, [fileUrl]);

  if (!key) {
    return (
      <>
        <button type="button" className="primary" disabled={busy} onClick={() => void run(async () => { setKey(await make()); setStored(false); })}>
          {makeLabel}
        </button>
        {msg && <p className="notice notice-error" role="alert">{messageText(t, msg.key, msg.params, zone)}</p>}
      </>
    );
  }

  return (
    <section className="card" aria-labelledby="recovery-key-title">
      <h3 id="recovery-key-title">{t('tech.backup.key.title')}</h3>
      <p className="notice notice-warn">{t('tech.backup.key.shownOnce')}</p>
      <p className="muted">{t('tech.backup.key.label')}</p>
      <code id="recovery-key" className="recovery-key" aria-label={t('tech.backup.key.label')}
        style={{ display: 'block', fontSize: '1.15rem', letterSpacing: '0.05em', wordSpacing: '0.4em', userSelect: 'all', overflowWrap: 'anywhere' }}>
        {groupedRecoveryKey(key.identity).join(' ')}
      </code>
      <p className="muted">{t('tech.backup.key.public')}: <code style={{ overflowWrap: 'anywhere' }}>{key.recipient}</code></p>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void run(async () => {
          const r = await print(key.identity);
          setMsg({ key: 'tech.backup.key.printed', params: { target: r.target } });
        })}>{t('tech.backup.key.print')}</button>
        {fileUrl && <a href={fileUrl} download={`loket-recovery-key-${counterId || 'loket'}.txt`}>{t('tech.backup.key.download')}</a>}
      </div>
      <label className="row">
        <input type="checkbox" id="recovery-key-stored" checked={stored} onChange={(e) => setStored(e.target.checked)} /> {t('tech.backup.key.stored')}
      </label>
      {msg && <p className={`notice${msg.error ? ' notice-error' : ''}`} role={msg.error ? 'alert' : 'status'}>{messageText(t, msg.key, msg.params, zone)}</p>}
      <div className="row">
        <button type="button" className="primary" disabled={!stored || busy} onClick={() => void run(async () => {
          await confirm(key.recipient);
          setKey(null); // gone from the screen for good
          onConfirmed();
        })}>{t('tech.backup.key.confirm')}</button>
      </div>
    </section>
  );
}

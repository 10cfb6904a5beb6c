import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { serverUrlSchema } from '../../../shared/contract/setup';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { messageText } from '../../i18n';

interface Props { initialUrl: string; onNext(url: string, caFile: string): void }

/**
 * Step 1: the central server's address, checked for reachability, latency and clock skew. Over
 * https without a CA file the certificate will be pinned at enrolment: its fingerprint is shown
 * for the technician to compare with head office's before going on.
 */
export function ServerStep({ initialUrl, onNext }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initialUrl || 'http://');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [check, setCheck] = useState<Output<'setup.checkServer'> | null>(null);
  const [caFile, setCaFile] = useState('');
  const [caError, setCaError] = useState<string | null>(null);

  const run = async () => {
    setCheck(null);
    const parsed = serverUrlSchema.safeParse(url);
    if (!parsed.success) { setFieldError(t(parsed.error.issues[0]?.message ?? 'err.setup.url')); return; }
    setFieldError(null);
    setCaError(null);
    setBusy(true);
    try {
      const r = await api.call('setup.checkServer', { url: parsed.data, caFile: caFile.trim() || undefined });
      setCheck(r);
      if (r.reachable && r.skewOk && (!r.certificate || caFile.trim())) onNext(parsed.data, caFile.trim());
    } catch (e) {
      const err = e as { key?: string; fields?: { path: string }[] };
      const text = messageText(t, err.key ?? 'err.network', undefined, 'Asia/Jakarta');
      if (err.fields?.some((f) => f.path === 'caFile')) setCaError(messageText(t, 'err.setup.caFile', undefined, 'Asia/Jakarta'));
      else setFieldError(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(); }} noValidate>
      <TextField id="setup-url" label={t('wizard.url')} hint={t('wizard.urlHint')} autoFocus spellCheck={false} autoCapitalize="none"
        value={url} onChange={(e) => setUrl(e.target.value)} error={fieldError} />
      <TextField id="setup-cafile" label={t('wizard.caFile')} hint={t('wizard.caFileHint')} spellCheck={false} autoCapitalize="none"
        value={caFile} onChange={(e) => setCaFile(e.target.value)} error={caError} />
      {check && !(check.reachable && check.skewOk) && (
        <p className="notice notice-error" role="alert">{messageText(t, check.problemKey ?? 'enrol.unreachable', check.problemParams ?? undefined, 'Asia/Jakarta')}</p>
      )}
      {check?.reachable && check.skewOk && check.certificate && !caFile.trim() && (
        <div className="notice" role="status">
          <p style={{ marginTop: 0, overflowWrap: 'anywhere' }}>{t('enrol.certPinned', { fingerprint: check.certificate.fingerprint256 })}</p>
          <button type="button" className="primary" onClick={() => onNext(url.trim(), '')}>{t('wizard.certMatches')}</button>
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('wizard.checking') : t('wizard.check')}</button>
    </form>
  );
}

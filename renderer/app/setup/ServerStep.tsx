import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { serverUrlSchema } from '../../../shared/contract/setup';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { messageText } from '../../i18n';

interface Props { initialUrl: string; onNext(url: string): void }

/** Step 1: the central server's address, checked for reachability, latency and clock skew. */
export function ServerStep({ initialUrl, onNext }: Props) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initialUrl || 'http://');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [check, setCheck] = useState<Output<'setup.checkServer'> | null>(null);

  const run = async () => {
    setCheck(null);
    const parsed = serverUrlSchema.safeParse(url);
    if (!parsed.success) { setFieldError(t(parsed.error.issues[0]?.message ?? 'err.setup.url')); return; }
    setFieldError(null);
    setBusy(true);
    try {
      const r = await api.call('setup.checkServer', { url: parsed.data });
      setCheck(r);
      if (r.reachable && r.skewOk) onNext(parsed.data);
    } catch (e) {
      setFieldError(messageText(t, (e as { key?: string }).key ?? 'err.network', undefined, 'Asia/Jakarta'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void run(); }} noValidate>
      <TextField id="setup-url" label={t('wizard.url')} hint={t('wizard.urlHint')} autoFocus spellCheck={false} autoCapitalize="none"
        value={url} onChange={(e) => setUrl(e.target.value)} error={fieldError} />
      {check && !(check.reachable && check.skewOk) && (
        <p className="notice notice-error" role="alert">{messageText(t, check.problemKey ?? 'enrol.unreachable', check.problemParams ?? undefined, 'Asia/Jakarta')}</p>
      )}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('wizard.checking') : t('wizard.check')}</button>
    </form>
  );
}

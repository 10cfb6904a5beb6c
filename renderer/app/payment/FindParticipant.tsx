import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { maskNik } from '../../../shared/receipts/mask';
import { api, isApiError } from '../../api/client';
import { TextField } from '../../components/Field';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';

type Result = Output<'participants.search'>['results'][number];

interface Props { onPicked(participantId: string): void }

/** NIK, KPJ or name → the matching participants; a worker known only at central is stored first. */
export function FindParticipant({ onPicked }: Props) {
  const { t } = useTranslation();
  const { info } = useShell();
  const zone = info.branch.timeZone;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const [error, setError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  // Enter moves on: to the first result once they are there.
  useEffect(() => {
    if (results?.length) listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [results]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const r = await api.call('participants.search', { query, limit: 20 });
      setResults(r.results);
    } catch (err) {
      setResults(null);
      setError(isApiError(err) ? { key: err.fields[0]?.key ?? err.key, params: err.params } : { key: 'err.internal' });
    } finally {
      setBusy(false);
    }
  };

  const pick = async (r: Result) => {
    setError(null);
    try {
      if (r.source === 'central') {
        const stored = await api.call('participants.adopt', r.kpj ? { kpj: r.kpj } : { nik: r.nik });
        onPicked(stored.id);
      } else onPicked(r.id);
    } catch (err) {
      setError(isApiError(err) ? { key: err.key, params: err.params } : { key: 'err.internal' });
    }
  };

  return (
    <section aria-labelledby="pay-find-title">
      <h2 id="pay-find-title">{t('payment.find.legend')}</h2>
      <form onSubmit={search} noValidate>
        <TextField
          id="pay-find"
          label={t('payment.find.label')}
          hint={t('payment.find.hint')}
          value={query}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setQuery(e.target.value)}
          error={error ? messageText(t, error.key, error.params, zone) : null}
          style={{ width: '28rem' }}
          action={(
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('payment.find.busy') : t('payment.find.submit')}
            </button>
          )}
        />
      </form>
      {results && results.length === 0 && <p className="notice" role="status">{t('payment.find.none')}</p>}
      {results && results.length > 0 && (
        <ul ref={listRef} aria-label={t('payment.find.results')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {results.map((r) => (
            <li key={`${r.source}-${r.id}`} style={{ marginBottom: '0.35rem' }}>
              <button type="button" onClick={() => void pick(r)} aria-label={t('payment.find.pick', { name: r.name })} style={{ width: '100%', textAlign: 'left' }}>
                <strong>{r.name}</strong> · {maskNik(r.nik)} · {r.kpj ?? t('payment.participant.kpjWaiting')}
                {r.origin === 'central' || r.source === 'central'
                  ? <span className="muted"> · {t('payment.find.elsewhere', { branch: r.registeredBranchName ?? r.registeredBranchCode ?? '-' })}</span>
                  : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';

// Small pieces the closing screen's parts share: an error line and a "run a call" helper.

export type Coded = { key: string; params?: Record<string, string | number> };
export type Recon = Output<'closing.reconcile'>;
export type CountResult = Output<'closing.count'>;
export type Confirmed = Output<'closing.confirm'>;

export function toCoded(e: unknown): Coded {
  return isApiError(e) ? { key: e.key, params: e.params } : { key: 'err.internal' };
}

/** Runs an async action with a busy flag; an error ends up in `error` as a message key. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Coded | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(toCoded(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

export function ErrorLine({ error }: { error: Coded | null }) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  if (!error) return null;
  return <p className="notice notice-error" role="alert">{messageText(t, error.key, error.params, zone)}</p>;
}


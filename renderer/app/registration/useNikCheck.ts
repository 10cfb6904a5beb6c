import { useEffect, useState } from 'react';
import type { NikCheck } from '../../../shared/contract/registration';
import { api, isApiError } from '../../api/client';

/** Checks the NIK as soon as it has 16 digits: its facts, and whether the worker is registered already. */
export function useNikCheck(nik: string) {
  const [check, setCheck] = useState<NikCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const compact = nik.replace(/[\s-]/g, '');
  useEffect(() => {
    setCheck(null);
    setFailed(null);
    if (!/^\d{16}$/.test(compact)) return;
    let stale = false;
    setBusy(true);
    api.call('registration.checkNik', { nik: compact })
      .then((r) => { if (!stale) setCheck(r); })
      .catch((e) => { if (!stale) setFailed(isApiError(e) ? e.key : 'err.internal'); })
      .finally(() => { if (!stale) setBusy(false); });
    return () => { stale = true; };
  }, [compact]);
  return { check, busy, failed };
}

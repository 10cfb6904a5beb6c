import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { StatusInfo } from './shell-context';

const POLL_MS = 3000;

/** Polls status.get while someone is signed in (also while locked: the bar stays true). */
export function useStatus(enabled: boolean): { status: StatusInfo | null; unreachable: boolean } {
  const [status, setStatus] = useState<StatusInfo | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let busy = false;
    const poll = async () => {
      if (busy) return;
      busy = true;
      try {
        const s = await api.call('status.get', {});
        if (!stopped) { setStatus(s); setUnreachable(false); }
      } catch (e) {
        if (!stopped && (e as { code?: string }).code === 'UNAVAILABLE') setUnreachable(true);
      } finally {
        busy = false;
      }
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => { stopped = true; clearInterval(timer); };
  }, [enabled]);
  return { status, unreachable };
}

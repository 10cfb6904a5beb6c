import { CentralError, type CentralClient } from '../central/client';
import type { ParticipantRow } from '../participants/repo';

// Months a participant paid elsewhere (another counter or branch), from the central server.
// The screen must not hang on a slow network: after `timeoutMs` it goes on with what this
// counter knows and says so. Answers are kept briefly, since options, quote and payment ask
// for the same participant within seconds.

export type CentralState = 'merged' | 'offline' | 'off';

export function createCentralMonths(deps: {
  central: CentralClient;
  configured: () => boolean;
  timeoutMs?: number;
  cacheMs?: number;
}) {
  const timeoutMs = deps.timeoutMs ?? 3000;
  const cacheMs = deps.cacheMs ?? 30_000;
  const cache = new Map<string, { at: number; months: string[] }>();

  async function ask(p: ParticipantRow): Promise<string[] | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
    const call = deps.central.call('participant', { query: { nik: p.nik } })
      .then((r) => r.paidMonths)
      .catch((e: unknown) => {
        // Not known there (not synced yet): nothing paid elsewhere.
        if (e instanceof CentralError && e.status === 404) return [] as string[];
        return null;
      });
    try {
      return await Promise.race([call, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    /** `fresh` asks the server even when a recent answer is kept (a participant just opened). */
    async monthsOf(p: ParticipantRow, fresh = false): Promise<{ months: string[]; state: CentralState }> {
      if (!deps.configured()) return { months: [], state: 'off' };
      const hit = cache.get(p.id);
      if (!fresh && hit && Date.now() - hit.at < cacheMs) return { months: hit.months, state: 'merged' };
      const months = await ask(p);
      if (months === null) {
        cache.delete(p.id);
        return { months: [], state: 'offline' };
      }
      cache.set(p.id, { at: Date.now(), months });
      return { months, state: 'merged' };
    },
    forget(participantId: string): void { cache.delete(participantId); },
  };
}
export type CentralMonths = ReturnType<typeof createCentralMonths>;

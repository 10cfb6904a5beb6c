import type { CentralState } from '../../../shared/contract/registration';
import type { ParticipantResponse } from '../../../shared/protocol/central';
import type { SettingsService } from '../settings';
import { CentralError, centralConfigOf, createCentralClient, CentralUnreachable } from '../central/client';

// Participant look-up at central on the teller's path: a short timeout (the teller is waiting,
// and offline work must go on), and a plain answer: found, not found, or could not ask.

export type CentralLookup =
  | { state: 'online'; participant: ParticipantResponse | null }
  | { state: Exclude<CentralState, 'online'>; participant: null };

export function createCentralLookup(settings: SettingsService, timeoutMs = 4000) {
  const client = createCentralClient(() => centralConfigOf(settings.get().central, timeoutMs));
  return async function lookup(query: { nik: string } | { kpj: string }): Promise<CentralLookup> {
    const c = settings.get().central;
    if (!c.url || !c.token) return { state: 'notEnrolled', participant: null };
    try {
      const participant = await client.call('participant', { query: query as Record<string, string> });
      return { state: 'online', participant };
    } catch (e) {
      if (e instanceof CentralError && e.code === 'NOT_FOUND') return { state: 'online', participant: null };
      if (e instanceof CentralUnreachable || e instanceof CentralError) return { state: 'offline', participant: null };
      throw e;
    }
  };
}
export type CentralLookupFn = ReturnType<typeof createCentralLookup>;

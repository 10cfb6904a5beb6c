import type { Handlers } from '../router/router';
import type { syncContract } from '../../shared/contract/sync';
import type { Services } from '../services/services';

export function syncHandlers(s: Services): Handlers<typeof syncContract> {
  return {
    'sync.sendNow': async () => {
      const r = await s.sync.sendNow();
      const st = s.sync.status();
      return { ...r, waiting: st.waiting, online: st.online, lastError: st.lastError };
    },
    'sync.status': () => s.sync.status(),
    'ledger.verify': () => s.verifyLedger(),
    'ledger.verification': () => s.verification(),
  };
}

import type { SettingsService } from '../settings';
import type { Logger } from '../log';
import { createClosingService, type ClosingDeps } from './closing-service';
import type { Printing } from './after-close';

// Builds the closing service from the composition root's parts (one line in services.ts).
export function createClosing(parts: Omit<ClosingDeps, 'identity' | 'printing' | 'log'> & {
  settings: SettingsService; printing?: Printing | null; log?: Logger;
}) {
  const { settings, printing, log, ...rest } = parts;
  return createClosingService({
    ...rest,
    printing: () => printing ?? null,
    log: (event, detail) => log?.warn(detail, event),
    identity: () => {
      const st = settings.get();
      return {
        counterId: st.counter.id, counterNumber: st.counter.number, branchCode: st.branch.code, branchName: st.branch.name,
        timeZone: st.branch.timeZone, lang: st.language, enrolled: Boolean(st.central.url && st.central.token),
      };
    },
  });
}

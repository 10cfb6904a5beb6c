import type { Handlers } from '../router/router';
import type { appContract } from '../../shared/contract/app';
import { ZONE_LABEL } from '../../shared/dates';
import type { Services } from '../services/services';

export function appHandlers(s: Services): Handlers<typeof appContract> {
  return {
    'app.info': () => {
      const st = s.settings.get();
      return {
        version: s.version,
        branch: { code: st.branch.code, name: st.branch.name, timeZone: st.branch.timeZone, zoneLabel: ZONE_LABEL[st.branch.timeZone] },
        counter: { number: st.counter.number, id: st.counter.id },
        businessDate: s.businessDate(),
        language: st.language,
        setupNeeded: s.setupNeeded(),
        settingsProblem: s.settings.problem,
      };
    },
    'app.setLanguage': ({ language }, ctx) => {
      s.db.transaction(() => {
        s.settings.update((cur) => ({ ...cur, language }));
        s.audit.record({ userId: ctx.session?.userId ?? null, username: ctx.session?.username ?? null }, 'app.setLanguage', language);
      })();
      return { ok: true as const };
    },
    'status.get': (_input, ctx) => {
      const st = s.status();
      return { ...st, role: ctx.session!.role };
    },
  };
}

import type { Handlers } from '../router/router';
import type { authContract } from '../../shared/contract/auth';
import type { Services } from '../services/services';
import type { Session } from '../services/auth/sessions';

const userOf = (s: Session) => ({ id: s.userId, username: s.username, displayName: s.displayName, role: s.role });

export function authHandlers(s: Services): Handlers<typeof authContract> {
  const idle = () => s.settings.get().security.idleLockMinutes;
  return {
    'auth.signIn': async ({ username, pin }) => {
      const session = await s.auth.signIn(username, pin);
      return { session: session.token, user: userOf(session), idleLockMinutes: idle() };
    },
    'auth.me': (_i, ctx) => ({ user: userOf(ctx.session!), locked: ctx.session!.locked, idleLockMinutes: idle() }),
    'auth.touch': () => ({ ok: true as const }),
    'auth.unlock': async ({ pin }, ctx) => {
      await s.auth.unlock(ctx.session!, pin);
      return { ok: true as const };
    },
    'auth.lock': (_i, ctx) => {
      ctx.session!.locked = true;
      s.audit.record({ userId: ctx.session!.userId, username: ctx.session!.username }, 'auth.lock', ctx.session!.username);
      return { ok: true as const };
    },
    'auth.signOut': ({ reason }, ctx) => {
      s.auth.signOut(ctx.session!, reason);
      return { ok: true as const };
    },
  };
}

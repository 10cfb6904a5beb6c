import type { Handlers } from '../router/router';
import type { closingContract } from '../../shared/contract/closing';
import type { Services } from '../services/services';
import type { Session } from '../services/auth/sessions';

const actorOf = (s: Session) => ({ userId: s.userId, username: s.username, displayName: s.displayName });

export function closingHandlers(s: Services): Handlers<typeof closingContract> {
  const c = s.closing;
  return {
    'cash.openingFloat': ({ amount }, ctx) => c.cash.openingFloat(actorOf(ctx.session!), amount),
    'cash.move': (input, ctx) => c.cash.move(actorOf(ctx.session!), input),
    'closing.status': () => c.status(),
    'closing.start': ({ businessDate }, ctx) => c.start(actorOf(ctx.session!), businessDate),
    'closing.progress': () => c.progress(),
    'closing.reconcile': (_i, ctx) => c.reconcile(actorOf(ctx.session!)),
    'closing.count': ({ counts }, ctx) => c.count(actorOf(ctx.session!), counts),
    'closing.confirm': (input, ctx) => c.confirm(actorOf(ctx.session!), input),
    'closing.cancel': (_i, ctx) => c.cancel(actorOf(ctx.session!)),
    'closing.history': ({ limit }) => ({ closings: c.history(limit) }),
    'closing.reportPdf': ({ businessDate }) => c.reportPdf(businessDate),
    'closing.print': ({ businessDate }, ctx) => c.print(actorOf(ctx.session!), businessDate),
    'closing.xReport': ({ print }, ctx) => c.xReport(actorOf(ctx.session!), print),
  };
}

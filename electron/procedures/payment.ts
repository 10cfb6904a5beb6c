import type { Handlers } from '../router/router';
import type { paymentContract } from '../../shared/contract/payment';
import type { Services } from '../services/services';
import type { Session } from '../services/auth/sessions';

export const actorOf = (s: Session) => ({ userId: s.userId, username: s.username, displayName: s.displayName });

export function paymentHandlers(s: Services): Handlers<typeof paymentContract> {
  return {
    'payment.options': ({ participantId }) => s.payment.options(participantId),
    'payment.quote': ({ participantId, months }) => s.payment.quote(participantId, months),
    'payment.create': (input, ctx) => s.payment.create(input, actorOf(ctx.session!)),
    'payment.reprint': ({ entryId }, ctx) => s.payment.reprint(entryId, actorOf(ctx.session!)),
    'payment.printStatus': ({ entryId }) => s.payment.printStatus(entryId),
    'payment.receiptPdf': ({ entryId }) => s.payment.receiptPdf(entryId),
    'payment.void': (input, ctx) => s.payment.void(input, actorOf(ctx.session!)),
  };
}

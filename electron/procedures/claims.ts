import type { Handlers, CallContext } from '../router/router';
import type { claimsContract } from '../../shared/contract/claims';
import type { Services } from '../services/services';
import type { ClaimTeller } from '../services/claims/service';

const tellerOf = (ctx: CallContext): ClaimTeller => {
  const s = ctx.session!;
  return { userId: s.userId, username: s.username, displayName: s.displayName };
};

export function claimsHandlers(s: Services): Handlers<typeof claimsContract> {
  const c = s.claims;
  return {
    'claims.types': ({ participantId }) => c.types(participantId),
    'claims.create': (input, ctx) => c.create(input, tellerOf(ctx)),
    'claims.print': ({ claimId }, ctx) => c.print(claimId, tellerOf(ctx)),
    'claims.status': ({ claimId, print }, ctx) => c.status(claimId, tellerOf(ctx), { print }),
    'claims.list': (input) => c.list(input),
  };
}

import type { Handlers, CallContext } from '../router/router';
import type { registrationContract } from '../../shared/contract/registration';
import type { participantDataContract } from '../../shared/contract/participant-data';
import type { Services } from '../services/services';
import type { Teller } from '../services/registration/service';

const tellerOf = (ctx: CallContext): Teller => {
  const s = ctx.session!;
  return { userId: s.userId, username: s.username, displayName: s.displayName };
};

export function registrationHandlers(s: Services): Handlers<typeof registrationContract> {
  const r = s.registration;
  return {
    'registration.checkNik': (input) => r.checkNik(input),
    'registration.quote': (input) => r.quote(input),
    'registration.bands': () => r.bands(),
    'registration.create': (input, ctx) => r.create(input, tellerOf(ctx)),
    'registration.print': ({ participantId }, ctx) => r.print(participantId, tellerOf(ctx)),
    'participants.search': ({ query, limit }) => r.search(query, limit),
    'participants.get': ({ id }) => r.get(id),
    'participants.adopt': (input, ctx) => r.adopt(input, tellerOf(ctx)),
    'regions.list': ({ parent }) => r.regions(parent),
    'occupations.list': () => r.occupations(),
  };
}

export function participantDataHandlers(s: Services): Handlers<typeof participantDataContract> {
  const d = s.participantData;
  return {
    'participants.correct': (input, ctx) => d.correct(input, tellerOf(ctx)),
    'participants.erase': (input, ctx) => d.erase(input, tellerOf(ctx)),
    'participants.dataReport': ({ id }) => s.dataReport.preview(id),
    'participants.printDataReport': ({ id }, ctx) => s.dataReport.print(id, tellerOf(ctx)),
  };
}

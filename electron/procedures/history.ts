import type { Handlers } from '../router/router';
import type { historyContract } from '../../shared/contract/history';
import type { Services } from '../services/services';
import { actorOf } from './payment';

export function historyHandlers(s: Services): Handlers<typeof historyContract> {
  return {
    'history.list': ({ filter, page, pageSize }) => s.history.list(filter, page, pageSize),
    'history.get': ({ id }) => s.history.get(id),
    'history.exportCsv': ({ filter }, ctx) => s.history.exportCsv(filter, actorOf(ctx.session!)),
  };
}

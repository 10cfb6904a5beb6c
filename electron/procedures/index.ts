import type { Handlers } from '../router/router';
import type { Contract } from '../../shared/contract';
import type { Services } from '../services/services';
import { appHandlers } from './app';
import { authHandlers } from './auth';
import { syncHandlers } from './sync';

/** Every handler of the contract, one module per area. */
export function allHandlers(s: Services): Handlers<Contract> {
  return {
    ...appHandlers(s),
    ...authHandlers(s),
    ...syncHandlers(s),
  };
}

import type { Handlers } from '../router/router';
import type { Contract } from '../../shared/contract';
import type { Services } from '../services/services';
import { closingHandlers } from './closing';
import { appHandlers } from './app';
import { authHandlers } from './auth';
import { syncHandlers } from './sync';
import { paymentHandlers } from './payment';
import { historyHandlers } from './history';
import { participantDataHandlers, registrationHandlers } from './registration';
import { setupHandlers } from './setup';
import { technicianHandlers } from './technician';
import { monitoringHandlers } from './monitoring';
import { claimsHandlers } from './claims';

/** Every handler of the contract, one module per area. */
export function allHandlers(s: Services): Handlers<Contract> {
  return {
    ...appHandlers(s),
    ...authHandlers(s),
    ...syncHandlers(s),
    ...paymentHandlers(s),
    ...historyHandlers(s),
    ...registrationHandlers(s),
    ...closingHandlers(s),
    ...setupHandlers(s),
    ...technicianHandlers(s),
    ...monitoringHandlers(s),
    ...claimsHandlers(s),
    ...participantDataHandlers(s),
  };
}

import type { Handlers } from '../router/router';
import type { setupContract } from '../../shared/contract/setup';
import type { Services } from '../services/services';

// The first-run wizard: public procedures, each refused by the service once set-up is complete.
export function setupHandlers(s: Services): Handlers<typeof setupContract> {
  return {
    'setup.state': () => s.setup.state(),
    'setup.checkServer': ({ url, caFile }) => s.setup.checkServer(url, caFile),
    'setup.enrol': (input) => s.setup.enrol(input),
    'setup.savePrinter': (input) => s.setup.savePrinter(input),
    'setup.testPrint': () => s.setup.testPrint(),
    'setup.discoverPrinters': () => s.setup.discoverPrinters(),
    'setup.newRecoveryKey': () => s.setup.newRecoveryKey(),
    'setup.printRecoveryKey': ({ identity }) => s.setup.printRecoveryKey(identity),
    'setup.confirmRecoveryKey': ({ recipient }) => s.setup.confirmRecoveryKey(recipient),
    'setup.createFirstHead': async ({ head, technician }) => ({ users: await s.setup.createFirstUsers({ head, technician }) }),
  };
}

import { contract } from '../shared/contract';
import { createRouter } from './router/router';
import { allHandlers } from './procedures';
import { createServices, type ServiceOptions } from './services/services';

/** Services plus the router over them: what a transport needs. */
export function createLoketHost(opts: ServiceOptions) {
  const services = createServices(opts);
  const router = createRouter(contract, allHandlers(services), {
    resolveSession: (token) => services.auth.sessions.get(token, services.clock().getTime()),
    touchSession: (session) => services.auth.sessions.touch(session, services.clock().getTime()),
    log: (event, detail) => services.log.info(detail, event),
  });
  return {
    services,
    router,
    close: () => services.close(),
  };
}
export type LoketHost = ReturnType<typeof createLoketHost>;

import { contract } from '../shared/contract';
import { createRouter } from './router/router';
import { allHandlers } from './procedures';
import { createServices, type ServiceOptions } from './services/services';

/** Services plus the router over them: what a transport needs. */
export function createLoketHost(opts: ServiceOptions) {
  const services = createServices(opts);
  // Read twice per mutating call: compiled once (compiling it each time cost a payment ~0.1 ms).
  const lastAuditId = services.db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck();
  const router = createRouter(contract, allHandlers(services), {
    resolveSession: (token) => services.auth.sessions.get(token, services.clock().getTime()),
    touchSession: (session) => services.auth.sessions.touch(session, services.clock().getTime()),
    log: (event, detail) => services.log.info(detail, event),
    auditCount: () => lastAuditId.get() as number,
    strictAudit: process.env.LOKET_STRICT_AUDIT === '1',
  });
  return {
    services,
    router,
    close: () => services.close(),
  };
}
export type LoketHost = ReturnType<typeof createLoketHost>;

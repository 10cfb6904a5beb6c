import type { Handlers } from '../router/router';
import type { monitoringContract } from '../../shared/contract/monitoring';
import type { Services } from '../services/services';

const actorOf = (ctx: { session: { userId: string; username: string } | null }) =>
  ({ userId: ctx.session!.userId, username: ctx.session!.username });

export function monitoringHandlers(s: Services): Handlers<typeof monitoringContract> {
  return {
    'monitoring.overview': () => s.monitoring.overview(),
    'monitoring.exportCsv': (_input, ctx) => s.monitoring.exportCsv(actorOf(ctx)),
    'monitoring.exportPdf': (_input, ctx) => s.monitoring.exportPdf(actorOf(ctx)),
  };
}

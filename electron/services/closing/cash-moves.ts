import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import type { Ledger } from '../ledger/ledger';
import type { AuthService } from '../auth/auth-service';
import type { AuditActor } from '../audit';

// Cash that enters or leaves the drawer without a participant: the opening float (modal awal,
// once per day) and cash in / cash out with a reason and a head's approval. They are ledger
// entries like any money, so the expected cash is computed from the ledger alone.

export interface CashActor extends AuditActor { userId: string; username: string }

export function createCashMoves(deps: { db: Db; ledger: Ledger; auth: Pick<AuthService, 'approveAsHead'>; counterId: () => string }) {
  const { db, ledger } = deps;
  const floatsOfDay = db.prepare("SELECT COUNT(*) AS n FROM ledger_entries WHERE counter_id = ? AND business_date = ? AND kind = 'OPENING_FLOAT'");

  return {
    openingFloat(actor: CashActor, amount: number) {
      const date = ledger.today();
      const { entry } = ledger.record(
        { kind: 'OPENING_FLOAT', userId: actor.userId, amount, paymentMethod: 'CASH', payload: { by: actor.username } },
        { actor, action: 'cash.openingFloat', detail: { amount, businessDate: date } },
        (e) => {
          // Checked after the append, inside the same transaction: two heads at once still get one float.
          const { n } = floatsOfDay.get(deps.counterId(), e.business_date) as { n: number };
          if (n > 1) throw new AppError('CONFLICT', 'closing.err.floatExists', { date: e.business_date }, [{ path: 'amount', key: 'closing.err.floatExists' }]);
        },
      );
      return { entryId: entry.id, amount: entry.amount, businessDate: entry.business_date };
    },

    async move(actor: CashActor, input: { direction: 'IN' | 'OUT'; amount: number; reason: string; approval: { username: string; pin: string } }) {
      const kind: 'CASH_IN' | 'CASH_OUT' = input.direction === 'IN' ? 'CASH_IN' : 'CASH_OUT';
      const head = await deps.auth.approveAsHead(input.approval.username, input.approval.pin, `cash.move.${kind}`);
      // Signed like the drawer moves: cash out is negative.
      const amount = input.direction === 'IN' ? input.amount : -input.amount;
      const { entry } = ledger.record(
        {
          kind, userId: actor.userId, amount, paymentMethod: 'CASH',
          payload: { reason: input.reason, approvedBy: { id: head.id, username: head.username } },
        },
        { actor, action: 'cash.move', detail: { kind, amount, reason: input.reason, approvedBy: head.username } },
      );
      return { entryId: entry.id, kind, amount: entry.amount, businessDate: entry.business_date };
    },
  };
}
export type CashMoves = ReturnType<typeof createCashMoves>;

import { z } from 'zod';
import { AppError, invalidInput, isAppError, type AppErrorData } from '../../shared/errors';
import type { ContractShape, RpcRequest } from '../../shared/contract/define';
import { messageId } from '../../shared/i18n';
import type { Session } from '../services/auth/sessions';

export interface CallContext {
  /** The caller's session; null only for public procedures called signed-out. */
  session: Session | null;
  transport: 'ipc' | 'bridge' | 'direct';
}

export type Handler<I, O> = (input: I, ctx: CallContext) => O | Promise<O>;
export type Handlers<C extends ContractShape> = {
  [K in keyof C]: Handler<z.output<C[K]['input']>, z.input<C[K]['output']>>;
};

import type { RpcResult } from '../../shared/contract/preload-api';
export type { RpcResult };

export interface RouterDeps {
  resolveSession(token: string | null | undefined): Session | null;
  touchSession(session: Session): void;
  log(event: string, detail: Record<string, unknown>): void;
  /** Rows in the audit log so far: a `mutates` procedure that adds none is a defect. */
  auditCount?(): number;
  /** Tests: answer INTERNAL when a mutating call wrote no audit row (production only logs it). */
  strictAudit?: boolean;
}

const errorKeys: Record<string, string> = {
  UNAUTHENTICATED: 'err.unauthenticated', SESSION_LOCKED: 'err.sessionLocked', FORBIDDEN: 'err.forbidden',
  UNKNOWN_PROCEDURE: 'err.unknownProcedure', INTERNAL: 'err.internal',
};

function fail(code: AppErrorData['code'], key = errorKeys[code]): RpcResult {
  return { ok: false, error: withMessage({ code, key }) };
}

function withMessage(data: AppErrorData): AppErrorData {
  return { ...data, message: messageId(data.key, data.params) };
}

/**
 * The one router. Every call, whatever its transport, goes: known procedure → session →
 * role → input schema → handler → output schema. A refused call never reaches a handler,
 * so it changes nothing.
 */
export function createRouter<C extends ContractShape>(contract: C, handlers: Handlers<C>, deps: RouterDeps) {
  for (const name of Object.keys(contract)) {
    if (typeof (handlers as Record<string, unknown>)[name] !== 'function') throw new Error(`no handler for procedure ${name}`);
  }
  for (const name of Object.keys(handlers)) {
    if (!(name in contract)) throw new Error(`handler ${name} is not in the contract`);
  }

  async function call(request: RpcRequest, transport: CallContext['transport']): Promise<RpcResult> {
    const name = request.procedure;
    if (typeof name !== 'string' || !Object.hasOwn(contract, name)) return fail('UNKNOWN_PROCEDURE');
    const def = contract[name];
    const session = deps.resolveSession(typeof request.session === 'string' ? request.session : null);

    if (def.access !== 'public') {
      if (!session) return fail('UNAUTHENTICATED');
      if (session.locked && !def.whileLocked) return fail('SESSION_LOCKED');
      if (!def.access.includes(session.role)) {
        deps.log('rpc.forbidden', { procedure: name, role: session.role, user: session.username });
        return fail('FORBIDDEN');
      }
    }

    const parsed = def.input.safeParse(request.input ?? {});
    if (!parsed.success) return { ok: false, error: withMessage(invalidInput(parsed.error).toData()) };

    try {
      if (session && !def.passive && !session.locked) deps.touchSession(session);
      const auditBefore = def.mutates ? deps.auditCount?.() : undefined;
      const raw = await (handlers[name] as Handler<unknown, unknown>)(parsed.data, { session, transport });
      if (auditBefore !== undefined && deps.auditCount!() === auditBefore) {
        deps.log('rpc.unaudited', { procedure: name });
        if (deps.strictAudit) return fail('INTERNAL');
      }
      const out = def.output.safeParse(raw);
      if (!out.success) {
        deps.log('rpc.badOutput', { procedure: name, issues: out.error.issues.slice(0, 5) });
        return fail('INTERNAL');
      }
      return { ok: true, output: out.data };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: withMessage(e.toData()) };
      const sqliteCode = (e as { code?: string })?.code;
      if (sqliteCode === 'SQLITE_FULL') return { ok: false, error: withMessage(new AppError('UNAVAILABLE', 'err.diskFull').toData()) };
      deps.log('rpc.error', { procedure: name, error: e instanceof Error ? e.message : String(e) });
      return fail('INTERNAL');
    }
  }

  return { call, contract };
}
export type Router = ReturnType<typeof createRouter>;

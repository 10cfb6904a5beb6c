import type { z } from 'zod';
import type { Access } from '../roles';

/**
 * One procedure of the contract between the UI and the services: its input and output
 * schemas and who may call it. Declared once here; the router binds a handler to each,
 * and both transports (Electron IPC, loopback bridge) call that one router.
 */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Allowed on a session that is idle-locked (unlock, sign-out, who-am-I). */
  whileLocked?: boolean;
  /** Background polling: does not count as activity for the idle lock. */
  passive?: boolean;
  /** Changes state: must write an audit row (checked by a test). */
  mutates?: boolean;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}

export type ContractShape = Record<string, ProcedureDef>;
export type InputOf<C extends ContractShape, K extends keyof C> = z.input<C[K]['input']>;
export type OutputOf<C extends ContractShape, K extends keyof C> = z.output<C[K]['output']>;

/** What crosses a transport. The session token travels with each call. */
export interface RpcRequest { procedure: string; input?: unknown; session?: string | null }

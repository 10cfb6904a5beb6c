import type { LoketHost } from '../../../electron/host';
import type { RpcResult } from '../../../electron/router/router';
import type { AppErrorData } from '../../../shared/errors';

// Calls through the one router, as the UI does, and reads the typed result.

export type Call = (procedure: string, input?: unknown, session?: string | null) => Promise<RpcResult>;

export function caller(host: LoketHost): Call {
  return (procedure, input = {}, session = null) => host.router.call({ procedure, input, session }, 'direct');
}

export function out<T = any>(r: RpcResult): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.output as T;
}

export function err(r: RpcResult): AppErrorData {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.output)}`);
  return r.error;
}

export const count = (host: LoketHost, table: string): number =>
  (host.services.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

export function audits(host: LoketHost, action: string): { username: string | null; target: string | null; detail: string | null }[] {
  return host.services.db.prepare('SELECT username, target, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as never;
}

/** A contribution-shaped entry written straight through the ledger (the payment screen is not needed here). */
export function recordEntry(host: LoketHost, username = 'siti', amount = 16800) {
  const user = host.services.auth.listUsers().find((u) => u.username === username)!;
  return host.services.ledger.record(
    { kind: 'CONTRIBUTION', userId: user.id, amount, paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] } },
    { actor: { userId: user.id, username: user.username }, action: 'payment.create' },
  ).entry;
}

import type { AppErrorData } from '../errors';
import type { RpcRequest } from './define';

// What the Electron preload exposes to the renderer as `window.loket`. The preload's
// `contextBridge.exposeInMainWorld('loket', api)` should `satisfies LoketPreloadApi`, so the
// surface is a contract: one call, the same request and result the loopback bridge carries.

/** The answer of one procedure call, whatever the transport (same shape as the router's). */
export type RpcResult = { ok: true; output: unknown } | { ok: false; error: AppErrorData };

export interface LoketPreloadApi {
  /** Calls one procedure of the contract through Electron IPC. Never rejects for a refused call. */
  call(request: RpcRequest): Promise<RpcResult>;
}

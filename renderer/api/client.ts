import type { Output, ProcedureName, Input } from '../../shared/contract';
import type { RpcRequest } from '../../shared/contract/define';
import type { RpcResult } from '../../shared/contract/preload-api';
import type { FieldError, MessageParams } from '../../shared/errors';

// The renderer's one way to the services. In Electron the preload's `window.loket.call`
// carries the request over IPC; in a browser the loopback bridge carries it over HTTP with
// the bridge token from the address fragment. Both answer the same RpcResult.

const SESSION_KEY = 'loket.session';
const BRIDGE_TOKEN_KEY = 'loket.bridgeToken';

/** A refused or failed call: what the UI needs to say why, next to the right field. */
export class ApiError extends Error {
  readonly code: string;
  readonly key: string;
  readonly params?: MessageParams;
  readonly fields: FieldError[];
  constructor(data: { code: string; key: string; params?: MessageParams; fields?: FieldError[]; message?: string }) {
    super(data.message ?? `${data.code}: ${data.key}`);
    this.name = 'ApiError';
    this.code = data.code;
    this.key = data.key;
    this.params = data.params;
    this.fields = data.fields ?? [];
  }
}

export type Transport = (request: RpcRequest) => Promise<RpcResult>;

function networkError(): ApiError {
  return new ApiError({ code: 'UNAVAILABLE', key: 'err.network' });
}

/** Takes `#token=…` from the address once, keeps it for this tab, and wipes it from the URL. */
export function takeBridgeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(BRIDGE_TOKEN_KEY, token);
    history.replaceState(history.state, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(BRIDGE_TOKEN_KEY);
}

export function bridgeTransport(token: string | null, endpoint = '/api/rpc'): Transport {
  return async (request) => {
    let res: Response;
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request),
        cache: 'no-store',
      });
    } catch {
      throw networkError();
    }
    let body: unknown;
    try { body = await res.json(); } catch { throw networkError(); }
    if (!body || typeof body !== 'object' || typeof (body as { ok?: unknown }).ok !== 'boolean') throw networkError();
    return body as RpcResult;
  };
}

export function ipcTransport(loket: NonNullable<Window['loket']>): Transport {
  return async (request) => {
    try {
      return await loket.call(request);
    } catch {
      throw networkError();
    }
  };
}

export type SessionEvent = 'lost' | 'locked';

export function createApiClient(transport: Transport, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  const listeners = new Set<(e: SessionEvent) => void>();
  const emit = (e: SessionEvent) => { for (const l of listeners) l(e); };

  return {
    /** Calls one procedure; resolves to its output or throws an ApiError. */
    async call<K extends ProcedureName>(name: K, input: Input<K>): Promise<Output<K>> {
      const session = storage.getItem(SESSION_KEY);
      const result = await transport({ procedure: name, input, session });
      if (result.ok) return result.output as Output<K>;
      const error = new ApiError(result.error);
      // A session that vanished (restart, sign-out elsewhere) or locked on the server side:
      // the shell returns to sign-in or shows the lock screen, whatever screen made the call.
      if (session && error.code === 'UNAUTHENTICATED') emit('lost');
      if (session && error.code === 'SESSION_LOCKED') emit('locked');
      throw error;
    },
    session: {
      get: () => storage.getItem(SESSION_KEY),
      set: (token: string) => storage.setItem(SESSION_KEY, token),
      clear: () => storage.removeItem(SESSION_KEY),
    },
    /** Hears when the server no longer knows the session or has locked it. */
    onSessionEvent(listener: (e: SessionEvent) => void): () => void {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

function defaultTransport(): Transport {
  if (typeof window !== 'undefined' && window.loket) return ipcTransport(window.loket);
  return bridgeTransport(takeBridgeToken());
}

/** The client every screen uses. */
export const api: ApiClient = createApiClient(defaultTransport(), sessionStorage);

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

import type { z } from 'zod';
import diagnostics from 'node:diagnostics_channel';
import { promisify } from 'node:util';
import { brotliCompress, constants as zc } from 'node:zlib';
import { CENTRAL_ENDPOINTS, type CentralEndpointName } from '../../../shared/protocol/endpoints';
import { COMPRESS_FROM_BYTES, errorBodySchema } from '../../../shared/protocol/central';
import { isAllowedCentralUrl } from '../../../shared/protocol/central-url';
import { dispatcherFor, NO_TLS, PIN_MISMATCH, type CentralTls } from './tls';

const brotli = promisify(brotliCompress);

/**
 * A request body as it goes on the wire: JSON of a kilobyte or more is brotli-compressed (a
 * batch shrinks about eightfold, which on a village's 80 kbit/s uplink is most of the wait).
 */
export interface WireBody { body: string | Uint8Array<ArrayBuffer>; encoding: 'br' | null }
export async function wireBody(json: string): Promise<WireBody> {
  const bytes = Buffer.from(json);
  if (bytes.length < COMPRESS_FROM_BYTES) return { body: json, encoding: null };
  const packed = await brotli(bytes, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
  return { body: new Uint8Array(packed), encoding: 'br' };
}

// The counter's side of the central protocol: typed calls over the endpoint table, every
// response checked with its zod schema. No state but the base URL and the device token.

type Ep = typeof CENTRAL_ENDPOINTS;
type Body<N extends CentralEndpointName> = Ep[N] extends { body: z.ZodType } ? z.input<Ep[N]['body']> : undefined;
type Query<N extends CentralEndpointName> = Ep[N] extends { query: z.ZodType } ? Record<string, string> : undefined;
type Res<N extends CentralEndpointName> = z.output<Ep[N]['response']>;

/** The server could not be reached, timed out, or answered something unreadable. */
export class CentralUnreachable extends Error {
  /** `pin`: not the certificate pinned at enrolment; `certificate`: one nothing we trust vouches for. */
  constructor(message: string, readonly tls?: 'pin' | 'certificate') { super(message); this.name = 'CentralUnreachable'; }
}

/** The server answered with an error body (4xx/5xx). */
export class CentralError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'CentralError';
  }
}

export interface CentralClientConfig { url: string; token: string; timeoutMs?: number; tls?: CentralTls }

/** The client's configuration from the settings: address, token and what the TLS connection trusts. */
export function centralConfigOf(central: { url: string; token: string; tlsPin: string; caFile: string }, timeoutMs?: number): CentralClientConfig {
  return { url: central.url, token: central.token, timeoutMs, tls: { pin: central.tlsPin, caFile: central.caFile } };
}

/** The init of one request to `url`, with the dispatcher that trusts what `tls` says. */
export function tlsInit(url: string, tls: CentralTls | undefined, init: RequestInit): RequestInit {
  const dispatcher = dispatcherFor(url, tls ?? NO_TLS);
  return dispatcher ? ({ ...init, dispatcher } as RequestInit) : init;
}

/**
 * Calls `then` once fetch (undici) has written a request for `path` to its socket, as its
 * diagnostics channel reports it; the returned stop calls it anyway if that never came.
 */
function whenBodySent(path: string, then: () => void): () => void {
  let done = false;
  const listener = (message: unknown) => {
    if ((message as { request?: { path?: string } }).request?.path === path) finish();
  };
  function finish() {
    if (done) return;
    done = true;
    diagnostics.unsubscribe(BODY_SENT, listener);
    then();
  }
  diagnostics.subscribe(BODY_SENT, listener);
  return finish;
}
const BODY_SENT = 'undici:request:bodySent';

export function createCentralClient(config: () => CentralClientConfig) {
  /** `bodyJson`: the body already written as JSON (the sync worker has SQLite write its batches). */
  /**
   * `timeoutFor`: the request's timeout from the bytes it puts on the wire (the sync worker's
   * batches grow with the link); `sent` receives that byte count.
   */
  async function call<N extends CentralEndpointName>(name: N, args: {
    body?: Body<N>; bodyJson?: Body<N> extends undefined ? never : string; query?: Query<N>;
    /** `bodyJson` already made into its wire form (the sync worker packs the next batch while one is in flight). */
    bodyWire?: WireBody;
    timeoutFor?: (wireBytes: number) => number; sent?: { bytes: number };
    /**
     * Called once the request's body is written to the socket (or the call has ended first): the
     * sync worker's cue for its disk work, which would otherwise hold the request back.
     */
    onSent?: () => void;
  } = {}): Promise<Res<N>> {
    const ep = CENTRAL_ENDPOINTS[name];
    const { url, token, timeoutMs = 15_000, tls } = config();
    if (!url) throw new CentralUnreachable('central server address is not set');
    // A settings file edited by hand cannot send personal data in clear over a network.
    if (!isAllowedCentralUrl(url)) throw new CentralUnreachable('plain http:// is refused except to this computer: use https://');
    const target = new URL(ep.path, url.endsWith('/') ? url : `${url}/`);
    for (const [k, v] of Object.entries(args.query ?? {})) if (v !== undefined) target.searchParams.set(k, String(v));
    // Answers compressed as central can (fetch decompresses them).
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'br, gzip' };
    if (ep.auth === 'device') headers.authorization = `Bearer ${token}`;
    const json = args.bodyJson ?? (args.body === undefined ? undefined : JSON.stringify(args.body));
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (json !== undefined || args.bodyWire) {
      const wire = args.bodyWire ?? await wireBody(json!);
      body = wire.body;
      headers['content-type'] = 'application/json';
      if (wire.encoding) headers['content-encoding'] = wire.encoding;
    }
    const wireBytes = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    if (args.sent) args.sent.bytes = wireBytes;
    const stopWatching = args.onSent ? whenBodySent(target.pathname + target.search, args.onSent) : () => undefined;
    return (fetchChecked(target, tlsInit(url, tls, {
      method: ep.method, headers, body,
    }), ep.response, args.timeoutFor ? Math.max(timeoutMs, args.timeoutFor(wireBytes)) : timeoutMs, `answer of ${name} does not fit the protocol`) as Promise<Res<N>>)
      .finally(stopWatching)
      .catch((e: unknown) => {
        // Pinned: any certificate the pin does not vouch for is someone else's, say so plainly.
        if (e instanceof CentralUnreachable && e.tls && tls?.pin) {
          throw new CentralUnreachable(e.tls === 'pin' ? e.message : `the server's certificate is not the one pinned at enrolment (${e.message})`, 'pin');
        }
        throw e;
      });
  }
  return { call };
}
export type CentralClient = ReturnType<typeof createCentralClient>;

/**
 * One request to the central server with the protocol's error handling: unreachable, an error
 * body (CentralError), or an answer checked against its schema. The JSON client and the
 * multipart claims upload both send through it.
 */
export async function fetchChecked<S extends z.ZodType>(url: URL, init: RequestInit, schema: S, timeoutMs: number, misfit: string): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const cause = e instanceof Error ? (e.cause as (Error & { code?: string }) | undefined) : undefined;
    if (cause?.code === PIN_MISMATCH) throw new CentralUnreachable(`${cause.message}: refused`, 'pin');
    throw new CentralUnreachable(e instanceof Error ? `${e.name}: ${cause?.message ?? e.message}` : String(e), cause?.code?.startsWith('ERR_TLS') || /certificate/i.test(cause?.message ?? '') ? 'certificate' : undefined);
  }
  let json: unknown;
  try { json = await res.json(); } catch { throw new CentralUnreachable(`unreadable answer (HTTP ${res.status})`); }
  if (!res.ok) {
    const err = errorBodySchema.safeParse(json);
    if (err.success) throw new CentralError(res.status, err.data.error.code, err.data.error.message, err.data.error.details);
    throw new CentralUnreachable(`HTTP ${res.status} without an error body`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CentralUnreachable(misfit);
  return parsed.data;
}

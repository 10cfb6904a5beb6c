import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, constants as zc, gunzipSync, gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { fieldErrorsFromZod } from '../../shared/errors';
import { BODY_ENCODINGS, CENTRAL_ERROR_STATUS, COMPRESS_FROM_BYTES, type CentralErrorCode } from '../../shared/protocol/central';
import { central } from '../../shared/i18n/messages/central';

// Small HTTP helpers of the central double: one error type, JSON answers, a body reader with a
// size limit that keeps the connection usable, and zod validation that answers 400 with details.

export class HttpError extends Error {
  constructor(
    readonly code: CentralErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? central.id.central.error[code]);
    this.name = 'HttpError';
  }
  get status(): number {
    return CENTRAL_ERROR_STATUS[this.code];
  }
}

/** The answer's encoding from the request's Accept-Encoding: br, else gzip, else none. */
export function answerEncoding(accept: string | string[] | undefined): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of String(accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((x) => /^\s*q=([\d.]+)/.exec(x)?.[1]).find(Boolean);
    if (name) offered.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (n: string) => (offered.get(n) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, accept?: string | string[]): void {
  const text = Buffer.from(JSON.stringify(body));
  const encoding = text.length >= COMPRESS_FROM_BYTES ? answerEncoding(accept) : null;
  // Brotli at a middle quality: most of its gain for a few milliseconds per answer.
  const payload = encoding === 'br' ? brotliCompressSync(text, { params: { [zc.BROTLI_PARAM_QUALITY]: 5, [zc.BROTLI_PARAM_SIZE_HINT]: text.length } })
    : encoding === 'gzip' ? gzipSync(text) : text;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': payload.length,
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(encoding ? { 'content-encoding': encoding } : {}),
    ...headers,
  });
  res.end(payload);
}

/**
 * A request body as sent: plain, or gzip/br (Content-Encoding). Decompressed up to `limit`
 * bytes and no further, so a small bomb cannot fill memory: past it, 413 and nothing written.
 */
export function decodeBody(bytes: Buffer, encoding: string | string[] | undefined, limit: number): Buffer {
  const e = String(encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return bytes;
  if (!(BODY_ENCODINGS as readonly string[]).includes(e)) throw new HttpError('UNSUPPORTED_ENCODING', { encoding: e, accepted: [...BODY_ENCODINGS] });
  try {
    return e === 'br' ? brotliDecompressSync(bytes, { maxOutputLength: limit }) : gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new HttpError('PAYLOAD_TOO_LARGE', { maxBytes: limit, decompressed: true });
    }
    throw new HttpError('BAD_JSON', { encoding: e });
  }
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}, accept?: string | string[]): void {
  const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  sendJson(res, error.status, body, headers, accept);
}

export interface RawBody { bytes: Buffer; tooLarge: boolean }

/**
 * Reads the request body. Past `limit` it stops keeping bytes but keeps draining, so the client
 * can finish sending and read the 413 on a connection that stays alive. Past `hardLimit` it
 * gives up on the connection (resolves tooLarge; the caller closes it).
 */
export function readBody(req: IncomingMessage, limit: number, hardLimit = limit * 4): Promise<RawBody & { abort: boolean }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > hardLimit) {
      resolve({ bytes: Buffer.alloc(0), tooLarge: true, abort: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > hardLimit && !settled) {
        settled = true;
        req.pause();
        resolve({ bytes: Buffer.alloc(0), tooLarge: true, abort: true });
      }
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve({ bytes: size > limit ? Buffer.alloc(0) : Buffer.concat(chunks, size), tooLarge: size > limit, abort: false });
    });
    req.on('error', (e) => {
      if (!settled) { settled = true; reject(e); }
    });
    // The client went away before the body ended.
    req.on('close', () => {
      if (!settled) { settled = true; reject(new Error('request aborted')); }
    });
  });
}

/** Parses a JSON body; an empty body is `undefined` (the schema then says what is missing). */
export function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpError('BAD_JSON');
  }
}

/** Validates with a protocol schema; a mismatch is 400 INVALID_INPUT with the field issues. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrorsFromZod(parsed.error).slice(0, 50);
    throw new HttpError('INVALID_INPUT', { fields });
  }
  return parsed.data;
}

/** Query string as a plain object (first value of a repeated name). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (k !== '__proto__' && !Object.hasOwn(out, k)) out[k] = v;
  return out;
}

/** The Bearer token of the Authorization header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+([A-Za-z0-9._~+/=-]{16,512})\s*$/i.exec(header);
  return m ? m[1] : null;
}

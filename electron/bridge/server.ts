import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { RENDERER_CSP } from '../../shared/csp';
import type { Router, RpcResult } from '../router/router';
import { serveStatic } from './static-files';

// The loopback bridge: the real UI in a browser talks to the real services over HTTP on
// 127.0.0.1, for development, the demo and browser tests. It listens on loopback only,
// demands a random token made at each start, and refuses other origins and hosts.

// Large enough for a claim with its attachments (8 files of 5 MB, as base64), and no more.
const MAX_BODY = 64 * 1024 * 1024;

const requestSchema = z.object({
  procedure: z.string().max(100),
  input: z.unknown().optional(),
  session: z.string().max(200).nullish(),
});

const STATUS: Record<string, number> = {
  INVALID_INPUT: 400, UNAUTHENTICATED: 401, SESSION_LOCKED: 423, FORBIDDEN: 403, WRONG_PIN: 401, USER_LOCKED: 423,
  NOT_FOUND: 404, CONFLICT: 409, DAY_CLOSED: 409, UNAVAILABLE: 503, UNKNOWN_PROCEDURE: 404, INTERNAL: 500,
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface BridgeOptions {
  router: Pick<Router, 'call'>;
  /** The built renderer (vite build output); omit to serve the API only. */
  staticDir?: string;
  port?: number;
  token?: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, key: 'err.forbidden', message } });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { resolve(null); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBridge(opts: BridgeOptions) {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let origin = '';
  let allowedHosts: string[] = [];

  const server = createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback host names.
      if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 421, 'BAD_HOST', 'Host tidak dikenal.');
      const url = req.url ?? '/';
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST' || url !== '/api/rpc') return refuse(res, 404, 'NOT_FOUND', 'Alamat tidak dikenal.');
        const reqOrigin = req.headers.origin;
        if (reqOrigin !== undefined && reqOrigin !== origin && !allowedHosts.some((h) => reqOrigin === `http://${h}`)) {
          return refuse(res, 403, 'BAD_ORIGIN', 'Asal permintaan tidak diizinkan.');
        }
        const auth = req.headers.authorization ?? '';
        if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), token)) {
          return refuse(res, 401, 'BAD_TOKEN', 'Token jembatan tidak sah.');
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'BAD_CONTENT_TYPE', 'Permintaan harus berupa JSON.');
        }
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'TOO_LARGE', 'Permintaan terlalu besar.');
        let json: unknown;
        try { json = JSON.parse(body); } catch { return refuse(res, 400, 'BAD_JSON', 'JSON tidak sah.'); }
        const parsed = requestSchema.safeParse(json);
        if (!parsed.success) return refuse(res, 400, 'BAD_REQUEST', 'Bentuk permintaan tidak sah.');
        const result: RpcResult = await opts.router.call(parsed.data, 'bridge');
        return sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 400), result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'METHOD', 'Metode tidak diizinkan.');
      const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': RENDERER_CSP, 'X-Frame-Options': 'DENY' };
      if (opts.staticDir && serveStatic(opts.staticDir, url, res, headers)) return;
      if (opts.staticDir && !url.includes('.') && serveStatic(opts.staticDir, '/index.html', res, headers)) return;
      return refuse(res, 404, 'NOT_FOUND', 'Berkas tidak ditemukan.');
    } catch {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', key: 'err.internal', message: 'Kesalahan internal.' } });
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  return {
    port,
    token,
    origin,
    /** The address to open: the token rides in the fragment, which browsers never send to a server. */
    url: `${origin}/#token=${token}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
export type Bridge = Awaited<ReturnType<typeof startBridge>>;

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { MAX_BODY_BYTES, type Period } from '../../shared/protocol/central';
import { createAdmin, type CentralAdmin } from './admin';
import type { CentralContext, Route } from './context';
import { createCentralCore } from './core';
import { openCentralDb } from './db';
import { FALLBACK_CHECKPOINT_PAGES, startCheckpointer } from './checkpointer';
import { bearerToken, decodeBody, HttpError, parseJson, queryObject, readBody, sendError, sendJson } from './http';
import { adminRoutes } from './routes/admin';
import { v1Routes } from './routes/v1';
import { claimRoutes } from './routes/claims';
import { matchTemplate } from './path-template';
import type { BranchInput } from './store/branches';
import type { EnrolCodeInput } from './store/enrolment';
import type { BranchTarget } from './store/periods';
import type { SeedBranchesInput } from './store/seed-branches';

// The central-server double: a real HTTP server (node:http) on its own SQLite file that speaks
// the /v1 protocol of shared/protocol. Every request is validated; bad input gets a 4xx and
// never a crash; connections stay alive between requests.

export interface CentralSeed {
  branches?: BranchInput[];
  enrolCodes?: EnrolCodeInput[];
  periods?: Period[];
  branchTargets?: BranchTarget[];
  /** Other branches with generated registrations (standings). */
  otherBranches?: SeedBranchesInput & { periodId?: string };
}

export interface CentralServerOptions {
  dbPath: string;
  port?: number;
  host?: string;
  seed?: CentralSeed;
  /** Secret of the X-Admin-Secret header (default: random). */
  adminSecret?: string;
  /** The server's clock (default: the real one). */
  now?: () => Date;
  /** Largest body read (default MAX_BODY_BYTES of the protocol). */
  maxBodyBytes?: number;
  /** Head office's age public key (`age1…`) handed to counters at enrolment for their backups. */
  backupRecipient?: string;
  /** Called with unexpected errors (default: console.error). */
  onError?: (error: unknown) => void;
  /** Serve https with this key and certificate (PEM), as a real central server does (issue 16). */
  tls?: { key: string; cert: string };
}

export interface CentralServer {
  url: string;
  port: number;
  admin: CentralAdmin;
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startCentralServer(options: CentralServerOptions): Promise<CentralServer> {
  const db = openCentralDb(options.dbPath);
  const checkpointer = options.dbPath === ':memory:' ? null : startCheckpointer(options.dbPath);
  if (checkpointer) db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  const ctx: CentralContext = {
    db,
    now: options.now ?? (() => new Date()),
    adminSecret: options.adminSecret ?? randomBytes(16).toString('hex'),
    backupRecipient: options.backupRecipient,
  };
  const core = createCentralCore(ctx);
  const admin = createAdmin(core);
  applySeed(admin, options.seed);

  const routes = [...v1Routes(core), ...adminRoutes(admin), ...claimRoutes(core)];
  const byPath = new Map<string, Route[]>();
  for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const onError = options.onError ?? ((e: unknown) => console.error('[central] unexpected error', e));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://central.invalid');
    } catch {
      throw new HttpError('NOT_FOUND');
    }
    const templated = byPath.has(url.pathname) ? null : matchTemplate(routes, url.pathname);
    const candidates = byPath.get(url.pathname) ?? templated?.routes;
    const route = candidates?.find((r) => r.method === req.method);
    const hasBody = route ? route.method !== 'GET' : req.method !== 'GET' && req.method !== 'HEAD';
    const limit = route?.multipart?.maxBodyBytes ?? maxBody;
    // The body is read (or drained) before answering, so the connection can serve the next request.
    const raw = hasBody ? await readBody(req, limit) : null;
    if (raw?.abort) {
      res.setHeader('connection', 'close');
      throw new HttpError('PAYLOAD_TOO_LARGE', { maxBytes: limit });
    }
    if (!candidates) throw new HttpError('NOT_FOUND');
    if (!route) throw new HttpError('METHOD_NOT_ALLOWED', { allow: candidates.map((r) => r.method) });
    if (raw?.tooLarge) throw new HttpError('PAYLOAD_TOO_LARGE', { maxBytes: limit });

    let device = null;
    if (route.auth === 'device') {
      device = core.enrolment.authenticate(bearerToken(req));
      if (!device) throw new HttpError('UNAUTHENTICATED');
    } else if (route.auth === 'admin' && !sameSecret(req.headers['x-admin-secret'], ctx.adminSecret)) {
      throw new HttpError('UNAUTHENTICATED');
    }
    const bytes = raw ? decodeBody(raw.bytes, req.headers['content-encoding'], limit) : null;
    const body = bytes && !route.multipart ? parseJson(bytes) : undefined;
    const rawBody = bytes && route.multipart ? { bytes, contentType: String(req.headers['content-type'] ?? '') } : undefined;
    const answer = await route.handle({ query: queryObject(url.searchParams), body, device, params: templated?.params, raw: rawBody });
    sendJson(res, answer.status ?? 200, answer.body, {}, req.headers['accept-encoding']);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) { res.destroy(); return; }
      if (error instanceof HttpError) {
        const headers: Record<string, string> = error.code === 'METHOD_NOT_ALLOWED'
          ? { allow: ((error.details?.allow as string[]) ?? []).join(', ') } : {};
        sendError(res, error, headers, req.headers['accept-encoding']);
        if (res.getHeader('connection') === 'close') res.on('finish', () => req.socket.destroy());
        return;
      }
      if (req.destroyed && !req.complete) { res.destroy(); return; } // the client left mid-request
      onError(error);
      sendError(res, new HttpError('INTERNAL'));
    });
  };
  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  let closed: Promise<void> | null = null;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    admin,
    close() {
      closed ??= new Promise<void>((resolve) => {
        // The checkpointer's connection closes first, so the last one to close folds the WAL in.
        server.close(() => { void (checkpointer?.stop() ?? Promise.resolve()).finally(() => { db.close(); resolve(); }); });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function applySeed(admin: CentralAdmin, seed: CentralSeed | undefined): void {
  if (!seed) return;
  for (const b of seed.branches ?? []) admin.createBranch(b);
  if (seed.periods) admin.setPeriods(seed.periods, seed.branchTargets);
  for (const c of seed.enrolCodes ?? []) admin.createEnrolCode(c);
  if (seed.otherBranches) admin.seedBranches(seed.otherBranches);
}

import type { DB } from './db';

// What every route of the central double is given.

export interface CentralContext {
  db: DB;
  /** The server's clock; tests may pin it. */
  now: () => Date;
  adminSecret: string;
  /** Head office's age public key for counters' backups, handed out at enrolment (optional). */
  backupRecipient?: string;
}

/** An enrolled device, as the Bearer token names it. */
export interface Device {
  deviceId: string;
  branchCode: string;
  counterId: string;
  counterNumber: number;
}

export interface RouteRequest {
  query: Record<string, string>;
  /** Parsed JSON body (undefined when empty); only for POST/PUT routes. */
  body: unknown;
  /** Set on 'device' routes. */
  device: Device | null;
  /** Values of `{name}` segments of a templated path. */
  params?: Record<string, string>;
  /** The raw body and its content type, for routes that read it themselves (multipart). */
  raw?: { bytes: Buffer; contentType: string };
}

export interface RouteAnswer { status?: number; body: unknown }

export interface Route {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  auth: 'none' | 'device' | 'admin';
  /** multipart routes get `raw` instead of a parsed JSON body, and their own size limit. */
  multipart?: { maxBodyBytes: number };
  handle(req: RouteRequest): RouteAnswer | Promise<RouteAnswer>;
}

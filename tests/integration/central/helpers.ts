import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnrolResponse } from '../../../shared/protocol/central';
import { startCentralServer, type CentralServer, type CentralServerOptions } from '../../central/server';
import { createChain, type Chain, type ParticipantDraft } from '../../central/entry-builder';

// Shared set-up of the central integration tests: a real server on 127.0.0.1 over a SQLite
// file in a temp folder, a tiny JSON client over fetch, and test data makers.

export const BANDUNG = { code: '40000', name: 'KCU Bandung', provinceCode: '32', regencyCode: '32.73' } as const;
export const NGANJUK = { code: '64400', name: 'KCU Nganjuk', provinceCode: '35', regencyCode: '3518' } as const;

export interface TestCentral extends CentralServer {
  dir: string;
  dbPath: string;
  stop(): Promise<void>;
}

export async function startTestCentral(opts: Partial<CentralServerOptions> = {}): Promise<TestCentral> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-central-'));
  const dbPath = join(dir, 'central.sqlite');
  const server = await startCentralServer({
    dbPath, seed: { branches: [BANDUNG, NGANJUK] }, adminSecret: 'test-admin-secret', ...opts,
  });
  return {
    ...server,
    dir,
    dbPath,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = any> { status: number; body: T; headers: Headers }

export interface RequestOptions {
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

export async function call<T = any>(baseUrl: string, method: string, path: string, opts: RequestOptions = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* keep the text */ }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Issues a code for the branch and enrols counter `counterNumber` with it. */
export async function enrolDevice(central: CentralServer, branchCode: string, counterNumber = 1): Promise<EnrolResponse> {
  const { code } = central.admin.createEnrolCode({ branchCode });
  const reply = await call<EnrolResponse>(central.url, 'POST', '/v1/devices:enrol', {
    body: { code, branchCode, counterNumber, clientTime: new Date().toISOString() },
  });
  if (reply.status !== 200) throw new Error(`enrol failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

let nikSerial = 0;
/** A participant with a fresh, well-formed NIK (Bandung, born 1990-05-17). */
export function makeParticipant(overrides: Partial<ParticipantDraft> = {}): ParticipantDraft {
  nikSerial += 1;
  const serial = String(nikSerial).padStart(4, '0');
  return {
    id: `P-${process.pid}-${nikSerial}`,
    nik: `327301170590${serial}`,
    name: `Peserta ${nikSerial}`,
    birthDate: '1990-05-17',
    ...overrides,
  };
}

/** A central double with counter 1 of KCU Bandung enrolled and a chain for it on 25/11/2026: most tests' set-up. */
export async function enrolledCounter(): Promise<{ central: TestCentral; device: EnrolResponse; chain: Chain }> {
  const central = await startTestCentral();
  const device = await enrolDevice(central, BANDUNG.code, 1);
  const chain = createChain({ counterId: device.counterId, branchCode: BANDUNG.code, businessDate: '2026-11-25' });
  return { central, device, chain };
}

import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rng, pick } from './rng';

// A real HTTP proxy on loopback between a counter and the central server that misbehaves by
// a seeded schedule: drops connections, delays, answers 500, loses the reply after the server
// committed, duplicates requests and replays stale ones late (reordering).

export type Fault = 'pass' | 'drop' | 'delay' | 'error500' | 'lose-reply' | 'duplicate' | 'replay-late';
export const FAULTS: readonly Fault[] = ['pass', 'drop', 'delay', 'error500', 'lose-reply', 'duplicate', 'replay-late'];

export interface FaultProxy {
  url: string;
  /** Faults injected so far, by kind. */
  counts: Record<Fault, number>;
  /** Turns faults off (heals the network). */
  heal(): void;
  /** Resolves when no late replay is still on its way. */
  settle(): Promise<void>;
  setSeed(seed: number): void;
  close(): Promise<void>;
}

interface Captured { method: string; path: string; headers: Record<string, string>; body: Buffer }

function forward(target: URL, c: Captured): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: target.hostname, port: target.port, method: c.method, path: c.path,
      headers: { ...c.headers, host: target.host },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({
        status: res.statusCode ?? 502,
        headers: Object.fromEntries(Object.entries(res.headers).filter(([k]) => k === 'content-type' || k === 'content-encoding').map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks),
      }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

function capture(req: IncomingMessage): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
      resolve({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body: Buffer.concat(chunks) });
    });
    req.on('error', reject);
  });
}

export async function startFaultProxy(targetUrl: string, opts: { seed: number; faults?: readonly Fault[]; maxDelayMs?: number }): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let r = rng(opts.seed);
  let healed = false;
  const faults = opts.faults ?? FAULTS;
  const maxDelay = opts.maxDelayMs ?? 30;
  const counts = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => { inFlight.add(p); void p.finally(() => inFlight.delete(p)).catch(() => undefined); };

  const reply = (res: ServerResponse, out: { status: number; headers: Record<string, string>; body: Buffer }) => {
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  };

  const server = createServer(async (req, res) => {
    try {
      const c = await capture(req);
      const fault: Fault = healed ? 'pass' : pick(r, faults);
      counts[fault]++;
      switch (fault) {
        case 'drop':
          req.socket.destroy();
          return;
        case 'delay':
          await new Promise((ok) => setTimeout(ok, 1 + Math.floor(r() * maxDelay)));
          return reply(res, await forward(target, c));
        case 'error500':
          return reply(res, { status: 500, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"error":{"code":"INTERNAL","message":"Kesalahan (disuntikkan)."}}') });
        case 'lose-reply':
          await forward(target, c); // the server committed; the counter never hears it
          req.socket.destroy();
          return;
        case 'duplicate': {
          const [a] = await Promise.all([forward(target, c), forward(target, c)]);
          return reply(res, a);
        }
        case 'replay-late': {
          const out = await forward(target, c);
          const late = new Promise((ok) => setTimeout(ok, 5 + Math.floor(r() * maxDelay * 3))).then(() => forward(target, c)).catch(() => undefined);
          track(late);
          return reply(res, out);
        }
        default:
          return reply(res, await forward(target, c));
      }
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    heal: () => { healed = true; },
    setSeed: (seed) => { r = rng(seed); healed = false; },
    settle: async () => { while (inFlight.size) await Promise.allSettled([...inFlight]); },
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

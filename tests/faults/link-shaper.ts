import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { rng } from './rng';

// The links Loket's counters actually have, on loopback: a real TCP proxy in front of a server
// that gives each direction its own bandwidth, adds the round trip (half each way) with jitter,
// and, on a cutting profile, breaks the connection after a random number of bytes. Everything
// random comes from the seed, so a failing run is replayed from the seed it prints.

export interface LinkProfile {
  name: string;
  /** Round-trip time in ms; half of it delays each direction. */
  rttMs: number;
  /** Extra delay per chunk, 0…jitterMs, seeded (order is kept: a chunk never overtakes another). */
  jitterMs: number;
  /** Bits per second from the server to the counter, and from the counter to the server. */
  downBps: number;
  upBps: number;
  /** Cut a connection after a random number of bytes (both directions) in this range; none if absent. */
  cutBytes?: readonly [number, number];
}

// Where the figures come from: `edge` is the issue's own (EDGE as it performs in the field,
// about 200 kbit/s down, 80 kbit/s up, 600 ms round trip; 3GPP's theoretical peak is 236.8 kbit/s);
// `3g` is HSPA on a rural cell (about 1 Mbit/s down, 384 kbit/s up — the classic UMTS uplink —
// and 200 ms); `4g` is LTE as Indonesian drive tests report it (10 Mbit/s down, 5 up, 60 ms);
// `lan` is a branch's own network. `edge-cut` adds a cut every 20–200 KB (a village cell handing
// over, a generator switching).
export const LINK_PROFILES = {
  lan: { name: 'lan', rttMs: 1, jitterMs: 0, downBps: 100e6, upBps: 100e6 },
  '4g': { name: '4g', rttMs: 60, jitterMs: 15, downBps: 10e6, upBps: 5e6 },
  '3g': { name: '3g', rttMs: 200, jitterMs: 40, downBps: 1e6, upBps: 384e3 },
  edge: { name: 'edge', rttMs: 600, jitterMs: 80, downBps: 200e3, upBps: 80e3 },
  'edge-cut': { name: 'edge-cut', rttMs: 600, jitterMs: 80, downBps: 200e3, upBps: 80e3, cutBytes: [20_000, 200_000] },
} as const satisfies Record<string, LinkProfile>;
export type LinkProfileName = keyof typeof LINK_PROFILES;

export interface LinkStats { bytesUp: number; bytesDown: number; connections: number; cuts: number }

export interface LinkShaper {
  url: string;
  profile: LinkProfile;
  stats: LinkStats;
  close(): Promise<void>;
}

/** One direction of a link: chunks leave in order, each after its transfer time and half the round trip. */
function direction(from: Socket, to: Socket, bps: number, halfRttMs: number, jitter: () => number, onBytes: (n: number) => number): void {
  let lineFreeAt = 0; // when the last chunk has been clocked onto the line
  let lastArrival = 0; // a chunk never arrives before the one sent before it
  from.on('data', (whole: Buffer) => {
    const allowed = onBytes(whole.length);
    if (allowed <= 0) return;
    const chunk = allowed < whole.length ? whole.subarray(0, allowed) : whole;
    const now = performance.now();
    lineFreeAt = Math.max(lineFreeAt, now) + (chunk.length * 8 * 1000) / bps;
    const arrival = Math.max(lastArrival, lineFreeAt + halfRttMs + jitter());
    lastArrival = arrival;
    // Back-pressure: the sender is held while the link is behind by more than a second.
    if (lineFreeAt - now > 1000) { from.pause(); setTimeout(() => from.resume(), lineFreeAt - now - 1000); }
    setTimeout(() => { if (!to.destroyed) to.write(chunk); }, Math.max(0, arrival - now));
  });
  from.on('end', () => setTimeout(() => to.end(), Math.max(0, lastArrival - performance.now())));
}

export async function startLinkShaper(targetUrl: string, profile: LinkProfile, seed: number): Promise<LinkShaper> {
  const target = new URL(targetUrl);
  const random = rng(seed);
  const stats: LinkStats = { bytesUp: 0, bytesDown: 0, connections: 0, cuts: 0 };
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    stats.connections++;
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client); sockets.add(upstream);
    const cutAt = profile.cutBytes ? profile.cutBytes[0] + Math.floor(random() * (profile.cutBytes[1] - profile.cutBytes[0])) : Infinity;
    let carried = 0;
    const jitter = () => (profile.jitterMs ? random() * profile.jitterMs : 0);
    // How much of a chunk gets through: all of it, or what is left before the cut (which then
    // breaks both ends once those bytes have crossed).
    const count = (dir: 'bytesUp' | 'bytesDown') => (n: number): number => {
      if (carried >= cutAt) return 0;
      const allowed = Math.min(n, cutAt - carried);
      carried += allowed;
      stats[dir] += allowed;
      if (carried >= cutAt) {
        stats.cuts++;
        setTimeout(() => { client.destroy(); upstream.destroy(); }, profile.rttMs / 2 + (allowed * 8 * 1000) / (dir === 'bytesUp' ? profile.upBps : profile.downBps));
      }
      return allowed;
    };
    direction(client, upstream, profile.upBps, profile.rttMs / 2, jitter, count('bytesUp'));
    direction(upstream, client, profile.downBps, profile.rttMs / 2, jitter, count('bytesDown'));
    const gone = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', gone); upstream.on('error', gone);
    client.on('close', () => setTimeout(gone, profile.rttMs)); upstream.on('close', () => setTimeout(gone, profile.rttMs));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    profile,
    stats,
    close: () => new Promise<void>((ok) => { for (const s of sockets) s.destroy(); server.close(() => ok()); }),
  };
}

import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** A body as its Content-Encoding says (the counter compresses its batches, central its answers). */
function plain(bytes: Buffer, encoding: string | string[] | undefined): Buffer {
  return encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
}

// A real HTTP proxy on loopback in front of the central double that records every
// transactions:batch it carries (the entries' seqs, when the request arrived and when its answer
// left) and can change the answer of chosen batches: fail one with a 500, or leave one entry
// out of central's answer. Everything else passes through untouched.

export interface CarriedBatch { seqs: number[]; arrivedAt: number; answeredAt: number }

export interface BatchProxyRules {
  /** Answer this batch (1-based, counted over the proxy's life) with a 500, without forwarding it. */
  failBatch?: number;
  /** Forward this batch, but drop the result of its entry at this index from the answer. */
  dropResult?: { batch: number; index: number };
}

export async function startBatchProxy(targetUrl: string, rules: BatchProxyRules = {}) {
  const target = new URL(targetUrl);
  const batches: CarriedBatch[] = [];
  const server = createServer((req, res) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isBatch = req.url?.endsWith('/transactions:batch') ?? false;
      const carried: CarriedBatch | null = isBatch
        ? { seqs: (JSON.parse(plain(body, req.headers['content-encoding']).toString('utf8')) as { entries: { seq: number }[] }).entries.map((e) => e.seq), arrivedAt, answeredAt: NaN }
        : null;
      if (carried) batches.push(carried);
      const n = batches.length;
      const answer = (status: number, text: string) => {
        if (carried) carried.answeredAt = performance.now();
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
      if (carried && rules.failBatch === n) {
        answer(500, '{"error":{"code":"INTERNAL","message":"Kesalahan (disuntikkan)."}}');
        return;
      }
      const headers = { ...req.headers, host: target.host };
      const out = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (up) => {
        const got: Buffer[] = [];
        up.on('data', (d: Buffer) => got.push(d));
        up.on('end', () => {
          let text = plain(Buffer.concat(got), up.headers['content-encoding']).toString('utf8');
          if (carried && rules.dropResult?.batch === n) {
            const json = JSON.parse(text) as { results: unknown[] };
            json.results.splice(rules.dropResult.index, 1);
            text = JSON.stringify(json);
          }
          answer(up.statusCode ?? 502, text);
        });
      });
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    batches,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}

import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, type EnrolResponse } from '../../../shared/protocol/central';
import { BANDUNG, call, enrolDevice, startTestCentral, type TestCentral } from './helpers';

// The protocol's failure answers: 400, 401, 404, 405, 413, all as { error: { code, message } }.

let central: TestCentral;
let device: EnrolResponse;

beforeAll(async () => {
  central = await startTestCentral();
  device = await enrolDevice(central, BANDUNG.code);
});
afterAll(() => central.stop());

/** A raw request over a given agent; resolves with status, body text and whether the socket was reused. */
function rawRequest(
  agent: Agent, method: string, path: string, opts: { body?: Buffer; headers?: Record<string, string | number> } = {},
): Promise<{ status: number; text: string; reused: boolean }> {
  const url = new URL(path, central.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), reused: req.reusedSocket }));
    });
    req.on('error', reject);
    if (opts.body) req.end(opts.body);
    else req.end();
  });
}

describe('401', () => {
  it('refuses a missing, malformed or unknown token', async () => {
    const path = '/v1/transactions:batch';
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer' }, { authorization: `Basic ${device.token}` }, { authorization: 'Bearer x'.padEnd(60, 'y') }]) {
      const reply = await call(central.url, 'POST', path, { body: { entries: [] }, headers });
      expect(reply.status).toBe(401);
      expect(errorBodySchema.parse(reply.body).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('guards /admin with the X-Admin-Secret header', async () => {
    expect((await call(central.url, 'GET', '/admin/stats')).status).toBe(401);
    expect((await call(central.url, 'GET', '/admin/stats', { headers: { 'x-admin-secret': 'wrong' } })).status).toBe(401);
    const ok = await call(central.url, 'GET', '/admin/stats', { headers: { 'x-admin-secret': 'test-admin-secret' } });
    expect(ok.status).toBe(200);
    expect(ok.body.devices).toBe(1);
  });
});

describe('400', () => {
  it('answers BAD_JSON for a body that is not JSON', async () => {
    const reply = await call(central.url, 'POST', '/v1/transactions:batch', { raw: '{"entries": [', token: device.token });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toEqual({ code: 'BAD_JSON', message: 'Isi permintaan bukan JSON yang sah.' });
  });

  it('answers INVALID_INPUT with the paths of wrong fields', async () => {
    const reply = await call(central.url, 'POST', '/v1/transactions:batch', {
      body: { entries: [{ id: 5, kind: 'GIFT', amount: 1.5 }] }, token: device.token,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('INVALID_INPUT');
    const paths = reply.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['entries.0.id', 'entries.0.kind', 'entries.0.amount', 'entries.0.hash']));
  });

  it('answers INVALID_INPUT for an empty body where one is needed', async () => {
    const reply = await call(central.url, 'POST', '/v1/closings', { token: device.token });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('INVALID_INPUT');
  });
});

describe('404 and 405', () => {
  it('answers NOT_FOUND for an unknown path and METHOD_NOT_ALLOWED with Allow for a wrong method', async () => {
    const missing = await call(central.url, 'GET', '/v2/health');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const wrong = await call(central.url, 'DELETE', '/v1/transactions:batch', { token: device.token });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('413', () => {
  it('answers PAYLOAD_TOO_LARGE past 8 MiB and keeps the connection for the next request', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = Buffer.alloc(9 * 1024 * 1024, 0x20);
      const big = await rawRequest(agent, 'POST', '/v1/transactions:batch', {
        body, headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      });
      expect(big.status).toBe(413);
      expect(JSON.parse(big.text).error.code).toBe('PAYLOAD_TOO_LARGE');
      const next = await rawRequest(agent, 'GET', '/v1/health');
      expect(next.status).toBe(200);
      expect(next.reused).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('answers 413 at once when the declared length is far too large, without reading it', async () => {
    const agent = new Agent({ keepAlive: false });
    const url = new URL('/v1/devices:enrol', central.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers: { 'content-length': 500 * 1024 * 1024 } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(status).toBe(413);
    agent.destroy();
  });
});

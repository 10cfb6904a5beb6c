import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { signInAs, testHost } from '../../support/host';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.reverse()) await c(); cleanups = []; });

async function setup() {
  const h = await testHost();
  const bridge: Bridge = await startBridge({ router: h.router });
  cleanups.push(h.cleanup, bridge.close);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${bridge.origin}/api/rpc`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { h, bridge, post };
}

const auditCount = (h: Awaited<ReturnType<typeof testHost>>) =>
  (h.services.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('one router, two ways in', () => {
  it('refuses bad input with a typed Indonesian error and changes nothing (direct)', async () => {
    const { h } = await setup();
    const before = auditCount(h);
    const r = await h.router.call({ procedure: 'auth.signIn', input: { username: 'siti', pin: '12ab' } }, 'direct');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.fields).toEqual([{ path: 'pin', key: 'err.pinFormat' }]);
    expect(r.error.message).toMatch(/Periksa kolom/);
    expect(auditCount(h)).toBe(before);
  });

  it('refuses a wrong role (direct and over the bridge)', async () => {
    const { h, post } = await setup();
    const teller = await signInAs(h, 'siti', '111111');
    const direct = await h.router.call({ procedure: 'ledger.verify', input: {}, session: teller }, 'direct');
    expect(!direct.ok && direct.error.code).toBe('FORBIDDEN');
    const res = await post({ procedure: 'ledger.verify', input: {}, session: teller });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toBe('Peran Anda tidak diizinkan melakukan ini.');
    const tech = await signInAs(h, 'teknisi', '999999');
    const ok = await post({ procedure: 'ledger.verify', input: {}, session: tech });
    expect(ok.status).toBe(200);
  });

  it('refuses signed-out calls to protected procedures and unknown procedures', async () => {
    const { post } = await setup();
    expect((await (await post({ procedure: 'sync.status', input: {} })).json()).error.code).toBe('UNAUTHENTICATED');
    expect((await (await post({ procedure: 'no.such', input: {} })).json()).error.code).toBe('UNKNOWN_PROCEDURE');
    expect((await (await post({ procedure: '__proto__', input: {} })).json()).error.code).toBe('UNKNOWN_PROCEDURE');
  });

  it('bad input over the bridge gets 400 with field errors', async () => {
    const { post } = await setup();
    const res = await post({ procedure: 'auth.signIn', input: { username: 'X!', pin: '1' } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['pin', 'username']);
  });

  it('the bridge refuses a missing or wrong token, another origin, another host, and junk', async () => {
    const { bridge, post } = await setup();
    const good = { procedure: 'app.info', input: {} };
    expect((await post(good)).status).toBe(200);
    expect((await post(good, { authorization: '' })).status).toBe(401);
    expect((await post(good, { authorization: `Bearer ${'0'.repeat(bridge.token.length)}` })).status).toBe(401);
    expect((await post(good, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(good, { origin: bridge.origin })).status).toBe(200);
    expect((await post('{not json')).status).toBe(400);
    expect((await post(good, { 'content-type': 'text/plain' })).status).toBe(415);
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/api/rpc', method: 'POST',
        headers: { host: 'attacker.example', 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` } },
      (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.end(JSON.stringify(good));
    });
    expect(status).toBe(421);
  });

  it('listens on loopback only', async () => {
    const { bridge } = await setup();
    expect(bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(bridge.url).toContain('#token=');
  });
});

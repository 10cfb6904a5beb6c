import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate, createHash } from 'node:crypto';
import { enrolCounter } from '../../../electron/services/enrolment';
import { checkServer } from '../../../electron/services/setup/server-check';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { startCentralServer, type CentralServer } from '../../central/server';
import { caAndServer, selfSignedServer, type Pem } from '../../support/tls-certs';
import { form, ok, tellerHost, type Host } from '../registration/helpers';
import { signInAs } from '../../support/host';

// TLS to central (issue 16 item 4), against a real https central double on loopback whose
// certificates the test makes: pinned at enrolment, refused when another certificate answers;
// or vouched for by a CA file the technician installed.

let host: Host | null = null;
const servers: CentralServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  await host?.cleanup();
  host = null;
});

async function central(h: Host, tls: Pem, port = 0, clock?: () => Date): Promise<CentralServer> {
  const s = await startCentralServer({ dbPath: join(h.dir, 'central.sqlite'), port, adminSecret: 'secret', tls, now: clock });
  servers.push(s);
  s.admin.createBranch(DEMO_BRANCH);
  return s;
}
const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;
const pinOfPem = (pem: string) => `sha256/${createHash('sha256').update(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })).digest('base64')}`;
const enrol = (h: Host, c: CentralServer) => enrolCounter(h.services, {
  url: c.url, code: c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code }).code, branchCode: DEMO_BRANCH.code, counterNumber: 1,
}, { userId: null, username: 'teknisi' });

describe('https to central', () => {
  it('pins the key seen at enrolment; sync runs over it, and over a renewed certificate with that key; another key on the same address is refused and nothing is lost', async () => {
    const t = await tellerHost();
    host = t.host;
    const cert = await selfSignedServer();
    const c = await central(t.host, cert, 0, t.clock.fn);
    expect(c.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // The wizard's check shows the fingerprint to compare with head office's.
    const check = await checkServer(c.url, t.clock.fn);
    expect(check).toMatchObject({ reachable: true, certificate: { fingerprint256: fingerprintOf(cert.cert), pin: pinOfPem(cert.cert), trusted: false } });

    await enrol(t.host, c);
    const st = t.host.services.settings.get().central;
    expect(st.tlsPin).toBe(pinOfPem(cert.cert));
    const out = ok(await t.call('registration.create', form()));
    expect(await t.host.services.sync.drainOnce()).toMatchObject({ failed: false, accepted: 1 });
    expect(t.host.services.participants.byId(out.participant.id)!.kpj).toMatch(/^\d{11}$/);

    // Head office renews its certificate with the same key: the counter goes on.
    const port = c.port;
    await c.close();
    const renewed = await selfSignedServer(cert);
    expect(fingerprintOf(renewed.cert)).not.toBe(fingerprintOf(cert.cert));
    const again = await central(t.host, renewed, port, t.clock.fn);
    ok(await t.call('registration.create', form()));
    expect(await t.host.services.sync.drainOnce()).toMatchObject({ failed: false, accepted: 1 });
    await again.close();

    // Someone else answers on that address with a key of their own: refused before a byte is sent.
    const impostor = await central(t.host, await selfSignedServer(), port, t.clock.fn);
    ok(await t.call('registration.create', form()));
    const drained = await t.host.services.sync.drainOnce();
    expect(drained).toMatchObject({ failed: true, accepted: 0 });
    expect(t.host.services.sync.status()).toMatchObject({ waiting: 1, lastError: expect.stringContaining('not the one pinned at enrolment') });
    expect(impostor.admin.counts().devices).toBe(1);
    expect(impostor.admin.counts().entries).toBe(2); // only what the real server had already stored
    const diag = await checkServer(impostor.url, t.clock.fn, 5000, { pin: st.tlsPin, caFile: '' });
    expect(diag).toMatchObject({ reachable: false, problemKey: 'enrol.unreachable' });
    expect(diag.certificate!.pin).not.toBe(st.tlsPin);

    // Head office did change its key (this time it is them): the technician compares the
    // fingerprint in Diagnostik and pins the key they saw, never another.
    const tech = await signInAs(t.host, 'teknisi', '999999');
    const repin = (pin: string) => t.host.router.call({ procedure: 'central.repin', input: { pin }, session: tech }, 'direct');
    expect(await repin(st.tlsPin)).toMatchObject({ ok: false, error: { key: 'tech.diag.repinChanged' } });
    expect(t.host.services.settings.get().central.tlsPin).toBe(st.tlsPin);
    expect((await t.call('central.repin', { pin: diag.certificate!.pin })).ok).toBe(false); // a teller may not
    expect(await repin(diag.certificate!.pin)).toMatchObject({ ok: true, output: { pin: diag.certificate!.pin } });
    expect(await t.host.services.sync.drainOnce()).toMatchObject({ failed: false, accepted: 1 });
    expect(t.host.services.audit.recent(5).find((a) => a.action === 'central.repin')!.detail).toContain(st.tlsPin);
  });

  it('trusts a CA file the technician installed instead of a pin, and refuses a server that CA did not sign', async () => {
    const t = await tellerHost();
    host = t.host;
    const { ca, server } = await caAndServer();
    const caFile = join(t.host.dir, 'central-ca.pem');
    writeFileSync(caFile, ca.cert);
    t.host.services.settings.update((cur) => ({ ...cur, central: { ...cur.central, caFile } }));
    const stranger = await central(t.host, await selfSignedServer(), 0, t.clock.fn);
    await expect(enrol(t.host, stranger)).rejects.toMatchObject({ key: 'enrol.certUntrusted' });
    expect(t.host.services.settings.get().central.token).toBe('');
    await stranger.close();
    servers.length = 0;

    const c = await central(t.host, server, 0, t.clock.fn);
    expect(await checkServer(c.url, t.clock.fn, 5000, { pin: '', caFile })).toMatchObject({ reachable: true, certificate: { trusted: true } });
    await enrol(t.host, c);
    expect(t.host.services.settings.get().central).toMatchObject({ tlsPin: '', caFile });
    ok(await t.call('registration.create', form()));
    expect(await t.host.services.sync.drainOnce()).toMatchObject({ failed: false, accepted: 1 });
  });
});

describe('the CA file a technician types', () => {
  it('must be a readable CA certificate: a server certificate, a missing file or garbage is refused next to the field', async () => {
    const { readableCaFile } = await import('../../../electron/services/central/ca-file');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'loket-ca-'));
    try {
      const { ca, server } = await caAndServer();
      writeFileSync(join(dir, 'ca.pem'), ca.cert);
      writeFileSync(join(dir, 'server.pem'), server.cert);
      writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
      expect(readableCaFile(` ${join(dir, 'ca.pem')} `)).toBe(join(dir, 'ca.pem'));
      expect(readableCaFile('')).toBe('');
      for (const bad of ['server.pem', 'junk.pem', 'missing.pem']) {
        expect(() => readableCaFile(join(dir, bad))).toThrow(expect.objectContaining({ key: 'err.setup.caFile', fields: [{ path: 'caFile', key: 'err.setup.caFile' }] }));
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

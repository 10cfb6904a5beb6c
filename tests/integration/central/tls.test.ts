import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { enrolCounter } from '../../../electron/services/enrolment';
import { checkServer } from '../../../electron/services/setup/server-check';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { startCentralServer, type CentralServer } from '../../central/server';
import { caAndServer, selfSignedServer, type Pem } from '../../support/tls-certs';
import { form, ok, tellerHost, type Host } from '../registration/helpers';

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
const enrol = (h: Host, c: CentralServer) => enrolCounter(h.services, {
  url: c.url, code: c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code }).code, branchCode: DEMO_BRANCH.code, counterNumber: 1,
}, { userId: null, username: 'teknisi' });

describe('https to central', () => {
  it('pins the certificate seen at enrolment; sync runs over it; another certificate on the same address is refused and nothing is lost', async () => {
    const t = await tellerHost();
    host = t.host;
    const cert = await selfSignedServer();
    const c = await central(t.host, cert, 0, t.clock.fn);
    expect(c.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // The wizard's check shows the fingerprint to compare with head office's.
    const check = await checkServer(c.url, t.clock.fn);
    expect(check).toMatchObject({ reachable: true, certificate: { fingerprint256: fingerprintOf(cert.cert), trusted: false } });

    await enrol(t.host, c);
    const st = t.host.services.settings.get().central;
    expect(st.tlsPin).toBe(fingerprintOf(cert.cert));
    const out = ok(await t.call('registration.create', form()));
    expect(await t.host.services.sync.drainOnce()).toMatchObject({ failed: false, accepted: 1 });
    expect(t.host.services.participants.byId(out.participant.id)!.kpj).toMatch(/^\d{11}$/);

    // Someone else answers on that address with a certificate of their own: refused before a byte is sent.
    const port = c.port;
    await c.close();
    const impostor = await central(t.host, await selfSignedServer(), port, t.clock.fn);
    ok(await t.call('registration.create', form()));
    const drained = await t.host.services.sync.drainOnce();
    expect(drained).toMatchObject({ failed: true, accepted: 0 });
    expect(t.host.services.sync.status()).toMatchObject({ waiting: 1, lastError: expect.stringContaining('not the one pinned at enrolment') });
    expect(impostor.admin.counts().entries).toBe(1); // only what the real server had already stored
    const diag = await checkServer(impostor.url, t.clock.fn, 5000, { pin: st.tlsPin, anchorPem: st.tlsAnchor, caFile: '' });
    expect(diag).toMatchObject({ reachable: false, problemKey: 'enrol.unreachable' });
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
    expect(await checkServer(c.url, t.clock.fn, 5000, { pin: '', anchorPem: '', caFile })).toMatchObject({ reachable: true, certificate: { trusted: true } });
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

import { afterEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { testClock, testHost, signInAs } from '../../support/host';
import { tempDir } from '../../support/tmp';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { audits, caller, err, out } from './technician-helpers';

// The first-run wizard against the central double over real HTTP: no session, refused once done.

const NOW = '2026-11-25T03:00:00.000Z';
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

async function central(offsetMs = 0): Promise<CentralServer> {
  const { dir, cleanup } = tempDir('loket-central-');
  const c = await startCentralServer({ dbPath: `${dir}/central.sqlite`, now: () => new Date(Date.parse(NOW) + offsetMs) });
  c.admin.createBranch(DEMO_BRANCH);
  c.admin.createBranch({ code: '78111', name: 'KC Pontianak', provinceCode: '61', regencyCode: '6171', timeZone: 'Asia/Jakarta' });
  stops.push(async () => { await c.close(); cleanup(); });
  return c;
}

async function freshHost() {
  const h = await testHost({ clock: testClock(NOW), seed: false });
  stops.push(h.cleanup);
  return { h, call: caller(h) };
}

const enrolInput = (url: string, code: string, branchCode = DEMO_BRANCH.code) => ({ url, code, branchCode, counterNumber: 1 });

describe('first-run set-up', () => {
  it('checks the server: reachable, latency and clock skew; an unreachable address says so', async () => {
    const c = await central();
    const { call } = await freshHost();
    const good = out(await call('setup.checkServer', { url: c.url }));
    expect(good).toMatchObject({ reachable: true, skewMs: 0, skewOk: true, problemKey: null, serverTime: NOW });
    expect(good.latencyMs).toBeGreaterThanOrEqual(0);
    const closed = await central();
    const url = closed.url;
    await closed.close();
    const bad = out(await call('setup.checkServer', { url }));
    expect(bad).toMatchObject({ reachable: false, skewOk: false, problemKey: 'enrol.unreachable' });
    expect(err(await call('setup.checkServer', { url: 'ftp://x' })).fields?.[0]).toMatchObject({ path: 'url', key: 'err.setup.url' });
    // Plain http:// only to this computer; a network address must be https://.
    expect(err(await call('setup.checkServer', { url: 'http://10.20.30.40:8080' })).fields?.[0]).toMatchObject({ path: 'url', key: 'err.setup.urlInsecure' });
    expect(err(await call('setup.checkServer', { url: 'http://pusat.bpjs.example' })).fields?.[0]).toMatchObject({ path: 'url', key: 'err.setup.urlInsecure' });
  });

  it('enrols with a good code, stores the token unseen, sets the zone from the province', async () => {
    const c = await central();
    const { h, call } = await freshHost();
    expect(out(await call('setup.state'))).toMatchObject({ setupNeeded: true, enrolled: false, hasUsers: false });
    const { code } = c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
    const r = out(await call('setup.enrol', enrolInput(c.url, code)));
    expect(r).toMatchObject({ branch: { code: '64400', name: 'KCU Nganjuk', timeZone: 'Asia/Jakarta' }, counter: { number: 1, id: '64400-01' }, zoneFrom: 'region' });
    expect(JSON.stringify(r)).not.toContain(h.services.settings.get().central.token);
    expect(h.services.settings.get().central.token.length).toBeGreaterThanOrEqual(32);
    expect(audits(h, 'setup.enrol')).toHaveLength(1);
    // The region decides when the server names another zone (Kalimantan Barat is Asia/Pontianak).
    const { h: h2, call: call2 } = await freshHost();
    const other = c.admin.createEnrolCode({ branchCode: '78111' });
    const r2 = out(await call2('setup.enrol', enrolInput(c.url, other.code, '78111')));
    expect(r2).toMatchObject({ zoneFrom: 'region', zoneDiffered: true, branch: { timeZone: 'Asia/Pontianak' } });
    expect(h2.services.settings.get().branch.timeZone).toBe('Asia/Pontianak');
  });

  it('says why enrolment failed: used code, expired code, unknown code, unreachable server, clock skew', async () => {
    const c = await central();
    const { h, call } = await freshHost();
    const used = c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
    out(await call('setup.enrol', enrolInput(c.url, used.code)));
    const { call: call2, h: h2 } = await freshHost();
    const e1 = err(await call2('setup.enrol', enrolInput(c.url, used.code)));
    expect(e1).toMatchObject({ code: 'CONFLICT', key: 'enrol.codeUsed', fields: [{ path: 'code', key: 'enrol.codeUsed' }] });
    expect(e1.message).toMatch(/sudah dipakai/);
    const expired = c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code, expiresAt: '2026-11-25T02:00:00.000Z' });
    expect(err(await call2('setup.enrol', enrolInput(c.url, expired.code))).key).toBe('enrol.codeExpired');
    expect(err(await call2('setup.enrol', enrolInput(c.url, 'ZZZZ-9999'))).key).toBe('enrol.codeUnknown');
    const gone = await central();
    const goneUrl = gone.url;
    const goneCode = gone.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
    await gone.close();
    expect(err(await call2('setup.enrol', enrolInput(goneUrl, goneCode.code))).key).toBe('enrol.unreachable');
    // The server's clock is 10 minutes ahead of this PC.
    const skewed = await central(10 * 60_000);
    const sk = skewed.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
    const check = out(await call2('setup.checkServer', { url: skewed.url }));
    expect(check).toMatchObject({ reachable: true, skewOk: false, skewMs: 600_000, problemKey: 'enrol.clockSkew', problemParams: { minutes: 10 } });
    expect(err(await call2('setup.enrol', enrolInput(skewed.url, sk.code)))).toMatchObject({ key: 'enrol.clockSkew', params: { minutes: 10 } });
    // Nothing was stored by the failures.
    expect(h2.services.settings.get().central.token).toBe('');
    expect(h2.services.settings.get().branch.code).toBe('');
    expect(h.services.settings.get().branch.code).toBe('64400');
  });

  it('creates the first head (and technician) once; afterwards every set-up step is refused', async () => {
    const c = await central();
    const { h, call } = await freshHost();
    const { code } = c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
    out(await call('setup.enrol', enrolInput(c.url, code)));
    const mismatch = err(await call('setup.createFirstHead', { head: { username: 'kepala', displayName: 'Bu Kepala', pin: '123456', pinConfirm: '654321' } }));
    expect(mismatch.fields).toEqual([{ path: 'head.pinConfirm', key: 'err.users.pinMismatch' }]);
    const same = err(await call('setup.createFirstHead', {
      head: { username: 'kepala', displayName: 'Bu Kepala', pin: '123456', pinConfirm: '123456' },
      technician: { username: 'kepala', displayName: 'Pak Teknisi', pin: '999999', pinConfirm: '999999' },
    }));
    expect(same).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'technician.username', key: 'users.exists' }] });
    expect(h.services.auth.userCount()).toBe(0); // one transaction: the head was not kept either
    const r = out(await call('setup.createFirstHead', {
      head: { username: 'kepala', displayName: 'Bu Kepala', pin: '123456', pinConfirm: '123456' },
      technician: { username: 'teknisi', displayName: 'Pak Teknisi', pin: '999999', pinConfirm: '999999' },
    }));
    expect(r.users.map((u: { role: string }) => u.role)).toEqual(['head', 'technician']);
    expect(out(await call('app.info')).setupNeeded).toBe(false);
    await signInAs(h, 'kepala', '123456');
    for (const [procedure, input] of [
      ['setup.checkServer', { url: c.url }],
      ['setup.enrol', enrolInput(c.url, c.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code }).code)],
      ['setup.createFirstHead', { head: { username: 'lain', displayName: 'Orang Lain', pin: '111111', pinConfirm: '111111' } }],
      ['setup.savePrinter', { kind: 'none', paperWidth: 80, charsPerLine: 48 }],
      ['setup.testPrint', {}],
    ] as const) {
      expect(err(await call(procedure, input)), procedure).toMatchObject({ code: 'FORBIDDEN', key: 'wizard.alreadyDone' });
    }
    expect(h.services.auth.userCount()).toBe(2);
  });

  it('does not create a first head while users exist (a lost settings file only re-opens enrolment)', async () => {
    const { h, call } = await freshHost();
    await h.services.auth.createUser({ username: 'kepala', displayName: 'Kepala', role: 'head', pin: '123456' }, null);
    expect(out(await call('setup.state'))).toMatchObject({ setupNeeded: true, enrolled: false, hasUsers: true });
    expect(err(await call('setup.createFirstHead', { head: { username: 'baru', displayName: 'Baru', pin: '111111', pinConfirm: '111111' } })).key).toBe('wizard.usersExist');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { signInAs, testClock, testHost } from '../../support/host';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

async function host(clock = testClock()) {
  const h = await testHost({ clock });
  cleanup = h.cleanup;
  return { h, clock };
}

const signIn = (h: Awaited<ReturnType<typeof testHost>>, username: string, pin: string) =>
  h.router.call({ procedure: 'auth.signIn', input: { username, pin } }, 'direct');

describe('sign-in, lock-out and idle lock', () => {
  it('a wrong PIN says how many attempts are left, next to the PIN field', async () => {
    const { h } = await host();
    const r = await signIn(h, 'siti', '000000');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('WRONG_PIN');
    expect(r.error.message).toBe('PIN salah. Sisa percobaan: 4.');
    expect(r.error.fields?.[0].path).toBe('pin');
    expect((await signIn(h, 'siti', '111111')).ok).toBe(true);
  });

  it('locks the user for 5 minutes after 5 wrong PINs, even against the right PIN, then lets them in', async () => {
    const { h, clock } = await host();
    for (let i = 0; i < 4; i++) expect((await signIn(h, 'siti', '000000')).ok).toBe(false);
    const fifth = await signIn(h, 'siti', '000000');
    expect(!fifth.ok && fifth.error.code).toBe('USER_LOCKED');
    const until = !fifth.ok ? String(fifth.error.params?.until) : '';
    expect(new Date(until).getTime() - clock.now.getTime()).toBe(5 * 60_000);
    const right = await signIn(h, 'siti', '111111');
    expect(!right.ok && right.error.code).toBe('USER_LOCKED');
    clock.advance(4 * 60_000);
    expect((await signIn(h, 'siti', '111111')).ok).toBe(false);
    clock.advance(61_000);
    expect((await signIn(h, 'siti', '111111')).ok).toBe(true);
    // another user was never affected
    expect((await signIn(h, 'agus', '222222')).ok).toBe(true);
    const actions = h.services.audit.recent(50).map((a) => a.action);
    expect(actions).toContain('auth.lockout');
    // 5 wrong PINs, then 2 attempts while locked
    expect(actions.filter((a) => a === 'auth.signIn.failed').length).toBe(7);
  });

  it('the lock-out policy is configurable', async () => {
    const { h } = await host();
    h.services.settings.update((s) => ({ ...s, security: { ...s.security, lockoutAttempts: 2, lockoutMinutes: 1 } }));
    await signIn(h, 'agus', '000000');
    const second = await signIn(h, 'agus', '000000');
    expect(!second.ok && second.error.code).toBe('USER_LOCKED');
  });

  it('an idle session locks, refuses work, and unlocks with the same PIN', async () => {
    const { h, clock } = await host();
    const session = await signInAs(h, 'siti', '111111');
    const me = () => h.router.call({ procedure: 'sync.status', input: {}, session }, 'direct');
    expect((await me()).ok).toBe(true);
    clock.advance(10 * 60_000 + 1000);
    const locked = await me();
    expect(!locked.ok && locked.error.code).toBe('SESSION_LOCKED');
    const who = await h.router.call({ procedure: 'auth.me', input: {}, session }, 'direct');
    expect(who.ok && (who.output as { locked: boolean }).locked).toBe(true);
    const bad = await h.router.call({ procedure: 'auth.unlock', input: { pin: '999999' }, session }, 'direct');
    expect(!bad.ok && bad.error.code).toBe('WRONG_PIN');
    const good = await h.router.call({ procedure: 'auth.unlock', input: { pin: '111111' }, session }, 'direct');
    expect(good.ok).toBe(true);
    expect((await me()).ok).toBe(true);
  });

  it('activity in the UI (auth.touch) keeps the session from locking', async () => {
    const { h, clock } = await host();
    const session = await signInAs(h, 'siti', '111111');
    for (let i = 0; i < 3; i++) {
      clock.advance(9 * 60_000);
      expect((await h.router.call({ procedure: 'auth.touch', input: {}, session }, 'direct')).ok).toBe(true);
    }
    clock.advance(9 * 60_000);
    expect((await h.router.call({ procedure: 'sync.status', input: {}, session }, 'direct')).ok).toBe(true);
    // status polling alone is not activity
    clock.advance(11 * 60_000);
    const r = await h.router.call({ procedure: 'sync.status', input: {}, session }, 'direct');
    expect(!r.ok && r.error.code).toBe('SESSION_LOCKED');
  });

  it('sign-out ends the session and is audited', async () => {
    const { h } = await host();
    const session = await signInAs(h, 'kepala', '123456');
    expect((await h.router.call({ procedure: 'auth.signOut', input: {}, session }, 'direct')).ok).toBe(true);
    const after = await h.router.call({ procedure: 'auth.me', input: {}, session }, 'direct');
    expect(!after.ok && after.error.code).toBe('UNAUTHENTICATED');
    expect(h.services.audit.recent(5).map((a) => a.action)).toContain('auth.signOut');
  });

  it('stores no PIN in clear', async () => {
    const { h } = await host();
    const rows = h.services.db.prepare('SELECT pin_hash FROM users').all() as { pin_hash: string }[];
    expect(rows.length).toBe(4);
    for (const r of rows) expect(r.pin_hash.startsWith('scrypt$')).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/111111|123456|999999/);
  });
});

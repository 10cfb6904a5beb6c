import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { testClock, testHost, signInAs } from '../../support/host';
import { audits, caller, err, out, recordEntry } from './technician-helpers';

// Heads and technicians manage users; nobody deletes one; every change is audited.

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

async function setup() {
  const h = await testHost({ clock: testClock() });
  cleanup = h.cleanup;
  const call = caller(h);
  return { h, call, head: await signInAs(h, 'kepala', '123456'), tech: await signInAs(h, 'teknisi', '999999') };
}
const newUser = (username: string, role: string, pin = '246810') => ({ username, displayName: `Nama ${username}`, role, pin, pinConfirm: pin });
const idOf = (h: Awaited<ReturnType<typeof setup>>['h'], username: string) => h.services.auth.listUsers().find((u) => u.username === username)!.id;

describe('users', () => {
  it('a head creates tellers and heads, not technicians; a technician may create technicians', async () => {
    const { h, call, head, tech } = await setup();
    const t = out(await call('users.create', newUser('rina', 'teller'), head));
    expect(t).toMatchObject({ username: 'rina', role: 'teller', disabled: false, hasEntries: false });
    expect(await signInAs(h, 'rina', '246810')).toBeTruthy();
    expect(err(await call('users.create', newUser('budi', 'technician'), head))).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'role' }] });
    out(await call('users.create', newUser('budi', 'technician'), tech));
    expect(err(await call('users.create', newUser('rina', 'teller'), tech))).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'username', key: 'users.exists' }] });
    expect(err(await call('users.create', { ...newUser('xena', 'teller'), pinConfirm: '000000' }, head)).fields).toEqual([{ path: 'pinConfirm', key: 'err.users.pinMismatch' }]);
    const teller = await signInAs(h, 'siti', '111111');
    expect(err(await call('users.list', {}, teller)).code).toBe('FORBIDDEN');
    expect(audits(h, 'users.create').map((a) => a.username).slice(-2)).toEqual(['kepala', 'teknisi']);
  });

  it('resets a PIN: the old one stops working, the lock-out is cleared, the user is signed out', async () => {
    const { h, call, head, tech } = await setup();
    const siti = await signInAs(h, 'siti', '111111');
    for (let i = 0; i < 5; i++) await call('auth.signIn', { username: 'agus', pin: '000000' });
    expect(out(await call('users.list', {}, head)).users.find((u: { username: string }) => u.username === 'agus').locked).toBe(true);
    out(await call('users.resetPin', { userId: idOf(h, 'siti'), pin: '135790', pinConfirm: '135790' }, head));
    out(await call('users.resetPin', { userId: idOf(h, 'agus'), pin: '975310', pinConfirm: '975310' }, head));
    expect(err(await call('auth.me', {}, siti)).code).toBe('UNAUTHENTICATED');
    expect(err(await call('auth.signIn', { username: 'siti', pin: '111111' })).code).toBe('WRONG_PIN');
    expect(await signInAs(h, 'siti', '135790')).toBeTruthy();
    expect(await signInAs(h, 'agus', '975310')).toBeTruthy();
    // A head does not manage the technician's account.
    expect(err(await call('users.resetPin', { userId: idOf(h, 'teknisi'), pin: '111111', pinConfirm: '111111' }, head)).code).toBe('FORBIDDEN');
    out(await call('users.resetPin', { userId: idOf(h, 'teknisi'), pin: '888888', pinConfirm: '888888' }, tech));
    expect(audits(h, 'users.resetPin')).toHaveLength(3);
    expect(JSON.stringify(audits(h, 'users.resetPin'))).not.toContain('135790');
  });

  it('disables instead of deleting; not oneself, not the last head; there is no delete', async () => {
    const { h, call, head, tech } = await setup();
    recordEntry(h, 'siti');
    const list = out(await call('users.list', {}, tech)).users;
    expect(list.find((u: { username: string }) => u.username === 'siti').hasEntries).toBe(true);
    const siti = await signInAs(h, 'siti', '111111');
    out(await call('users.setDisabled', { userId: idOf(h, 'siti'), disabled: true }, head));
    expect(err(await call('auth.me', {}, siti)).code).toBe('UNAUTHENTICATED');
    expect(err(await call('auth.signIn', { username: 'siti', pin: '111111' }))).toMatchObject({ code: 'FORBIDDEN', key: 'signIn.disabled' });
    out(await call('users.setDisabled', { userId: idOf(h, 'siti'), disabled: false }, head));
    expect(await signInAs(h, 'siti', '111111')).toBeTruthy();
    expect(err(await call('users.setDisabled', { userId: idOf(h, 'kepala'), disabled: true }, head)).key).toBe('err.users.disableSelf');
    expect(err(await call('users.setDisabled', { userId: idOf(h, 'kepala'), disabled: true }, tech)).key).toBe('err.users.lastHead');
    out(await call('users.create', newUser('wakil', 'head'), tech));
    out(await call('users.setDisabled', { userId: idOf(h, 'kepala'), disabled: true }, tech));
    expect(audits(h, 'users.disable').map((a) => a.target)).toEqual(['siti', 'kepala']);
    expect(audits(h, 'users.enable').map((a) => a.target)).toEqual(['siti']);
    expect(Object.keys(contract).filter((k) => k.startsWith('users.')).sort()).toEqual(['users.create', 'users.list', 'users.resetPin', 'users.setDisabled']);
    expect(h.services.auth.userCount()).toBe(5);
  });
});

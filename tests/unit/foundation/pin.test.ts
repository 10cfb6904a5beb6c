import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../electron/services/auth/pin';

describe('PIN hashing (scrypt, per-user salt)', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('123456');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('123456');
    expect(await verifyPin('123456', stored)).toBe(true);
    expect(await verifyPin('123457', stored)).toBe(false);
  });

  it('salts each hash, so the same PIN hashes differently', async () => {
    const a = await hashPin('111111');
    const b = await hashPin('111111');
    expect(a).not.toBe(b);
    expect(await verifyPin('111111', a)).toBe(true);
    expect(await verifyPin('111111', b)).toBe(true);
  });

  it('refuses a malformed stored hash', async () => {
    expect(await verifyPin('111111', 'plain$111111')).toBe(false);
  });
});

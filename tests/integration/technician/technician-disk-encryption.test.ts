import { afterEach, describe, expect, it } from 'vitest';
import { diskEncryptionOf } from '../../../electron/services/diagnostics/disk-encryption';
import { diskEncryptionSchema } from '../../../shared/disk-encryption';
import { testClock, testHost, signInAs } from '../../support/host';
import { caller, out } from './technician-helpers';

// This machine's real answer, through the real tools (mountinfo, lsblk). Here the disk is a
// plain virtual disk, so the answer is "not encrypted" or "unknown", never "encrypted".

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => { while (stops.length) await stops.pop()!(); });

describe('disk encryption status', () => {
  it('reads this machine as one of the typed states, and diagnostics carries it', async () => {
    const h = await testHost({ clock: testClock() });
    stops.push(h.cleanup);
    const direct = diskEncryptionSchema.parse(await diskEncryptionOf(h.dir));
    expect(['not-encrypted', 'unknown']).toContain(direct.state);
    const tech = await signInAs(h, 'teknisi', '999999');
    const d = out(await caller(h)('diagnostics.get', { checkServer: false, integrity: false }, tech));
    expect(d.diskEncryption).toEqual(direct);
  });

  it('an unsupported platform answers unknown instead of guessing', async () => {
    expect(await diskEncryptionOf('/tmp', 'darwin')).toEqual({ state: 'unknown', method: null, device: null });
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  isCryptDmUuid, mountSourceOf, parseBitLockerVolumeJson, parseLsblkInverse, parseManageBde,
} from '../../../shared/disk-encryption';

// The parsers over outputs captured from real machines (Windows ones kept as fixtures).

const fx = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'disk-encryption', name), 'utf8');

describe('BitLocker', () => {
  it('manage-bde: fully encrypted with protection on is encrypted', () => {
    expect(parseManageBde(fx('manage-bde-encrypted.txt'), 'C:')).toEqual({ state: 'encrypted', method: 'bitlocker', device: 'C:' });
  });
  it('manage-bde: fully decrypted is not encrypted', () => {
    expect(parseManageBde(fx('manage-bde-decrypted.txt'), 'C:')).toEqual({ state: 'not-encrypted', method: 'bitlocker', device: 'C:' });
  });
  it('manage-bde: access denied (no admin rights) is unknown, not "not encrypted"', () => {
    expect(parseManageBde(fx('manage-bde-denied.txt'), 'C:')).toEqual({ state: 'unknown', method: null, device: 'C:' });
  });
  it('manage-bde: an encryption in progress counts as encrypted', () => {
    const out = '    Conversion Status:    Encryption in Progress\r\n    Percentage Encrypted: 42,5%\r\n    Protection Status:    Protection Off\r\n';
    expect(parseManageBde(out, 'D:').state).toBe('encrypted');
  });
  it('Get-BitLockerVolume JSON: VolumeStatus 1 is encrypted, 0 is not, garbage is unknown', () => {
    expect(parseBitLockerVolumeJson(fx('get-bitlockervolume-on.json'), 'C:').state).toBe('encrypted');
    expect(parseBitLockerVolumeJson(fx('get-bitlockervolume-off.json'), 'C:').state).toBe('not-encrypted');
    expect(parseBitLockerVolumeJson('Get-BitLockerVolume : Access denied', 'C:').state).toBe('unknown');
  });
});

describe('LUKS / dm-crypt', () => {
  it('finds the mount holding a path by the longest mount point, spaces unescaped', () => {
    const mi = fx('mountinfo.txt');
    expect(mountSourceOf(mi, '/var/lib/loket')).toEqual({ mountPoint: '/', source: '/dev/mapper/luks-3f1c2a9e', majorMinor: '253:1' });
    expect(mountSourceOf(mi, '/home/pos/.config/Loket')).toEqual({ mountPoint: '/home', source: '/dev/sda2', majorMinor: '8:2' });
    expect(mountSourceOf(mi, '/media/pos/USB BACKUP/x')?.source).toBe('/dev/sdb1');
    expect(mountSourceOf(mi, '/homework')?.mountPoint).toBe('/'); // not /home
  });
  it('lsblk inverse tree: a crypt layer is LUKS, a plain partition is not encrypted', () => {
    expect(parseLsblkInverse(fx('lsblk-luks.json'), '/dev/mapper/luks-3f1c2a9e')).toEqual({ state: 'encrypted', method: 'luks', device: '/dev/mapper/luks-3f1c2a9e' });
    expect(parseLsblkInverse(fx('lsblk-plain.json'), '/dev/sda2')).toEqual({ state: 'not-encrypted', method: null, device: '/dev/sda2' });
    expect(parseLsblkInverse('lsblk: /dev/x: not a block device', '/dev/x').state).toBe('unknown');
  });
  it('dm uuid CRYPT- prefix marks dm-crypt', () => {
    expect(isCryptDmUuid('CRYPT-LUKS2-3f1c2a9e5b7d4e0a9c112d8e6f4a7b90-luks-3f1c\n')).toBe(true);
    expect(isCryptDmUuid('LVM-abc')).toBe(false);
  });
});

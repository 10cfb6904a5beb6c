import { z } from 'zod';

// Whether the disk holding the data folder is encrypted, read from the operating system's own
// tools. Pure parsers over their output; running the tools is the service's job.

export const diskEncryptionState = z.enum(['encrypted', 'not-encrypted', 'unknown']);
export type DiskEncryptionState = z.infer<typeof diskEncryptionState>;

export const diskEncryptionSchema = z.object({
  state: diskEncryptionState,
  /** 'bitlocker' | 'luks' | null: which scheme answered. */
  method: z.enum(['bitlocker', 'luks']).nullable(),
  /** The volume or block device looked at (C:, /dev/vda …), when known. */
  device: z.string().nullable(),
});
export type DiskEncryption = z.infer<typeof diskEncryptionSchema>;

const UNKNOWN: DiskEncryption = { state: 'unknown', method: null, device: null };

/**
 * `manage-bde -status C:` (English or Indonesian Windows). "Protection On" / "Fully Encrypted"
 * mean encrypted; "Fully Decrypted" / "Protection Off" with 0 % means not.
 */
export function parseManageBde(out: string, drive: string): DiskEncryption {
  const field = (...names: string[]): string | null => {
    for (const line of out.split(/\r?\n/)) {
      const m = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(line);
      if (m && names.some((n) => m[1].toLowerCase() === n)) return m[2].toLowerCase();
    }
    return null;
  };
  const conversion = field('conversion status', 'status konversi');
  const pct = field('percentage encrypted', 'persentase terenkripsi');
  const protection = field('protection status', 'status perlindungan');
  const num = pct ? Number(pct.replace(',', '.').replace(/[^\d.]/g, '')) : NaN;
  if (conversion === null && protection === null) return { ...UNKNOWN, device: drive };
  const decrypted = conversion?.includes('fully decrypted') || conversion?.includes('terdekripsi penuh') || num === 0;
  if (decrypted) return { state: 'not-encrypted', method: 'bitlocker', device: drive };
  if (conversion?.includes('encrypt') || conversion?.includes('enkripsi') || num > 0) {
    return { state: 'encrypted', method: 'bitlocker', device: drive };
  }
  return { ...UNKNOWN, method: 'bitlocker', device: drive };
}

/** `Get-BitLockerVolume -MountPoint C: | ConvertTo-Json`: VolumeStatus 0 = FullyDecrypted (or the string). */
export function parseBitLockerVolumeJson(out: string, drive: string): DiskEncryption {
  let v: unknown;
  try { v = JSON.parse(out); } catch { return { ...UNKNOWN, device: drive }; }
  const o = (Array.isArray(v) ? v[0] : v) as Record<string, unknown> | undefined;
  if (!o || typeof o !== 'object') return { ...UNKNOWN, device: drive };
  const status = o.VolumeStatus;
  const pct = typeof o.EncryptionPercentage === 'number' ? o.EncryptionPercentage : null;
  if (status === 0 || status === 'FullyDecrypted' || pct === 0) return { state: 'not-encrypted', method: 'bitlocker', device: drive };
  if (status !== undefined || (pct !== null && pct > 0)) return { state: 'encrypted', method: 'bitlocker', device: drive };
  return { ...UNKNOWN, device: drive };
}

/** The mount whose mount point is the longest prefix of `path`, from /proc/self/mountinfo. */
export function mountSourceOf(mountinfo: string, path: string): { mountPoint: string; source: string; majorMinor: string } | null {
  let best: { mountPoint: string; source: string; majorMinor: string } | null = null;
  for (const line of mountinfo.split('\n')) {
    const f = line.trim().split(' ');
    if (f.length < 10) continue;
    const mountPoint = f[4].replace(/\\040/g, ' ');
    const dash = f.indexOf('-');
    if (dash < 0) continue;
    const inside = mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
    if (inside && (!best || mountPoint.length >= best.mountPoint.length)) best = { mountPoint, source: f[dash + 2], majorMinor: f[2] };
  }
  return best;
}

interface LsblkNode { name: string; type?: string | null; fstype?: string | null; children?: LsblkNode[] }

/**
 * `lsblk -J -s -o NAME,TYPE,FSTYPE <device>` lists the device and, inverted, what it sits on:
 * a `crypt` node or a `crypto_LUKS` parent anywhere in that tree means LUKS/dm-crypt.
 */
export function parseLsblkInverse(json: string, device: string): DiskEncryption {
  let v: { blockdevices?: LsblkNode[] };
  try { v = JSON.parse(json) as { blockdevices?: LsblkNode[] }; } catch { return { ...UNKNOWN, device }; }
  if (!v.blockdevices?.length) return { ...UNKNOWN, device };
  const walk = (n: LsblkNode): boolean => n.type === 'crypt' || n.fstype === 'crypto_LUKS' || (n.children ?? []).some(walk);
  return v.blockdevices.some(walk)
    ? { state: 'encrypted', method: 'luks', device }
    : { state: 'not-encrypted', method: null, device };
}

/** /sys/dev/block/M:m/dm/uuid starts with `CRYPT-` for a dm-crypt mapping. */
export function isCryptDmUuid(uuid: string): boolean {
  return /^CRYPT-/.test(uuid.trim());
}

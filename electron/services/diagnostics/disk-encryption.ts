import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parse, resolve } from 'node:path';
import {
  type DiskEncryption, isCryptDmUuid, mountSourceOf, parseLsblkInverse, parseManageBde,
} from '../../../shared/disk-encryption';

// Asks the operating system whether the data folder's disk is encrypted. Never throws: any tool
// missing, refusing or answering strangely gives 'unknown'.

const UNKNOWN: DiskEncryption = { state: 'unknown', method: null, device: null };

function run(cmd: string, args: string[]): Promise<string | null> {
  return new Promise((res) => {
    execFile(cmd, args, { timeout: 5000, windowsHide: true }, (err, stdout) => res(err ? (stdout || null) : stdout));
  });
}

export async function diskEncryptionOf(dataDir: string, platform: NodeJS.Platform = process.platform): Promise<DiskEncryption> {
  try {
    if (platform === 'win32') {
      const drive = parse(resolve(dataDir)).root.replace(/\\$/, '');
      const out = await run('manage-bde', ['-status', drive]);
      return out ? parseManageBde(out, drive) : { ...UNKNOWN, device: drive };
    }
    if (platform === 'linux') {
      const mount = mountSourceOf(readFileSync('/proc/self/mountinfo', 'utf8'), resolve(dataDir));
      if (!mount) return UNKNOWN;
      const dmUuid = `/sys/dev/block/${mount.majorMinor}/dm/uuid`;
      if (existsSync(dmUuid) && isCryptDmUuid(readFileSync(dmUuid, 'utf8'))) {
        return { state: 'encrypted', method: 'luks', device: mount.source };
      }
      // Not a block device (overlay, tmpfs, network share): nothing to say.
      if (!mount.source.startsWith('/dev/')) return { ...UNKNOWN, device: mount.source };
      const out = await run('lsblk', ['-J', '-s', '-o', 'NAME,TYPE,FSTYPE', mount.source]);
      return out ? parseLsblkInverse(out, mount.source) : { ...UNKNOWN, device: mount.source };
    }
    return UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

// The branch's recovery key: an age X25519 identity (`AGE-SECRET-KEY-1…`, 74 characters) kept on
// paper in the branch safe, and its public recipient (`age1…`) that backups are encrypted to.
// Pure text rules shared by the UI (checks as it is typed) and the services.

export const RECOVERY_KEY_RE = /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/;
export const RECIPIENT_RE = /^age1[0-9a-z]{58}$/;

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}

/** Whether a key's bech32 checksum holds: a character mistyped from the slip is caught here. */
export function recoveryKeyChecksumOk(identity: string): boolean {
  const s = identity.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep < 1 || s.length - sep < 7) return false;
  const hrp = s.slice(0, sep);
  const data: number[] = [];
  for (const c of s.slice(sep + 1)) {
    const v = BECH32.indexOf(c);
    if (v < 0) return false;
    data.push(v);
  }
  const expand = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  return polymod([...expand, ...data]) === 1;
}

/**
 * The identity line out of what was typed, pasted or read from a key file: spaces, line breaks
 * inside the key, lower case and `#` comment lines are allowed. Null when none is there.
 */
export function findRecoveryKey(text: string): string | null {
  const lines = text.split(/\r?\n/).filter((l) => !l.trim().startsWith('#'));
  // A key printed in groups may be typed over several lines: join them, then look for it.
  for (const candidate of [...lines, lines.join('')]) {
    const compact = candidate.replace(/\s+/g, '').toUpperCase();
    const at = compact.indexOf('AGE-SECRET-KEY-1');
    if (at < 0) continue;
    const key = compact.slice(at, at + 74);
    if (RECOVERY_KEY_RE.test(key) && recoveryKeyChecksumOk(key)) return key;
  }
  return null;
}

/** The key in groups of four after its prefix, as it is shown and printed (easier to copy by hand). */
export function groupedRecoveryKey(identity: string): string[] {
  const body = identity.slice('AGE-SECRET-KEY-1'.length);
  const groups = body.match(/.{1,4}/g) ?? [];
  return ['AGE-SECRET-KEY-1', ...groups];
}

/** The text of a key file, in age's own identity file format (age -i reads it). */
export function recoveryKeyFile(identity: string, recipient: string, createdAt: string, label: string): string {
  return `# ${label}\n# created: ${createdAt}\n# public key: ${recipient}\n${identity}\n`;
}

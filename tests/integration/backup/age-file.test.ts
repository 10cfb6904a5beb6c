import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { decryptFile, encryptFile, isAgeFile, newRecoveryKey, parseRecoveryKey } from '../../../electron/services/backup/age-file';
import { AppError } from '../../../shared/errors';
import { tempDir } from '../../support/tmp';

// A real SQLite file (bigger than age's 64 KiB chunk, so the stream crosses chunks) encrypted
// to two recipients (branch recovery key + head office) and opened again.

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function ledgerFile(dir: string): string {
  const path = join(dir, 'ledger.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE participants (nik TEXT, name TEXT)');
  const ins = db.prepare('INSERT INTO participants VALUES (?, ?)');
  db.transaction(() => { for (let i = 0; i < 5000; i++) ins.run(`35180117019${String(i).padStart(5, '0')}`, `Peserta Rahasia ${i}`); })();
  db.close();
  return path;
}

describe('age backup files', () => {
  it('encrypts to every recipient; each key alone gives back the same bytes; the file is not SQLite and hides the data', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    const src = ledgerFile(t.dir);
    expect(statSync(src).size).toBeGreaterThan(64 * 1024);
    const branch = await newRecoveryKey();
    const central = await newRecoveryKey();
    const enc = join(t.dir, 'backup.age');
    await encryptFile(src, enc, [branch.recipient, central.recipient]);
    const head = readFileSync(enc);
    expect(head.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(isAgeFile(enc)).toBe(true);
    expect(head.includes(Buffer.from('Peserta Rahasia'))).toBe(false);
    expect(head.includes(Buffer.from('3518011701900001'))).toBe(false);
    for (const key of [branch.identity, central.identity]) {
      const out = join(t.dir, `out-${key.slice(-6)}.sqlite`);
      await decryptFile(enc, out, key);
      expect(sha(out)).toBe(sha(src));
    }
  });

  it('a wrong key is a typed error with the Indonesian message key and writes nothing', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    const src = ledgerFile(t.dir);
    const enc = join(t.dir, 'backup.age');
    await encryptFile(src, enc, [(await newRecoveryKey()).recipient]);
    const out = join(t.dir, 'restored.sqlite');
    const wrong = (await newRecoveryKey()).identity;
    const e = await decryptFile(enc, out, wrong).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).key).toBe('err.backup.wrongKey');
    expect(existsSync(out)).toBe(false);
  });

  it('reads the key typed with spaces or lower case, or from a key file with comments; refuses garbage', async () => {
    const { identity } = await newRecoveryKey();
    expect(parseRecoveryKey(`  ${identity.toLowerCase().replace(/(.{10})/g, '$1 ')}  `)).toBe(identity);
    expect(parseRecoveryKey(`# created: 2026-12-04\n# public key: age1xyz\n${identity}\n`)).toBe(identity);
    expect(() => parseRecoveryKey('AGE-SECRET-KEY-1ABC')).toThrowError(AppError);
    // One character misread from the slip: the key's bech32 checksum catches it before any file is opened.
    const typo = identity.slice(0, 40) + (identity[40] === 'Q' ? 'P' : 'Q') + identity.slice(41);
    expect(() => parseRecoveryKey(typo)).toThrowError(AppError);
    const e = (() => { try { parseRecoveryKey('kunci saya'); } catch (x) { return x as AppError; } return null; })();
    expect(e?.key).toBe('err.backup.keyInvalid');
  });

  it('refuses a plain SQLite file as "not encrypted"', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    const src = ledgerFile(t.dir);
    const e = await decryptFile(src, join(t.dir, 'x.sqlite'), (await newRecoveryKey()).identity).catch((x: unknown) => x);
    expect((e as AppError).key).toBe('err.backup.notEncrypted');
  });
});

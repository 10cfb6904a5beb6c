import { createReadStream, createWriteStream, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import type { ReadableStream as WebReadable } from 'node:stream/web';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { AppError } from '../../../shared/errors';
import { findRecoveryKey, RECIPIENT_RE } from '../../../shared/recovery-key';

// Backup files in the age format (age-encryption.org/v1), streamed in age's 64 KiB chunks so a
// large ledger never sits in memory whole. Encrypting needs only public recipients; opening
// needs the branch's recovery key (an X25519 identity kept on paper in the safe).

export const AGE_MAGIC = 'age-encryption.org/v1\n';

export async function newRecoveryKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateIdentity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const isRecipient = (s: string) => RECIPIENT_RE.test(s.trim());

/** The identity line out of what was typed or read from a key file (comments and spaces allowed). */
export function parseRecoveryKey(text: string): string {
  const line = findRecoveryKey(text);
  if (!line) {
    throw new AppError('INVALID_INPUT', 'err.backup.keyInvalid', undefined, [{ path: 'recoveryKey', key: 'err.backup.keyInvalid' }]);
  }
  return line;
}

export function isAgeFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(AGE_MAGIC.length);
    readSync(fd, buf, 0, buf.length, 0);
    return buf.toString('latin1') === AGE_MAGIC;
  } finally { closeSync(fd); }
}

async function pipeTo(stream: WebReadable<Uint8Array> | ReadableStream<Uint8Array>, dest: string): Promise<void> {
  try {
    await (stream as ReadableStream<Uint8Array>).pipeTo(Writable.toWeb(createWriteStream(dest)) as WritableStream<Uint8Array>);
  } catch (e) {
    rmSync(dest, { force: true }); // never leave a half file behind
    throw e;
  }
}

/** Encrypts `src` to `dest` for every recipient. */
export async function encryptFile(src: string, dest: string, recipients: string[]): Promise<void> {
  if (recipients.length === 0) throw new Error('no recipient');
  const e = new Encrypter();
  for (const r of recipients) e.addRecipient(r.trim());
  const out = await e.encrypt(Readable.toWeb(createReadStream(src)) as unknown as ReadableStream<Uint8Array>);
  await pipeTo(out as ReadableStream<Uint8Array>, dest);
}

/** Decrypts `src` to `dest` with the recovery key; a key that does not open it is a typed error and writes nothing. */
export async function decryptFile(src: string, dest: string, recoveryKey: string): Promise<void> {
  const identity = parseRecoveryKey(recoveryKey);
  if (!isAgeFile(src)) throw new AppError('INVALID_INPUT', 'err.backup.notEncrypted');
  const d = new Decrypter();
  d.addIdentity(identity);
  let out: ReadableStream<Uint8Array>;
  try {
    out = await d.decrypt(Readable.toWeb(createReadStream(src)) as unknown as ReadableStream<Uint8Array>) as ReadableStream<Uint8Array>;
  } catch (e) {
    if (e instanceof Error && /no identity matched/i.test(e.message)) {
      throw new AppError('INVALID_INPUT', 'err.backup.wrongKey', undefined, [{ path: 'recoveryKey', key: 'err.backup.wrongKey' }]);
    }
    throw damaged(e); // a header that does not parse or whose MAC fails: the file was altered
  }
  // age authenticates every 64 KiB chunk: a flipped byte or a cut file fails here, and the half
  // written output is removed.
  try {
    await pipeTo(out, dest);
  } catch (e) {
    throw damaged(e);
  }
}

const damaged = (e: unknown) => (e instanceof AppError ? e
  : new AppError('INVALID_INPUT', 'err.backup.corrupt', { detail: e instanceof Error ? e.message : String(e) }));

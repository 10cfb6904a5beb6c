import { createHmac, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Db } from '../db/open';
import { personalDataSchema, type PersonalData, type PersonalRecord } from '../../../shared/protocol/personal-data';

// The commitment an entry carries instead of the personal data (issue 16), and the table that
// holds the data itself (migration 14). Central checks the same commitment with the same code.

/**
 * A fresh random salt: 16 bytes (128 bits), hex. Each version of the data gets its own; it makes
 * the commitment impossible to test guesses against (NIKs and names are few), and on a village
 * link every random byte is a byte on the wire, so no more than that.
 */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** The data's RFC 8785 canonical JSON: what the commitment covers, and what is stored. */
export function canonicalPersonal(data: PersonalData): string {
  return canonicalize(data)!;
}

/** `HMAC-SHA-256(salt, JCS(data))`, lowercase hex. */
export function commitTo(salt: string, data: PersonalData): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(canonicalPersonal(data), 'utf8').digest('hex');
}

/** True when `data` under `salt` is what `commitment` was made of (constant-time compare not needed: nothing secret is guessed here). */
export function commitmentHolds(commitment: string, salt: string, data: PersonalData): boolean {
  return commitTo(salt, data) === commitment;
}

export interface PersonalVersion {
  participant_id: string; version: number; entry_id: string; salt: string | null; data: string | null;
  created_at: string; erased_at: string | null;
}

/** Reads and writes of `personal_data`. Writes run inside the caller's transaction. */
export function createPersonalDataStore(db: Db) {
  const insert = db.prepare(`INSERT INTO personal_data (participant_id, version, entry_id, salt, data, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);
  const latestVersion = db.prepare('SELECT MAX(version) FROM personal_data WHERE participant_id = ?').pluck();
  const versions = db.prepare('SELECT * FROM personal_data WHERE participant_id = ? ORDER BY version');
  const byEntry = db.prepare('SELECT * FROM personal_data WHERE entry_id = ?');
  const erase = db.prepare('UPDATE personal_data SET salt = NULL, data = NULL, erased_at = ? WHERE participant_id = ? AND erased_at IS NULL');

  return {
    /** Stores one version of the data committed to by `entryId`. */
    insert(participantId: string, version: number, entryId: string, salt: string, data: PersonalData, at: string): void {
      insert.run(participantId, version, entryId, salt, canonicalPersonal(data), at);
    },
    /** The next version number: 1 for a registration, then one more per correction. */
    nextVersion(participantId: string): number {
      return ((latestVersion.get(participantId) as number | null) ?? 0) + 1;
    },
    versions: (participantId: string) => versions.all(participantId) as PersonalVersion[],
    byEntry: (entryId: string) => (byEntry.get(entryId) as PersonalVersion | undefined) ?? null,
    /** The record a batch carries beside its entry, or null once erased. */
    recordOf(v: PersonalVersion): PersonalRecord | null {
      if (!v.salt || !v.data) return null;
      return { entryId: v.entry_id, salt: v.salt, data: personalDataSchema.parse(JSON.parse(v.data)) };
    },
    /** Crypto-shredding: every version's salt and data are gone. Returns how many versions. */
    erase: (participantId: string, at: string) => erase.run(at, participantId).changes,
  };
}
export type PersonalDataStore = ReturnType<typeof createPersonalDataStore>;

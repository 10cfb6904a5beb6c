import { newUlid as ulid } from '../ids';
import type { Db } from '../db/open';
import type { Role } from '../../../shared/roles';
import { AppError } from '../../../shared/errors';

// Writes to the users table that the auth service does not offer: several users at once
// (the wizard), a new PIN, enabling and disabling. Callers run these inside their transaction.

export interface NewUserRow { username: string; displayName: string; role: Role; pinHash: string }

export function insertUser(db: Db, u: NewUserRow, at: string, field = 'username'): { id: string; username: string; displayName: string; role: Role } {
  const username = u.username.toLowerCase();
  if (db.prepare('SELECT 1 FROM users WHERE username = ?').get(username)) {
    throw new AppError('CONFLICT', 'users.exists', { username }, [{ path: field, key: 'users.exists', params: { username } }]);
  }
  const id = ulid();
  db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, failed_attempts, locked_until, disabled, created_at)
    VALUES (?, ?, ?, ?, ?, 0, NULL, 0, ?)`).run(id, username, u.displayName, u.role, u.pinHash, at);
  return { id, username, displayName: u.displayName, role: u.role };
}

export function setPinHash(db: Db, userId: string, pinHash: string): boolean {
  return db.prepare('UPDATE users SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(pinHash, userId).changes === 1;
}

export function setDisabledFlag(db: Db, userId: string, disabled: boolean): boolean {
  return db.prepare('UPDATE users SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, userId).changes === 1;
}

/** Users who wrote at least one ledger entry (they can never be removed). */
export function usersWithEntries(db: Db): Set<string> {
  return new Set((db.prepare('SELECT DISTINCT user_id FROM ledger_entries').all() as { user_id: string }[]).map((r) => r.user_id));
}

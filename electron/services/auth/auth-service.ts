import { newUlid as ulid } from '../ids';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import type { Audit } from '../audit';
import { hashPin, verifyPin } from './pin';
import { createSessionStore, type Session } from './sessions';

export interface UserRow {
  id: string; username: string; display_name: string; role: Role; pin_hash: string;
  failed_attempts: number; locked_until: string | null; disabled: number; created_at: string;
}

export interface SecurityPolicy { lockoutAttempts: number; lockoutMinutes: number; idleLockMinutes: number }

export interface PublicUser { id: string; username: string; displayName: string; role: Role; disabled: boolean; createdAt: string }

function publicUser(u: UserRow): PublicUser {
  return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled === 1, createdAt: u.created_at };
}

/**
 * Sign-in with user name and PIN, lock-out after repeated failures, idle lock, and the
 * head's-PIN approval that voids and closings need. Every outcome writes an audit row.
 */
export function createAuthService(deps: { db: Db; audit: Audit; clock: () => Date; policy: () => SecurityPolicy }) {
  const { db, audit, clock, policy } = deps;
  const sessions = createSessionStore(() => policy().idleLockMinutes * 60_000);
  const byName = db.prepare('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const setFailures = db.prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?');

  /** Checks a PIN against a user, counting failures toward the lock-out. */
  async function checkPin(user: UserRow, pin: string, field: string, action: string): Promise<void> {
    const now = clock();
    if (user.disabled) throw new AppError('FORBIDDEN', 'signIn.disabled', undefined, [{ path: 'username', key: 'signIn.disabled' }]);
    if (user.locked_until && new Date(user.locked_until) > now) {
      audit.record({ userId: user.id, username: user.username }, `${action}.failed`, user.username, { reason: 'locked' });
      throw new AppError('USER_LOCKED', 'signIn.locked', { until: user.locked_until }, [{ path: field, key: 'signIn.locked', params: { until: user.locked_until } }]);
    }
    const ok = await verifyPin(pin, user.pin_hash);
    const actor = { userId: user.id, username: user.username };
    if (ok) {
      if (user.failed_attempts > 0 || user.locked_until) setFailures.run(0, null, user.id);
      return;
    }
    const { lockoutAttempts, lockoutMinutes } = policy();
    const fresh = byId.get(user.id) as UserRow; // another request may have counted meanwhile
    const failures = fresh.failed_attempts + 1;
    if (failures >= lockoutAttempts) {
      const until = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
      db.transaction(() => {
        setFailures.run(0, until, user.id);
        audit.record(actor, `${action}.failed`, user.username, { reason: 'wrong-pin' });
        audit.record(actor, 'auth.lockout', user.username, { until });
      })();
      throw new AppError('USER_LOCKED', 'signIn.locked', { until }, [{ path: field, key: 'signIn.locked', params: { until } }]);
    }
    db.transaction(() => {
      setFailures.run(failures, null, user.id);
      audit.record(actor, `${action}.failed`, user.username, { reason: 'wrong-pin', failures });
    })();
    const remaining = lockoutAttempts - failures;
    throw new AppError('WRONG_PIN', 'signIn.wrongPin', { remaining }, [{ path: field, key: 'signIn.wrongPin', params: { remaining } }]);
  }

  function findUser(username: string): UserRow {
    const user = byName.get(username.trim().toLowerCase()) as UserRow | undefined;
    if (!user) {
      audit.record({ userId: null, username }, 'auth.signIn.failed', username, { reason: 'unknown-user' });
      throw new AppError('WRONG_PIN', 'signIn.unknownUser', undefined, [{ path: 'username', key: 'signIn.unknownUser' }]);
    }
    return user;
  }

  return {
    sessions,

    async createUser(input: { username: string; displayName: string; role: Role; pin: string }, by: Session | null): Promise<PublicUser> {
      const pinHash = await hashPin(input.pin);
      const row: UserRow = {
        id: ulid(), username: input.username.toLowerCase(), display_name: input.displayName, role: input.role,
        pin_hash: pinHash, failed_attempts: 0, locked_until: null, disabled: 0, created_at: clock().toISOString(),
      };
      db.transaction(() => {
        if (byName.get(row.username)) throw new AppError('CONFLICT', 'users.exists', { username: row.username }, [{ path: 'username', key: 'users.exists' }]);
        db.prepare(`INSERT INTO users (id, username, display_name, role, pin_hash, failed_attempts, locked_until, disabled, created_at)
          VALUES (@id, @username, @display_name, @role, @pin_hash, 0, NULL, 0, @created_at)`).run(row);
        audit.record({ userId: by?.userId ?? null, username: by?.username ?? 'system' }, 'users.create', row.username, { role: row.role });
      })();
      return publicUser(row);
    },

    listUsers(): PublicUser[] {
      return (db.prepare('SELECT * FROM users ORDER BY role, username').all() as UserRow[]).map(publicUser);
    },

    userCount(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
    },

    async signIn(username: string, pin: string): Promise<Session> {
      const user = findUser(username);
      await checkPin(user, pin, 'pin', 'auth.signIn');
      const now = clock().getTime();
      const session = sessions.open({ userId: user.id, username: user.username, displayName: user.display_name, role: user.role }, now);
      audit.record({ userId: user.id, username: user.username }, 'auth.signIn', user.username, { role: user.role });
      return session;
    },

    /** Unlocks an idle-locked session with the same user's PIN. */
    async unlock(session: Session, pin: string): Promise<Session> {
      const user = byId.get(session.userId) as UserRow;
      await checkPin(user, pin, 'pin', 'auth.unlock');
      session.locked = false;
      sessions.touch(session, clock().getTime());
      audit.record({ userId: user.id, username: user.username }, 'auth.unlock', user.username);
      return session;
    },

    signOut(session: Session, reason: 'user' | 'idle' = 'user'): void {
      sessions.close(session.token);
      audit.record({ userId: session.userId, username: session.username }, 'auth.signOut', session.username, { reason });
    },

    /**
     * A head's approval for an action taken at any session (void, closing, cash in/out):
     * the head's own user name and PIN, checked like a sign-in and audited.
     */
    async approveAsHead(username: string, pin: string, action: string): Promise<PublicUser> {
      const user = findUser(username);
      if (user.role !== 'head') throw new AppError('FORBIDDEN', 'approval.notHead', undefined, [{ path: 'approval.username', key: 'approval.notHead' }]);
      await checkPin(user, pin, 'approval.pin', 'auth.approval');
      audit.record({ userId: user.id, username: user.username }, 'auth.approval', action);
      return publicUser(user);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

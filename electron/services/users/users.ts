import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import type { Audit } from '../audit';
import type { AuthService, UserRow } from '../auth/auth-service';
import type { Session } from '../auth/sessions';
import { hashPin } from '../auth/pin';
import { insertUser, setDisabledFlag, setPinHash, usersWithEntries } from './user-store';

/** Which roles each role may create and manage. A head runs tellers and heads; a technician also technicians. */
export const MANAGES: Record<Role, readonly Role[]> = {
  teller: [],
  head: ['teller', 'head'],
  technician: ['teller', 'head', 'technician'],
};

/**
 * User management for heads and technicians. There is no delete: a user who wrote entries is
 * named by them forever, so a user who leaves is disabled instead. Every change is audited in
 * the same transaction as the change.
 */
export function createUserAdmin(deps: { db: Db; audit: Audit; auth: AuthService; clock: () => Date }) {
  const { db, audit, auth, clock } = deps;
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const actorOf = (s: Session) => ({ userId: s.userId, username: s.username });

  function target(by: Session, userId: string, action: string): UserRow {
    const user = byId.get(userId) as UserRow | undefined;
    if (!user) throw new AppError('NOT_FOUND', 'err.notFound');
    if (!MANAGES[by.role].includes(user.role)) {
      throw new AppError('FORBIDDEN', 'err.users.roleNotAllowed', { role: user.role, action });
    }
    return user;
  }

  function list() {
    const withEntries = usersWithEntries(db);
    const now = clock();
    return (db.prepare('SELECT * FROM users ORDER BY role, username').all() as UserRow[]).map((u) => ({
      id: u.id, username: u.username, displayName: u.display_name, role: u.role, disabled: u.disabled === 1,
      createdAt: u.created_at, locked: Boolean(u.locked_until && new Date(u.locked_until) > now), hasEntries: withEntries.has(u.id),
    }));
  }

  return {
    list,

    async create(input: { username: string; displayName: string; role: Role; pin: string }, by: Session) {
      if (!MANAGES[by.role].includes(input.role)) {
        throw new AppError('FORBIDDEN', 'err.users.roleNotAllowed', { role: input.role }, [{ path: 'role', key: 'err.users.roleNotAllowed', params: { role: input.role } }]);
      }
      const pinHash = await hashPin(input.pin);
      const created = db.transaction(() => {
        const u = insertUser(db, { ...input, pinHash }, clock().toISOString());
        audit.record(actorOf(by), 'users.create', u.username, { role: u.role });
        return u;
      }).immediate();
      return list().find((u) => u.id === created.id)!;
    },

    /** A new PIN (e.g. forgotten, or locked out); clears the lock-out and signs the user out everywhere. */
    async resetPin(userId: string, pin: string, by: Session): Promise<void> {
      const user = target(by, userId, 'resetPin');
      const pinHash = await hashPin(pin);
      db.transaction(() => {
        setPinHash(db, user.id, pinHash);
        audit.record(actorOf(by), 'users.resetPin', user.username, { role: user.role });
      })();
      if (user.id !== by.userId) auth.sessions.closeAllOf(user.id);
    },

    setDisabled(userId: string, disabled: boolean, by: Session): void {
      const user = target(by, userId, 'setDisabled');
      if (disabled && user.id === by.userId) throw new AppError('CONFLICT', 'err.users.disableSelf');
      db.transaction(() => {
        if (disabled && user.role === 'head') {
          const heads = (db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'head' AND disabled = 0 AND id <> ?").get(user.id) as { n: number }).n;
          if (heads === 0) throw new AppError('CONFLICT', 'err.users.lastHead');
        }
        setDisabledFlag(db, user.id, disabled);
        audit.record(actorOf(by), disabled ? 'users.disable' : 'users.enable', user.username, { role: user.role });
      })();
      if (disabled) auth.sessions.closeAllOf(user.id);
    },
  };
}
export type UserAdmin = ReturnType<typeof createUserAdmin>;

import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/roles';

// Sessions live in memory only: a restart signs everyone out, which is what a counter wants.

export interface Session {
  token: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  signedInAt: number;
  lastActivity: number;
  locked: boolean;
}

export function createSessionStore(idleMs: () => number) {
  const sessions = new Map<string, Session>();
  return {
    open(user: Omit<Session, 'token' | 'signedInAt' | 'lastActivity' | 'locked'>, now: number): Session {
      const session: Session = { ...user, token: randomBytes(32).toString('hex'), signedInAt: now, lastActivity: now, locked: false };
      sessions.set(session.token, session);
      return session;
    },
    /** The session for a token; it becomes locked when it has been idle too long. */
    get(token: string | undefined | null, now: number): Session | null {
      if (!token) return null;
      const s = sessions.get(token);
      if (!s) return null;
      if (!s.locked && now - s.lastActivity > idleMs()) s.locked = true;
      return s;
    },
    touch(s: Session, now: number): void { s.lastActivity = now; },
    close(token: string): void { sessions.delete(token); },
    closeAllOf(userId: string): void {
      for (const [k, s] of sessions) if (s.userId === userId) sessions.delete(k);
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

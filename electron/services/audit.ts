import type { Db } from './db/open';

export interface AuditActor { userId: string | null; username: string | null }

/** Appends one audit row. Call it inside the same transaction as the change it records. */
export function createAudit(db: Db, counterId: () => string, clock: () => Date) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, username, counter_id, action, target, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    record(actor: AuditActor, action: string, target: string | null = null, detail: unknown = null): void {
      insert.run(
        clock().toISOString(), actor.userId, actor.username, counterId() || 'unenrolled', action, target,
        detail === null ? null : JSON.stringify(detail),
      );
    },
    recent(limit = 100): AuditRow[] {
      return db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as AuditRow[];
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;

export interface AuditRow {
  id: number; at: string; user_id: string | null; username: string | null; counter_id: string;
  action: string; target: string | null; detail: string | null;
}

import type Database from 'better-sqlite3';
import { openSqlite } from '../db/driver';
import { verifyChain, countersIn } from '../ledger/verify';

export interface BackupCheck {
  ok: boolean;
  /** `integrity_check`'s lines (`['ok']` when sound). */
  integrity: string[];
  integrityOk: boolean;
  chainOk: boolean;
  entries: number;
  counterIds: string[];
  schemaVersion: number;
  /** Why it is not usable, as an i18n key, when `ok` is false. */
  problemKey: string | null;
  detail: string | null;
}

const bad = (problemKey: string, detail: string, partial: Partial<BackupCheck> = {}): BackupCheck => ({
  ok: false, integrity: [], integrityOk: false, chainOk: false, entries: 0, counterIds: [], schemaVersion: 0,
  problemKey, detail, ...partial,
});

/**
 * Opens a ledger file read-only and checks it the way a restore needs: SQLite's own
 * integrity_check, a Loket schema, and every counter's hash chain. Never throws.
 */
export async function verifyLedgerFile(path: string): Promise<BackupCheck> {
  let db: Database.Database;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    return bad('err.backup.unreadable', e instanceof Error ? e.message : String(e));
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      return bad('err.backup.corrupt', e instanceof Error ? e.message : String(e));
    }
    const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
    if (!integrityOk) return bad('err.backup.corrupt', integrity.slice(0, 5).join('; '), { integrity });
    const hasSchema = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'ledger_entries')").all().length === 2;
    if (!hasSchema) return bad('err.backup.notLoket', 'no ledger tables', { integrity, integrityOk });
    const schemaVersion = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
    const counterIds = countersIn(db);
    let entries = 0;
    for (const counterId of counterIds) {
      const r = await verifyChain(db, counterId);
      entries += r.checked;
      if (!r.ok) {
        return bad('err.backup.chain', `${counterId}: ${r.firstBad ? `seq ${r.firstBad.seq} ${r.firstBad.reason}` : 'incomplete'}`,
          { integrity, integrityOk, counterIds, schemaVersion, entries });
      }
    }
    return { ok: true, integrity, integrityOk, chainOk: true, entries, counterIds, schemaVersion, problemKey: null, detail: null };
  } catch (e) {
    return bad('err.backup.corrupt', e instanceof Error ? e.message : String(e));
  } finally {
    db.close();
  }
}

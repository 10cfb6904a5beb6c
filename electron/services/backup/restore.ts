import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { Logger } from '../log';
import { verifyLedgerFile } from './verify-file';
import { decryptFile, isAgeFile } from './age-file';

// A restore never touches the open ledger file. The verified backup is copied beside it as
// `ledger.sqlite.restore-pending`; at the next start, before the file is opened, the current
// file (with its -wal and -shm) is renamed aside as `ledger.sqlite.before-restore-<time>` and
// the pending copy takes its place. Nothing is deleted, so a restore can itself be undone.
//
// An encrypted backup (age) is opened with the recovery key straight into the data folder and
// checked there; a key that does not open it is refused before anything is written. An old plain
// backup (`SQLite format 3`, made before backups were encrypted) is still accepted without a key:
// refusing it would protect nothing (it is readable on its stick anyway) and would leave a branch
// with only old backups unable to recover.

export const LEDGER_FILE = 'ledger.sqlite';
export const PENDING_FILE = `${LEDGER_FILE}.restore-pending`;

export async function requestRestore(
  deps: { db: Db; dataDir: string; counterId: string; audit: Audit; log: Logger },
  path: string, actor: AuditActor, approvedBy: string, recoveryKey?: string,
): Promise<{ entries: number; pendingPath: string }> {
  const refuse = (key: string, detail: string | null, field = 'path'): never => {
    deps.audit.record(actor, 'backup.restore.refused', path, { key, detail, approvedBy });
    throw new AppError('CONFLICT', key, { detail: detail ?? '' }, [{ path: field, key }]);
  };
  if (!isAbsolute(path) || !/\.sqlite(\.age)?$/i.test(path)) refuse('err.backup.path', null);
  if (!existsSync(path) || !statSync(path).isFile()) refuse('err.backup.notFound', null);
  if (isAgeFile(path)) return restoreEncrypted(deps, path, actor, approvedBy, recoveryKey ?? '', refuse);
  const check = await verifyLedgerFile(path);
  if (!check.ok) refuse(check.problemKey ?? 'err.backup.corrupt', check.detail);
  const ours = (deps.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
  if (check.schemaVersion > ours) refuse('err.backup.newer', String(check.schemaVersion));
  const foreign = check.counterIds.filter((c) => c !== deps.counterId);
  if (foreign.length > 0) refuse('err.backup.otherCounter', foreign.join(', '));

  const pending = join(deps.dataDir, PENDING_FILE);
  const partial = `${pending}.partial`;
  try {
    copyFileSync(path, partial);
  } catch (e) {
    rmSync(partial, { force: true });
    const full = (e as { code?: string }).code === 'ENOSPC';
    throw new AppError('UNAVAILABLE', full ? 'err.backup.full' : 'err.backup.failed', { detail: e instanceof Error ? e.message : String(e) });
  }
  // Checked again where it landed: a copy from a failing USB stick must not slip through.
  const again = await verifyLedgerFile(partial);
  if (!again.ok || again.entries !== check.entries) {
    rmSync(partial, { force: true });
    refuse(again.problemKey ?? 'err.backup.corrupt', again.detail ?? 'the copy differs');
  }
  renameSync(partial, pending);
  deps.audit.record(actor, 'backup.restore', path, { approvedBy, entries: check.entries, schemaVersion: check.schemaVersion, encrypted: false });
  deps.log.warn({ from: path, entries: check.entries, approvedBy }, 'restore prepared; it takes effect at the next start');
  return { entries: check.entries, pendingPath: pending };
}

async function restoreEncrypted(
  deps: { db: Db; dataDir: string; counterId: string; audit: Audit; log: Logger },
  path: string, actor: AuditActor, approvedBy: string, recoveryKey: string,
  refuse: (key: string, detail: string | null, field?: string) => never,
): Promise<{ entries: number; pendingPath: string }> {
  if (!recoveryKey.trim()) refuse('err.backup.keyRequired', null, 'recoveryKey');
  const pending = join(deps.dataDir, PENDING_FILE);
  const partial = `${pending}.partial`;
  try {
    await decryptFile(path, partial, recoveryKey);
  } catch (e) {
    rmSync(partial, { force: true });
    if (e instanceof AppError && ['err.backup.wrongKey', 'err.backup.keyInvalid'].includes(e.key)) refuse(e.key, null, 'recoveryKey');
    if (e instanceof AppError && e.key === 'err.backup.corrupt') refuse(e.key, String(e.params?.detail ?? ''));
    const full = (e as { code?: string }).code === 'ENOSPC';
    // Never echo a key back (into the screen or the log).
    const detail = (e instanceof Error ? e.message : String(e)).replace(/AGE-SECRET-KEY-1[0-9A-Z]*/gi, 'AGE-SECRET-KEY-1…');
    throw new AppError('UNAVAILABLE', full ? 'err.backup.full' : 'err.backup.failed', { detail });
  }
  // Decrypted on this disk: the same checks as for any backup (integrity, every chain, schema, counter).
  const fail = (key: string, detail: string | null): never => { rmSync(partial, { force: true }); return refuse(key, detail); };
  const check = await verifyLedgerFile(partial);
  if (!check.ok) fail(check.problemKey ?? 'err.backup.corrupt', check.detail);
  const ours = (deps.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v;
  if (check.schemaVersion > ours) fail('err.backup.newer', String(check.schemaVersion));
  const foreign = check.counterIds.filter((c) => c !== deps.counterId);
  if (foreign.length > 0) fail('err.backup.otherCounter', foreign.join(', '));
  renameSync(partial, pending);
  deps.audit.record(actor, 'backup.restore', path, { approvedBy, entries: check.entries, schemaVersion: check.schemaVersion, encrypted: true });
  deps.log.warn({ from: path, entries: check.entries, approvedBy }, 'restore prepared; it takes effect at the next start');
  return { entries: check.entries, pendingPath: pending };
}

/**
 * Run at start-up before the ledger is opened. Returns where the previous file was kept, or
 * null when no restore was waiting.
 */
export function applyPendingRestore(dataDir: string, now: Date): { keptAside: string } | null {
  const pending = join(dataDir, PENDING_FILE);
  if (!existsSync(pending)) return null;
  const live = join(dataDir, LEDGER_FILE);
  const aside = join(dataDir, `${LEDGER_FILE}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
  // The -wal goes with its file: SQLite finds `<name>-wal` beside `<name>`, so nothing is lost.
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix);
  }
  renameSync(pending, live);
  return { keptAside: aside };
}

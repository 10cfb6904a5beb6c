import { openSqlite } from '../db/driver';
import { createHash } from 'node:crypto';
import { accessSync, constants as fsc, createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { businessDateOf, zonedParts } from '../../../shared/dates';
import type { BackupItem } from '../../../shared/contract/technician';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { AuthService } from '../auth/auth-service';
import type { SettingsService } from '../settings';
import type { Logger } from '../log';
import { verifyLedgerFile } from './verify-file';
import { backupDue, nextBackupAt } from './schedule';
import { requestRestore } from './restore';
import { encryptFile, isAgeFile } from './age-file';
import type { RecoveryKeys } from './recovery-key';

// Backups of the ledger with SQLite's online backup (the counter keeps working meanwhile), to
// a folder the technician chose (a USB stick). Each backup is checked like a restore would
// check it, and a small JSON record beside it says so; the list reads that record.
//
// What lands on the stick is an age file (`.sqlite.age`) encrypted to the branch's recovery key
// and, when central gave one at enrolment, to head office's key: a stick found in the street
// shows nothing. Making one needs only those public keys. The plain copy is made and checked in
// the data folder (the counter's own disk) and removed once encrypted. Old plain `.sqlite`
// backups are still listed and can still be restored (marked as not encrypted).

const FILE_RE = /^loket-.+-\d{8}T\d{6}Z\.sqlite(\.age)?$/;
const WORK_FILE = 'backup-in-progress.sqlite';

const recordSchema = z.object({
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  integrity: z.string(),
  verified: z.boolean(),
  chainOk: z.boolean(),
  entries: z.number().int(),
  counterId: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  /** Older records (plain backups) have neither. */
  encrypted: z.boolean().default(false),
  recipients: z.array(z.string()).default([]),
});
type BackupRecord = z.infer<typeof recordSchema>;

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (c) => h.update(c)).on('end', () => resolve(h.digest('hex'))).on('error', reject);
  });
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

export function createBackupService(deps: {
  db: Db; dataDir: string; settings: SettingsService; audit: Audit; auth: AuthService; clock: () => Date; log: Logger; version: string;
  recoveryKeys: RecoveryKeys;
}) {
  const { db, settings, audit, clock, log } = deps;
  let running: Promise<BackupItem> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let lastAuto: { date: string | null; at: string | null; error: string | null; failedAt: number | null } = { date: null, at: null, error: null, failedAt: null };
  let pendingRestore: string | null = null;

  /** A folder that exists and can be written: a missing USB stick must not become a local folder. */
  function usableDir(dir: string | undefined): string {
    const d = (dir ?? settings.get().backup.dir).trim();
    if (!d) throw new AppError('INVALID_INPUT', 'err.backup.dirMissing', undefined, [{ path: 'dir', key: 'err.backup.dirMissing' }]);
    if (!isAbsolute(d)) throw new AppError('INVALID_INPUT', 'err.backup.dirAbsolute', undefined, [{ path: 'dir', key: 'err.backup.dirAbsolute' }]);
    try {
      if (!statSync(d).isDirectory()) throw new Error('not a folder');
      accessSync(d, fsc.W_OK);
    } catch {
      throw new AppError('UNAVAILABLE', 'err.backup.dirNotFound', { dir: d }, [{ path: 'dir', key: 'err.backup.dirNotFound', params: { dir: d } }]);
    }
    return d;
  }

  function readRecord(path: string): BackupRecord | null {
    try {
      const parsed = recordSchema.safeParse(JSON.parse(readFileSync(`${path}.json`, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function itemOf(dir: string, fileName: string): BackupItem {
    const path = join(dir, fileName);
    const st = statSync(path);
    const rec = readRecord(path);
    // A record whose size no longer matches describes another file: do not trust it.
    const trusted = rec && rec.sizeBytes === st.size ? rec : null;
    return {
      fileName, path, sizeBytes: st.size, createdAt: trusted?.createdAt ?? st.mtime.toISOString(),
      verified: trusted ? trusted.verified : null, integrity: trusted?.integrity ?? null, chainOk: trusted?.chainOk ?? null,
      entries: trusted?.entries ?? null, counterId: trusted?.counterId ?? null,
      encrypted: isAgeFile(path),
    };
  }

  function list(dirInput?: string): { dir: string; items: BackupItem[] } {
    const dir = (dirInput ?? settings.get().backup.dir).trim();
    if (!dir) return { dir, items: [] };
    // A relative path is refused wherever Loket was started from (it must not depend on the
    // working folder), before asking whether it exists; a file or an unreadable folder is told
    // as such, not read (fuzzing found it).
    if (!isAbsolute(dir)) throw new AppError('INVALID_INPUT', 'err.backup.dirAbsolute', undefined, [{ path: 'dir', key: 'err.backup.dirAbsolute' }]);
    if (!existsSync(dir)) return { dir, items: [] };
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    } catch {
      throw new AppError('UNAVAILABLE', 'err.backup.dirNotFound', { dir }, [{ path: 'dir', key: 'err.backup.dirNotFound', params: { dir } }]);
    }
    const items = readdirSync(dir).filter((f) => FILE_RE.test(f)).map((f) => itemOf(dir, f));
    return { dir, items: items.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }

  /** The public keys a backup is encrypted to; the branch's own key is required. */
  function recipients(): string[] {
    const b = settings.get().backup;
    if (!b.recoveryRecipient) throw new AppError('CONFLICT', 'err.backup.noRecoveryKey');
    return [b.recoveryRecipient, ...(b.headOfficeRecipient ? [b.headOfficeRecipient] : [])];
  }

  async function makeBackup(dirInput: string | undefined, actor: AuditActor, reason: 'manual' | 'daily'): Promise<BackupItem> {
    const dir = usableDir(dirInput);
    const to = recipients();
    const now = clock();
    const counterId = settings.get().counter.id || 'unenrolled';
    const fileName = `loket-${counterId}-${stampOf(now)}.sqlite.age`;
    const final = join(dir, fileName);
    const partial = join(deps.dataDir, WORK_FILE); // the plain copy never touches the stick
    const encPartial = `${final}.partial`;
    rmSync(partial, { force: true });
    try {
      await db.backup(partial);
      // The copy is ours: make it a self-contained file (no -wal beside it) before checking it.
      const copy = openSqlite(partial);
      copy.pragma('journal_mode = DELETE');
      copy.close();
    } catch (e) {
      rmSync(partial, { force: true });
      const code = (e as { code?: string }).code;
      const full = code === 'ENOSPC' || code === 'SQLITE_FULL';
      log.error({ dir, error: String(e) }, 'backup failed');
      throw new AppError('UNAVAILABLE', full ? 'err.backup.full' : 'err.backup.failed', { detail: e instanceof Error ? e.message : String(e) });
    }
    const check = await verifyLedgerFile(partial);
    if (!check.ok) {
      rmSync(partial, { force: true });
      log.error({ problem: check.problemKey, detail: check.detail }, 'backup did not verify');
      throw new AppError('INTERNAL', 'err.backup.verifyFailed', { detail: check.detail ?? '' });
    }
    try {
      await encryptFile(partial, encPartial, to);
      renameSync(encPartial, final);
    } catch (e) {
      rmSync(encPartial, { force: true });
      const code = (e as { code?: string }).code;
      log.error({ dir, error: String(e) }, 'backup encryption failed');
      throw new AppError('UNAVAILABLE', code === 'ENOSPC' ? 'err.backup.full' : 'err.backup.failed', { detail: e instanceof Error ? e.message : String(e) });
    } finally {
      rmSync(partial, { force: true });
    }
    const record: BackupRecord = {
      createdAt: now.toISOString(), sizeBytes: statSync(final).size, sha256: await sha256Of(final),
      integrity: check.integrity[0] ?? '', verified: true, chainOk: check.chainOk, entries: check.entries,
      counterId, schemaVersion: check.schemaVersion, appVersion: deps.version, encrypted: true, recipients: to,
    };
    writeFileSync(`${final}.json`, `${JSON.stringify(record, null, 2)}\n`);
    audit.record(actor, 'backup.now', fileName, { dir, reason, entries: check.entries, sizeBytes: record.sizeBytes, recipients: to.length });
    log.info({ file: final, entries: check.entries, reason }, 'backup made and verified');
    return itemOf(dir, fileName);
  }

  /** One backup at a time: a second request waits for the first and gets its result. */
  function backupNow(dir: string | undefined, actor: AuditActor, reason: 'manual' | 'daily' = 'manual'): Promise<BackupItem> {
    running ??= makeBackup(dir, actor, reason).finally(() => { running = null; });
    return running;
  }

  function lastDoneDate(): string | null {
    if (lastAuto.date) return lastAuto.date;
    const zone = settings.get().branch.timeZone;
    const newest = list().items.find((i) => i.verified);
    return newest ? businessDateOf(newest.createdAt, zone) : null;
  }

  async function sweep(): Promise<void> {
    const st = settings.get();
    if (!st.backup.dir || !st.backup.dailyAt) return;
    const now = clock();
    if (lastAuto.failedAt && now.getTime() - lastAuto.failedAt < 15 * 60_000) return; // retry a failure later, not every sweep
    if (!backupDue(now, st.branch.timeZone, st.backup.dailyAt, lastDoneDate())) return;
    try {
      const item = await backupNow(undefined, { userId: null, username: 'system' }, 'daily');
      lastAuto = { date: zonedParts(now, st.branch.timeZone).date, at: item.createdAt, error: null, failedAt: null };
    } catch (e) {
      lastAuto = { ...lastAuto, error: e instanceof AppError ? e.key : String(e), failedAt: now.getTime() };
      log.error({ error: lastAuto.error }, 'daily backup failed');
    }
  }

  return {
    list,
    backupNow,
    sweep,

    settings() {
      const st = settings.get();
      const next = st.backup.dir ? nextBackupAt(clock(), st.branch.timeZone, st.backup.dailyAt, lastDoneDate()) : null;
      return {
        dir: st.backup.dir, dailyAt: st.backup.dailyAt, nextRunAt: next?.toISOString() ?? null, lastRunAt: lastAuto.at, lastError: lastAuto.error,
        recoveryKey: deps.recoveryKeys.status(), headOfficeRecipient: st.backup.headOfficeRecipient || null,
      };
    },

    saveSettings(input: { dir: string; dailyAt: string }, actor: AuditActor): void {
      if (input.dir) usableDir(input.dir);
      db.transaction(() => {
        audit.record(actor, 'backup.saveSettings', input.dir || null, input);
        settings.update((cur) => ({ ...cur, backup: { ...cur.backup, dir: input.dir, dailyAt: input.dailyAt } }));
      })();
    },

    async restore(input: { path: string; recoveryKey?: string; approval: { username: string; pin: string } }, actor: AuditActor) {
      const approver = await deps.auth.approveAsHead(input.approval.username, input.approval.pin, 'backup.restore');
      const r = await requestRestore({ db, dataDir: deps.dataDir, counterId: settings.get().counter.id, audit, log }, input.path, actor, approver.username, input.recoveryKey);
      pendingRestore = r.pendingPath;
      return { restartRequired: true as const, entries: r.entries, pendingPath: r.pendingPath };
    },

    /** Set once a restore waits for the restart. */
    pendingRestore: () => pendingRestore,

    start(intervalMs = 30_000): void {
      if (timer) return;
      timer = setInterval(() => { void sweep(); }, intervalMs);
      timer.unref?.();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;

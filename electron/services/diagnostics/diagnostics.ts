import { existsSync, readdirSync, statSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';
import type { SettingsService } from '../settings';
import type { SyncWorker } from '../sync/sync-worker';
import type { PrinterService } from '../setup/printer';
import type { BackupService } from '../backup/backup';
import type { VerifyProgress, VerifyResult } from '../ledger/verify';
import { checkServer } from '../setup/server-check';
import { logDirOf } from '../log';
import { diskEncryptionOf } from './disk-encryption';

/** Under this much free space the screen warns (a day of entries is far smaller; backups are not). */
export const LOW_DISK_BYTES = 500 * 1024 * 1024;

export interface DiagnosticsDeps {
  db: Db; dataDir: string; version: string; clock: () => Date; settings: SettingsService; sync: SyncWorker;
  printer: PrinterService; backup: BackupService;
  verification: () => { running: boolean; progress: VerifyProgress | null; result: VerifyResult | null; at: string | null };
}

export function diskSpace(dir: string): { freeBytes: number; totalBytes: number; low: boolean } | null {
  try {
    const st = statfsSync(dir);
    const freeBytes = Number(st.bavail) * Number(st.bsize);
    return { freeBytes, totalBytes: Number(st.blocks) * Number(st.bsize), low: freeBytes < LOW_DISK_BYTES };
  } catch {
    return null;
  }
}

/** `PRAGMA integrity_check` lines (at most `max`); `['ok']` for a sound file. */
export function integrityCheck(db: Db, max = 20): string[] {
  return (db.pragma(`integrity_check(${max})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
}

export function logFiles(dataDir: string): { name: string; sizeBytes: number }[] {
  const dir = logDirOf(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /^loket(\.\d+)?\.log$/.test(f)).sort()
    .map((name) => ({ name, sizeBytes: statSync(join(dir, name)).size }));
}

/**
 * Everything a technician checks first, in one answer. The chain verification is started and
 * followed through ledger.verify / ledger.verification; here is its latest state.
 */
export async function collectDiagnostics(d: DiagnosticsDeps, opts: { checkServer: boolean; integrity: boolean }) {
  const st = d.settings.get();
  const dbPath = d.db.name;
  let integrity: string[] | null = null;
  if (opts.integrity) {
    try { integrity = integrityCheck(d.db); } catch (e) { integrity = [e instanceof Error ? e.message : String(e)]; }
  }
  const [server, printerStatus, encryption] = await Promise.all([
    opts.checkServer && st.central.url ? checkServer(st.central.url, d.clock, 5000, { pin: st.central.tlsPin, caFile: st.central.caFile }) : Promise.resolve(null),
    d.printer.refresh().catch(() => 'unknown' as const),
    diskEncryptionOf(d.dataDir),
  ]);
  const sy = d.sync.status();
  const printer = d.printer.get();
  return {
    version: d.version,
    platform: `${process.platform} ${process.arch}`,
    node: process.versions.node,
    dataDir: d.dataDir,
    disk: diskSpace(d.dataDir),
    diskEncryption: encryption,
    database: {
      path: dbPath,
      sizeBytes: existsSync(dbPath) ? statSync(dbPath).size : 0,
      integrity,
      integrityOk: integrity ? integrity.length === 1 && integrity[0] === 'ok' : null,
      schemaVersion: (d.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v,
      entries: (d.db.prepare('SELECT COUNT(*) AS n FROM ledger_entries').get() as { n: number }).n,
    },
    verification: d.verification(),
    server: { url: st.central.url, enrolled: Boolean(st.central.token), deviceId: st.central.deviceId, check: server, tls: { pin: st.central.tlsPin, caFile: st.central.caFile } },
    outbox: { online: sy.online, waiting: sy.waiting, rejected: sy.rejected, lastSyncAt: sy.lastSyncAt, lastError: sy.lastError },
    printer: { kind: printer.kind, target: printer.target, status: printerStatus, checkedAt: printer.checkedAt },
    settingsProblem: d.settings.problem,
    logs: { dir: logDirOf(d.dataDir), files: logFiles(d.dataDir) },
    backup: { dir: st.backup.dir, dailyAt: st.backup.dailyAt, last: d.backup.list().items[0] ?? null },
  };
}

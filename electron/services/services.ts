import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openLedgerDb, type Db } from './db/open';
import { createAudit, type Audit } from './audit';
import { createAuthService, type AuthService } from './auth/auth-service';
import { createSettingsService, type SettingsBackend, type SettingsService } from './settings';
import { createLogger, type Logger } from './log';
import { businessDateOf } from '../../shared/dates';

export interface ServiceOptions {
  dataDir: string;
  clock?: () => Date;
  settingsBackend?: SettingsBackend;
  version?: string;
  /** Log to stderr instead of the data folder (tests). */
  logToStderr?: boolean;
}

export interface StatusSnapshot {
  online: boolean;
  waiting: number;
  lastSyncAt: string | null;
  lastError: string | null;
  printer: 'ready' | 'offline' | 'none' | 'unknown';
  businessDate: string;
  dayState: 'OPEN' | 'CLOSING' | 'CLOSED';
}

/**
 * The composition root of the plain-Node services: one SQLite ledger file and one settings
 * file in the data folder. Electron's main process and the loopback bridge both build this.
 */
export function createServices(opts: ServiceOptions) {
  mkdirSync(opts.dataDir, { recursive: true });
  const clock = opts.clock ?? (() => new Date());
  const log: Logger = createLogger(opts.logToStderr ? null : opts.dataDir);
  const settings: SettingsService = createSettingsService(opts.dataDir, opts.settingsBackend);
  if (settings.problem) log.warn({ problem: settings.problem }, 'settings file was unreadable and was kept aside');
  const db: Db = openLedgerDb(join(opts.dataDir, 'ledger.sqlite'));
  const counterId = () => settings.get().counter.id;
  const audit: Audit = createAudit(db, counterId, clock);
  const auth: AuthService = createAuthService({ db, audit, clock, policy: () => settings.get().security });

  const services = {
    dataDir: opts.dataDir,
    version: opts.version ?? '0.1.0',
    clock,
    log,
    settings,
    db,
    audit,
    auth,
    /** Today's business date in the branch's zone (the ledger's open day once it exists). */
    businessDate(): string {
      return businessDateOf(clock(), settings.get().branch.timeZone);
    },
    setupNeeded(): boolean {
      const st = settings.get();
      return !st.branch.code || !st.counter.id || auth.userCount() === 0;
    },
    status(): StatusSnapshot {
      return {
        online: false, waiting: 0, lastSyncAt: null, lastError: null,
        printer: settings.get().printer.kind === 'none' ? 'none' : 'unknown',
        businessDate: services.businessDate(), dayState: 'OPEN',
      };
    },
    close(): void {
      db.close();
      log.flush();
    },
  };
  return services;
}
export type Services = ReturnType<typeof createServices>;

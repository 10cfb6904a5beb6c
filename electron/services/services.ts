import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openLedgerDb, type Db } from './db/open';
import { createAudit, type Audit } from './audit';
import { createAuthService, type AuthService } from './auth/auth-service';
import { createParticipantDataService } from './participants/correction';
import { createDataReport } from './participants/data-report';
import { createSettingsService, type SettingsBackend, type SettingsService } from './settings';
import { createLogger, type Logger } from './log';
import { createLedger, type Ledger } from './ledger/ledger';
import { verifyChain, type VerifyProgress, type VerifyResult } from './ledger/verify';
import { centralConfigOf, createCentralClient } from './central/client';
import { createSyncWorker, type SyncStatus, type SyncWorker } from './sync/sync-worker';
import { createParticipantRepo } from './participants/repo';
import { createPrintingService } from './printing/service';
import { createRegistrationService } from './registration/service';
import { createPaymentService } from './payment/payment-service';
import { createHistoryService } from './history/history-service';
import { createPrinterService } from './setup/printer';
import { createSetupService } from './setup/setup-service';
import { createBackupService } from './backup/backup';
import { applyPendingRestore } from './backup/restore';
import { createRecoveryKeys } from './backup/recovery-key';
import { createUserAdmin } from './users/users';
import { createClosing } from './closing/wire';
import { createMonitoringService } from './monitoring/service';
import { createClaimsService } from './claims/service';

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
  printer: 'ready' | 'offline' | 'paperOut' | 'coverOpen' | 'none' | 'unknown';
  businessDate: string;
  dayState: 'OPEN' | 'CLOSING' | 'CLOSED';
  /** A drain under way, and the link as the last batch found it (village links, issue 17). */
  sending: SyncStatus['sending'];
  link: SyncStatus['link'];
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
  // A restore prepared before the last restart takes the file's place now, before it is opened.
  const restored = applyPendingRestore(opts.dataDir, clock());
  if (restored) log.warn(restored, 'ledger restored from a backup; the previous file was kept aside');
  const db: Db = openLedgerDb(join(opts.dataDir, 'ledger.sqlite'));
  const counterId = () => settings.get().counter.id;
  const audit: Audit = createAudit(db, counterId, clock);
  const auth: AuthService = createAuthService({ db, audit, clock, policy: () => settings.get().security });
  let sync: SyncWorker | null = null;
  const ledger: Ledger = createLedger({
    db, audit, clock,
    onRecorded: () => sync?.notify(),
    identity: () => {
      const st = settings.get();
      return { counterId: st.counter.id, branchCode: st.branch.code, timeZone: st.branch.timeZone };
    },
  });
  const central = createCentralClient(() => centralConfigOf(settings.get().central));
  const ackHooks: NonNullable<Parameters<typeof createSyncWorker>[0]['onAck']>[] = [];
  const syncWorker: SyncWorker = createSyncWorker({
    db, client: central, clock,
    enabled: () => Boolean(settings.get().central.url && settings.get().central.token),
    onAck: (entry, result) => { for (const hook of ackHooks) hook(entry, result); },
    log: (event, detail) => log.warn(detail, event),
  });
  sync = syncWorker;
  const participants = createParticipantRepo(db);
  const printing = createPrintingService({ db, settings, clock });
  const printer = createPrinterService({ db, settings, audit, clock, log, printing });
  const recoveryKeys = createRecoveryKeys({ db, settings, audit, clock });
  const backup = createBackupService({ db, dataDir: opts.dataDir, settings, audit, auth, clock, log, version: opts.version ?? '0.1.0', recoveryKeys });
  const payment = createPaymentService({ db, ledger, settings, participants, central, auth, audit, printing });
  // The KPJ number of a registration arrives with its acknowledgement.
  ackHooks.push((entry, result) => {
    if (entry.kind === 'REGISTRATION' && entry.participant_id && result.kpj) participants.setKpj(entry.participant_id, result.kpj, clock().toISOString());
  });
  let verification: { running: boolean; progress: VerifyProgress | null; result: VerifyResult | null; at: string | null } = {
    running: false, progress: null, result: null, at: null,
  };

  const services = {
    dataDir: opts.dataDir,
    version: opts.version ?? '0.1.0',
    clock,
    log,
    settings,
    db,
    audit,
    auth,
    ledger,
    central,
    sync: syncWorker,
    participants,
    printing,
    printer,
    backup,
    recoveryKeys,
    users: createUserAdmin({ db, audit, auth, clock }),
    setup: createSetupService({ db, settings, audit, auth, clock, log, printer, recoveryKeys, setupNeeded: (): boolean => services.setupNeeded() }),
    registration: createRegistrationService({ db, settings, ledger, participants, audit, clock, printing }),
    participantData: createParticipantDataService({ db, ledger, participants, auth, clock }),
    dataReport: createDataReport({ db, participants, settings, printing, audit, clock }),
    payment,
    history: createHistoryService({ db, ledger, settings, auth, audit, payment, printing }),
    monitoring: createMonitoringService({ db, settings, ledger, audit, clock, dataDir: opts.dataDir }),
    claims: createClaimsService({ db, settings, ledger, participants, audit, printing, sync: syncWorker, clock, log: (e, d) => log.warn(d, e), onAck: (hook) => { ackHooks.push(hook); } }),
    closing: createClosing({ db, ledger, audit, auth, central, sync: syncWorker, printing, settings, clock, log, dataDir: opts.dataDir }),
    /** Registers a hook run inside the transaction that acknowledges an entry (e.g. store a KPJ). */
    onAck(hook: (typeof ackHooks)[number]): void { ackHooks.push(hook); },
    /** Today's business date in the branch's zone. */
    businessDate(): string {
      return ledger.today();
    },
    /** Walks the chain in the background (chunks), keeping progress for the diagnostics screen. */
    async verifyLedger(): Promise<VerifyResult> {
      verification = { running: true, progress: { checked: 0, total: 0 }, result: null, at: null };
      const counterId = settings.get().counter.id;
      const result = await verifyChain(db, counterId, { onProgress: (p) => { verification.progress = p; } });
      verification = { running: false, progress: verification.progress, result, at: clock().toISOString() };
      if (!result.ok) log.error({ firstBad: result.firstBad }, 'ledger chain verification failed');
      return result;
    },
    verification: () => verification,
    setupNeeded(): boolean {
      const st = settings.get();
      return !st.branch.code || !st.counter.id || auth.userCount() === 0;
    },
    status(): StatusSnapshot {
      const sy = syncWorker.status();
      return {
        online: sy.online, waiting: sy.waiting, lastSyncAt: sy.lastSyncAt, lastError: sy.lastError,
        sending: sy.sending, link: sy.link,
        printer: printing.status(),
        businessDate: services.businessDate(), dayState: ledger.dayState(),
      };
    },
    /** Background work: the sync worker and the start-up chain verification. */
    startBackground(): void {
      syncWorker.start();
      backup.start();
      services.closing.startBackground();
      setTimeout(() => { void services.verifyLedger(); }, 100).unref?.();
    },
    async close(): Promise<void> {
      backup.stop();
      services.claims.stop();
      services.closing.stop();
      await syncWorker.stop();
      db.close();
      log.flush();
    },
  };
  return services;
}
export type Services = ReturnType<typeof createServices>;

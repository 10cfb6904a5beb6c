import { AppError } from '../../../shared/errors';
import { zoneOfProvince, type TimeZone } from '../../../shared/dates';
import type { Role } from '../../../shared/roles';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { AuthService } from '../auth/auth-service';
import { hashPin } from '../auth/pin';
import type { SettingsService } from '../settings';
import { readableCaFile } from '../central/ca-file';
import type { Logger } from '../log';
import { enrolCounter, type EnrolInput } from '../enrolment';
import { insertUser } from '../users/user-store';
import type { PrinterService } from './printer';
import { checkServer } from './server-check';
import type { PrinterInput } from '../../../shared/contract/technician';
import type { RecoveryKeys } from '../backup/recovery-key';

export interface FirstUserInput { username: string; displayName: string; pin: string }

/** Who acts in the wizard: nobody is signed in yet. */
export const SETUP_ACTOR: AuditActor = { userId: null, username: 'setup' };

/**
 * The first-run wizard's steps. Each is callable without a session while the counter needs
 * setting up, and each refuses once it is set up: afterwards the same things are done by a
 * signed-in technician (or, for re-enrolment, not from here at all).
 */
export function createSetupService(deps: {
  db: Db; settings: SettingsService; audit: Audit; auth: AuthService; clock: () => Date; log: Logger;
  printer: PrinterService; recoveryKeys: RecoveryKeys; setupNeeded: () => boolean;
}) {
  const { db, settings, audit, auth, clock, log } = deps;

  function assertOpen(): void {
    if (!deps.setupNeeded()) throw new AppError('FORBIDDEN', 'wizard.alreadyDone');
  }
  const enrolled = () => Boolean(settings.get().branch.code && settings.get().counter.id);

  return {
    state() {
      const st = settings.get();
      const isEnrolled = enrolled();
      return {
        setupNeeded: deps.setupNeeded(),
        enrolled: isEnrolled,
        hasUsers: auth.userCount() > 0,
        hasRecoveryKey: deps.recoveryKeys.status() !== null,
        serverUrl: st.central.url,
        branch: isEnrolled ? { code: st.branch.code, name: st.branch.name, timeZone: st.branch.timeZone } : null,
        counter: isEnrolled ? { number: st.counter.number, id: st.counter.id } : null,
      };
    },

    checkServer(url: string, caFile?: string) {
      assertOpen();
      return checkServer(url, clock, 5000, { pin: '', caFile: readableCaFile(caFile ?? '') });
    },

    async enrol(input: EnrolInput & { caFile?: string }) {
      assertOpen();
      const caFile = readableCaFile(input.caFile ?? '');
      if (caFile !== settings.get().central.caFile) settings.update((cur) => ({ ...cur, central: { ...cur.central, caFile } }));
      const next = await enrolCounter({ settings, audit, clock }, input, SETUP_ACTOR);
      // DOMAIN.md §6: the zone follows the branch's province; the server's answer is the fallback.
      const fromRegion = zoneOfProvince(next.branch.provinceCode);
      const zone: TimeZone = fromRegion ?? next.branch.timeZone;
      const differed = fromRegion !== null && fromRegion !== next.branch.timeZone;
      if (differed) {
        log.warn({ province: next.branch.provinceCode, server: next.branch.timeZone, region: fromRegion }, 'server time zone differs from the region; the region wins');
        db.transaction(() => {
          audit.record(SETUP_ACTOR, 'setup.timeZone', zone, { server: next.branch.timeZone, province: next.branch.provinceCode });
          settings.update((cur) => ({ ...cur, branch: { ...cur.branch, timeZone: zone } }));
        })();
      }
      const st = settings.get();
      return {
        branch: { code: st.branch.code, name: st.branch.name, provinceCode: st.branch.provinceCode, timeZone: st.branch.timeZone },
        counter: { number: st.counter.number, id: st.counter.id },
        zoneFrom: fromRegion ? ('region' as const) : ('server' as const),
        zoneDiffered: differed,
      };
    },

    savePrinter(input: PrinterInput) {
      assertOpen();
      return deps.printer.save(input, SETUP_ACTOR);
    },

    discoverPrinters() {
      assertOpen();
      return deps.printer.discover();
    },

    testPrint() {
      assertOpen();
      return deps.printer.testPrint(SETUP_ACTOR);
    },

    /** The branch's recovery key, shown once; made again freely until set-up ends (nothing is backed up yet). */
    newRecoveryKey() {
      assertOpen();
      return deps.recoveryKeys.make(SETUP_ACTOR, { replace: true });
    },

    printRecoveryKey(identity: string) {
      assertOpen();
      return deps.recoveryKeys.print(identity, SETUP_ACTOR);
    },

    confirmRecoveryKey(recipient: string) {
      assertOpen();
      return deps.recoveryKeys.confirm(recipient, SETUP_ACTOR);
    },

    /** The first head, and the technician's own account when given: only while no user exists. */
    async createFirstUsers(input: { head: FirstUserInput; technician?: FirstUserInput }) {
      assertOpen();
      if (auth.userCount() > 0) throw new AppError('CONFLICT', 'wizard.usersExist');
      const wanted: { u: FirstUserInput; role: Role; field: string }[] = [{ u: input.head, role: 'head', field: 'head.username' }];
      if (input.technician) wanted.push({ u: input.technician, role: 'technician', field: 'technician.username' });
      const hashed = await Promise.all(wanted.map(async (w) => ({ ...w, pinHash: await hashPin(w.u.pin) })));
      const at = clock().toISOString();
      return db.transaction(() => {
        // Checked again inside the transaction: two wizards racing must not both create a head.
        if (auth.userCount() > 0) throw new AppError('CONFLICT', 'wizard.usersExist');
        const users = hashed.map((w) => insertUser(db, { username: w.u.username, displayName: w.u.displayName, role: w.role, pinHash: w.pinHash }, at, w.field));
        for (const u of users) audit.record(SETUP_ACTOR, 'users.create', u.username, { role: u.role, firstRun: true });
        return users;
      }).immediate();
    },
  };
}
export type SetupService = ReturnType<typeof createSetupService>;

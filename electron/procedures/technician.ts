import type { Handlers } from '../router/router';
import type { technicianContract } from '../../shared/contract/technician';
import type { Services } from '../services/services';
import type { Session } from '../services/auth/sessions';
import { collectDiagnostics } from '../services/diagnostics/diagnostics';
import { exportLogs } from '../services/diagnostics/export-logs';
import { repinCentral } from '../services/central/repin';

const actor = (s: Session | null) => ({ userId: s?.userId ?? null, username: s?.username ?? null });

export function technicianHandlers(s: Services): Handlers<typeof technicianContract> {
  return {
    'printer.get': () => s.printer.get(),
    'printer.save': (input, ctx) => s.printer.save(input, actor(ctx.session)),
    'printer.testPrint': (_i, ctx) => s.printer.testPrint(actor(ctx.session)),
    'printer.discover': () => s.printer.discover(),
    'printer.status': async () => {
      await s.printer.refresh();
      const p = s.printer.get();
      return { status: p.status, checkedAt: p.checkedAt, target: p.target };
    },

    'central.repin': ({ pin }, ctx) => repinCentral(s, pin, actor(ctx.session)),
    'diagnostics.get': (input) => collectDiagnostics({ ...s, sync: s.sync, verification: s.verification }, input),
    'diagnostics.exportLogs': async (_i, ctx) => {
      await new Promise<void>((resolve) => { s.log.flush(() => resolve()); });
      const st = s.settings.get();
      const out = exportLogs({
        dataDir: s.dataDir, now: s.clock(),
        header: { version: s.version, branch: st.branch.code, counterId: st.counter.id, settingsProblem: s.settings.problem },
      });
      s.audit.record(actor(ctx.session), 'diagnostics.exportLogs', out.fileName, { bytes: out.bytes, lines: out.lines });
      return { path: out.path, fileName: out.fileName, bytes: out.bytes, lines: out.lines, base64: out.content.toString('base64') };
    },

    'backup.settings': () => s.backup.settings(),
    'backup.saveSettings': (input, ctx) => { s.backup.saveSettings(input, actor(ctx.session)); return { ok: true as const }; },
    'backup.now': ({ dir }, ctx) => s.backup.backupNow(dir || undefined, actor(ctx.session)),
    'backup.list': ({ dir }) => s.backup.list(dir || undefined),
    'backup.restore': (input, ctx) => s.backup.restore(input, actor(ctx.session)),
    'backup.newRecoveryKey': ({ replace }, ctx) => s.recoveryKeys.make(actor(ctx.session), { replace }),
    'backup.printRecoveryKey': ({ identity }, ctx) => s.recoveryKeys.print(identity, actor(ctx.session)),
    'backup.confirmRecoveryKey': ({ recipient }, ctx) => s.recoveryKeys.confirm(recipient, actor(ctx.session)),

    'users.list': () => ({ users: s.users.list() }),
    'users.create': ({ username, displayName, role, pin }, ctx) => s.users.create({ username, displayName, role, pin }, ctx.session!),
    'users.resetPin': async ({ userId, pin }, ctx) => { await s.users.resetPin(userId, pin, ctx.session!); return { ok: true as const }; },
    'users.setDisabled': ({ userId, disabled }, ctx) => { s.users.setDisabled(userId, disabled, ctx.session!); return { ok: true as const }; },
  };
}

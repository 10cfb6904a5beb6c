import { identityToRecipient } from 'age-encryption';
import { AppError } from '../../../shared/errors';
import { recoveryKeySlip } from '../../../shared/receipts/builders-recovery';
import type { Db } from '../db/open';
import type { Audit, AuditActor } from '../audit';
import type { SettingsService } from '../settings';
import { createConnection } from '../printing/connection';
import { renderEscPos } from '../printing/escpos';
import { isPrinterError } from '../printing/errors';
import { newRecoveryKey, parseRecoveryKey } from './age-file';

// The branch's recovery key. Made on request (first-run wizard, or the backup screen of a counter
// that has none), shown once, printed for the safe, and only once the technician confirms they
// stored it is its PUBLIC half saved in the settings. The secret is never written anywhere by
// Loket: not in settings, not in the ledger, not in the audit log, not in the print queue (the
// slip goes straight to the printer, like the test page).

export interface RecoveryKeyStatus { recipient: string; createdAt: string }

export function createRecoveryKeys(deps: { db: Db; settings: SettingsService; audit: Audit; clock: () => Date }) {
  const { db, settings, audit, clock } = deps;
  // The recipient of the key last made and not yet confirmed (public; the secret is not kept).
  let pending: { recipient: string; createdAt: string } | null = null;

  function status(): RecoveryKeyStatus | null {
    const b = settings.get().backup;
    return b.recoveryRecipient ? { recipient: b.recoveryRecipient, createdAt: b.recoveryKeyCreatedAt } : null;
  }

  /** Checks that `identity` is the key just made (so a slip is printed only for it). */
  async function pendingIdentity(identityText: string): Promise<{ identity: string; recipient: string }> {
    const identity = parseRecoveryKey(identityText);
    const recipient = await identityToRecipient(identity);
    if (!pending || pending.recipient !== recipient) throw new AppError('CONFLICT', 'err.backup.keyNotPending');
    return { identity, recipient };
  }

  return {
    status,

    /** A new key pair; the secret goes back to the caller to be shown once and is kept nowhere. */
    async make(actor: AuditActor, opts: { replace: boolean }): Promise<{ identity: string; recipient: string; createdAt: string }> {
      if (status() && !opts.replace) throw new AppError('CONFLICT', 'err.backup.keyExists');
      const key = await newRecoveryKey();
      const createdAt = clock().toISOString();
      pending = { recipient: key.recipient, createdAt };
      audit.record(actor, 'backup.recoveryKey.make', key.recipient, { replace: opts.replace });
      return { ...key, createdAt };
    },

    /** The slip for the safe, straight to the printer (never queued: the queue is on disk). */
    async print(identityText: string, actor: AuditActor): Promise<{ target: string; bytes: number }> {
      const { identity, recipient } = await pendingIdentity(identityText);
      const st = settings.get();
      const p = st.printer;
      const conn = createConnection(p);
      const doc = recoveryKeySlip({
        identity, recipient, cpl: p.charsPerLine, at: clock(), zone: st.branch.timeZone,
        branchName: st.branch.name || undefined, counterId: st.counter.id || undefined,
      }, { lang: st.language });
      const bytes = renderEscPos(doc, { cpl: p.charsPerLine, charset: p.codePage });
      try {
        await conn.send(bytes);
      } catch (e) {
        audit.record(actor, 'backup.recoveryKey.print.failed', recipient, { target: conn.target });
        if (isPrinterError(e)) throw e.toAppError();
        throw new AppError('UNAVAILABLE', 'printing.err.io');
      }
      audit.record(actor, 'backup.recoveryKey.print', recipient, { target: conn.target });
      return { target: conn.target, bytes: bytes.length };
    },

    /** The technician stored the key: from now on every backup is encrypted to it. */
    confirm(recipient: string, actor: AuditActor): RecoveryKeyStatus {
      if (!pending || pending.recipient !== recipient) throw new AppError('CONFLICT', 'err.backup.keyNotPending');
      const { createdAt } = pending;
      const previous = status()?.recipient ?? null;
      db.transaction(() => {
        audit.record(actor, 'backup.recoveryKey.confirm', recipient, { previous });
        settings.update((cur) => ({ ...cur, backup: { ...cur.backup, recoveryRecipient: recipient, recoveryKeyCreatedAt: createdAt } }));
      })();
      pending = null;
      return { recipient, createdAt };
    },
  };
}
export type RecoveryKeys = ReturnType<typeof createRecoveryKeys>;

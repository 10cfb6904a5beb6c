import { describe, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { testClock, testHost } from '../../support/host';
import { enrol, testCentral } from '../../support/central';
import { createLoketHost } from '../../../electron/host';
import { cashPayment } from './closing-helpers';

// A crash between any two steps of a closing leaves the day OPEN/CLOSING with no CLOSING
// entry (resumable or cancellable), or CLOSED with exactly one — never CLOSED without it.
// A child process closes the day and is SIGKILLed at each step in turn; the file is reopened.

const CHILD = fileURLToPath(new URL('./closing-crash-child.ts', import.meta.url));
const DAY = '2026-11-25';
/** Where the child is killed; `counted+` kills it right after letting it go into the confirmation. */
const KILL_AT = ['ready', 'started', 'reconciled', 'counted', 'counted+', 'committed', 'sent', 'printed', 'pdf', 'done'] as const;

function runChild(dataDir: string, clockIso: string, killAt: string): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(CHILD, [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, LOKET_DATA_DIR: dataDir, LOKET_CLOCK: clockIso, LOKET_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let killed = false;
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => { stderr = (stderr + b.toString('utf8')).slice(-4000); });
    child.on('message', (m: { step: string }) => {
      if (m.step === killAt) { killed = child.kill('SIGKILL'); return; }
      child.send('go');
      if (`${m.step}+` === killAt) killed = child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ killed, code, stderr }));
  });
}

describe('a crash during the closing', () => {
  it.for(KILL_AT)('killed at %s: the day is open/closing with no CLOSING entry, or closed with exactly one', { timeout: 90_000 }, async (killAt, { expect }) => {
    const clock = testClock();
    const central = await testCentral({ now: clock.fn });
    const first = await testHost({ clock });
    try {
      await enrol(first, central);
      cashPayment(first, 50_400);
      cashPayment(first, 54_600);
      await first.close(); // the child has the file to itself

      const run = await runChild(first.dir, clock.now.toISOString(), killAt);
      expect(run.killed, `the child ended on its own (code ${run.code}):\n${run.stderr}`).toBe(true);

      const host = createLoketHost({ dataDir: first.dir, clock: clock.fn, logToStderr: true });
      try {
        const s = host.services;
        const day = s.db.prepare('SELECT state, closing_entry_id FROM business_days WHERE business_date = ?').get(DAY) as { state: string; closing_entry_id: string | null } | undefined;
        const closings = s.db.prepare("SELECT id FROM ledger_entries WHERE kind = 'CLOSING' AND business_date = ?").all(DAY) as { id: string }[];
        const state = day?.state ?? 'OPEN';
        if (state === 'CLOSED') {
          expect(closings).toHaveLength(1);
          expect(day!.closing_entry_id).toBe(closings[0].id);
          // What the crash cut short (PDF, acknowledgement) is redone on the next start.
          await s.closing.resume();
          const [h] = s.closing.history(10);
          expect(h).toMatchObject({ entryId: closings[0].id, pdfSaved: true, difference: 0 });
          expect(h.centralClosingId).not.toBeNull();
        } else {
          expect(['OPEN', 'CLOSING']).toContain(state);
          expect(closings).toHaveLength(0);
          if (['ready'].includes(killAt)) expect(state).toBe('OPEN');
          // Resumable: the closing goes through in the reopened file.
          const actor = { userId: 'x', username: 'kepala', displayName: 'Bambang Wijaya' };
          if (state === 'OPEN') s.closing.start(actor);
          await s.closing.reconcile(actor);
          s.closing.count(actor, { N100000: 1, N5000: 1 });
          const done = await s.closing.confirm(actor, { counts: { N100000: 1, N5000: 1 }, pin: '123456' });
          expect(done.difference).toBe(0);
          expect(existsSync(s.db.prepare('SELECT pdf_path FROM closings').pluck().get() as string)).toBe(true);
        }
        expect((await s.verifyLedger()).ok).toBe(true);
      } finally {
        await host.close();
      }
    } finally {
      await first.cleanup().catch(() => undefined);
      await central.dispose();
    }
  });
});

import { createServices } from '../../../electron/services/services';
import { createClosing } from '../../../electron/services/closing/wire';

// Child process of the crash test: opens the counter's data folder and closes the day step by
// step. Before each step it tells the parent where it is and waits for "go"; the parent
// SIGKILLs it at the step under test.

const dataDir = process.env.LOKET_DATA_DIR!;
const now = new Date(process.env.LOKET_CLOCK!);
const clock = () => now;

function checkpoint(step: string): Promise<void> {
  return new Promise((resolve) => {
    process.once('message', () => resolve());
    process.send!({ step });
  });
}

const s = createServices({ dataDir, clock, logToStderr: true });
const closing = createClosing({
  db: s.db, ledger: s.ledger, audit: s.audit, auth: s.auth, central: s.central, sync: s.sync, printing: s.printing,
  settings: s.settings, clock, dataDir, onStep: checkpoint,
});
const head = s.db.prepare("SELECT id, username, display_name FROM users WHERE username = 'kepala'").get() as { id: string; username: string; display_name: string };
const actor = { userId: head.id, username: head.username, displayName: head.display_name };
const counts = { N100000: 1, N5000: 1 };

await checkpoint('ready');
closing.start(actor);
await checkpoint('started');
await closing.reconcile(actor);
await checkpoint('reconciled');
closing.count(actor, counts);
await checkpoint('counted');
await closing.confirm(actor, { counts, reason: 'selisih uji', pin: '123456' }); // steps: committed, sent, printed, pdf
await checkpoint('done');
await s.close();
process.exit(0);

// A counter process for the crash test: takes payments in a loop and pushes them to the
// central server, printing "ACK <id> <hash>" after each payment's transaction has committed.
// The parent kills it with SIGKILL at random moments.
import { createLoketHost } from '../../electron/host';

const dataDir = process.argv[2];
const host = createLoketHost({ dataDir, logToStderr: false });
const s = host.services;
const teller = s.auth.listUsers().find((u) => u.role === 'teller');
if (!teller) throw new Error('no teller in the crash-test counter');
s.sync.start();
process.stdout.write('READY\n');

let n = 0;
function payOne(): void {
  n++;
  const { entry } = s.ledger.record(
    {
      kind: 'CONTRIBUTION', userId: teller!.id, participantId: '01KCRASHPARTICIPANT0000001', amount: 16800 + (n % 7) * 100,
      paymentMethod: 'CASH', breakdown: { JKK: 10000, JKM: 6800 }, payload: { months: ['2026-11'] },
    },
    { actor: { userId: teller!.id, username: teller!.username }, action: 'payment.create' },
  );
  process.stdout.write(`ACK ${entry.id} ${entry.hash}\n`);
  setImmediate(payOne);
}
setImmediate(payOne);

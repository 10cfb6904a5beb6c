import { PDFParse } from 'pdf-parse';
import { signInAs, testClock, testHost, type TestClock } from '../../support/host';
import { enrol, testCentral } from '../../support/central';
import type { LoketHost } from '../../../electron/host';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';

// A counter (real services, SQLite in a temp folder) enrolled with the central double over
// real HTTP, with sessions for a teller, the head and the technician.

export type Host = Awaited<ReturnType<typeof testHost>>;
export type Central = Awaited<ReturnType<typeof testCentral>>;

export interface Counter {
  host: Host;
  central: Central | null;
  clock: TestClock;
  teller: string;
  head: string;
  tech: string;
  call<T = unknown>(procedure: string, input: unknown, session: string): Promise<{ ok: true; output: T } | { ok: false; error: { code: string; key: string; fields?: { path: string; key: string }[] } }>;
  out<T = any>(procedure: string, input: unknown, session: string): Promise<T>;
  dispose(): Promise<void>;
}

export async function counter(opts: { online?: boolean } = {}): Promise<Counter> {
  const clock = testClock();
  const host = await testHost({ clock });
  const central = opts.online === false ? null : await testCentral({ now: clock.fn });
  if (central) await enrol(host, central);
  const call: Counter['call'] = (procedure, input, session) => host.router.call({ procedure, input, session }, 'direct') as never;
  return {
    host, central, clock,
    teller: await signInAs(host, 'siti', '111111'),
    head: await signInAs(host, 'kepala', '123456'),
    tech: await signInAs(host, 'teknisi', '999999'),
    call,
    async out(procedure, input, session) {
      const r = await call(procedure, input, session);
      if (!r.ok) throw new Error(`${procedure} failed: ${JSON.stringify(r.error)}`);
      return r.output as never;
    },
    async dispose() {
      await host.cleanup();
      await central?.dispose();
    },
  };
}

let participantNo = 0;
/** A cash payment of `amount` through the ledger, as the payment service writes it. */
export function cashPayment(host: LoketHost, amount: number, extra: { cashReceived?: number } = {}): LedgerEntryRow {
  const userId = (host.services.db.prepare("SELECT id FROM users WHERE username = 'siti'").get() as { id: string }).id;
  const received = extra.cashReceived ?? amount;
  return host.services.ledger.record(
    {
      kind: 'CONTRIBUTION', userId, participantId: `P-${++participantNo}`, amount, paymentMethod: 'CASH',
      breakdown: { totals: { due: { JKK: Math.round(amount * 0.6), JKM: amount - Math.round(amount * 0.6), JHT: 0 } } },
      payload: { months: ['2026-11'], cashReceived: received, change: received - amount },
    },
    { actor: { userId, username: 'siti' }, action: 'test.payment' },
  ).entry;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

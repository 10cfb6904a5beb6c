import { join } from 'node:path';
import { ulid } from 'ulid';
import { testHost, signInAs, testClock, type TestClock } from '../../support/host';
import { startVirtualPrinter, type VirtualPrinter } from '../../../electron/services/printing/virtual-printer';
import type { ParticipantRow } from '../../../electron/services/participants/repo';
import type { Services } from '../../../electron/services/services';
import type { RpcResult } from '../../../electron/router/router';

// A counter for the payment tests: a real host (SQLite, settings) in a temp folder, a virtual
// printer on a loopback port set as the counter's printer, and sessions for a teller and a head.

export interface PaymentHost {
  host: Awaited<ReturnType<typeof testHost>>;
  services: Services;
  clock: TestClock;
  printer: VirtualPrinter | null;
  teller: string;
  head: string;
  call(procedure: string, input: unknown, session?: string | null): Promise<RpcResult>;
  /** The output of a call that must succeed. */
  ok<T = any>(procedure: string, input: unknown, session?: string | null): Promise<T>;
  /** Signs the teller and the head in again (after the clock jumped past the idle lock). */
  relogin(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function paymentHost(opts: { clock?: TestClock; cpl?: 32 | 48; printer?: boolean } = {}): Promise<PaymentHost> {
  const clock = opts.clock ?? testClock();
  const host = await testHost({ clock });
  const services = host.services;
  const cpl = opts.cpl ?? 48;
  let printer: VirtualPrinter | null = null;
  if (opts.printer !== false) {
    printer = await startVirtualPrinter({ dir: join(host.dir, 'printer'), cpl });
    const port = printer.port;
    services.settings.update((cur) => ({
      ...cur, printer: { ...cur.printer, kind: 'virtual', port, paperWidth: cpl === 32 ? 58 : 80, charsPerLine: cpl },
    }));
  }
  const ph = {} as PaymentHost;
  const call = (procedure: string, input: unknown, session: string | null = ph.teller) =>
    host.router.call({ procedure, input, session }, 'direct');
  return Object.assign(ph, {
    host, services, clock, printer, call,
    teller: await signInAs(host, 'siti', '111111'),
    head: await signInAs(host, 'kepala', '123456'),
    async relogin() {
      ph.teller = await signInAs(host, 'siti', '111111');
      ph.head = await signInAs(host, 'kepala', '123456');
    },
    async ok(procedure: string, input: unknown, session: string | null = ph.teller) {
      const r = await call(procedure, input, session);
      if (!r.ok) throw new Error(`${procedure} failed: ${JSON.stringify(r.error)}`);
      return r.output as never;
    },
    async cleanup() {
      await printer?.close();
      await host.cleanup();
    },
  });
}

export const MARKET_TRADER_NIK = '3201234505800001';

/**
 * A participant registered at this counter, written the way a registration is: the
 * REGISTRATION entry and the participants row in one ledger transaction.
 */
export function seedParticipant(s: Services, overrides: Partial<ParticipantRow> = {}): ParticipantRow {
  const now = s.clock().toISOString();
  const id = overrides.id ?? ulid();
  const base: ParticipantRow = {
    id, nik: MARKET_TRADER_NIK, kpj: null, name: 'SRI WAHYUNI', birth_place: 'Nganjuk', birth_date: '1980-05-05',
    sex: 'F', mother_name: 'SUMINAH', phone: '081234567890', address: 'Pasar Wage, Nganjuk', village_code: null,
    district_code: null, regency_code: '3518', province_code: '35', occupation_code: 'TRD01', transport: 0,
    income_band: 1, declared_income: null, programs: JSON.stringify(['JKK', 'JKM']), origin: 'local',
    registered_branch_code: '64400', registered_branch_name: 'KCU Nganjuk', registered_at: now,
    registration_entry_id: null, updated_at: now,
  };
  const row = { ...base, ...overrides, id };
  if (row.origin === 'central') {
    s.participants.insert(row);
    return row;
  }
  s.ledger.record({
    kind: 'REGISTRATION', userId: 'seed', participantId: id, amount: 0,
    payload: {
      participant: {
        id, nik: row.nik, name: row.name, birthDate: row.birth_date, sex: row.sex, phone: row.phone,
        occupationCode: row.occupation_code, transport: row.transport === 1, incomeBand: row.income_band,
        programs: JSON.parse(row.programs), address: row.address, motherName: row.mother_name, birthPlace: row.birth_place,
      },
    },
  }, { actor: { userId: null, username: 'seed' }, action: 'registration.create' }, (entry) => {
    row.registration_entry_id = entry.id;
    s.participants.insert(row);
  });
  return row;
}

export function count(s: Services, sql: string, ...params: unknown[]): number {
  return (s.db.prepare(sql).get(...params) as { n: number }).n;
}

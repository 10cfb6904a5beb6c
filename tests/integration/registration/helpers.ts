import { join } from 'node:path';
import type { RpcResult } from '../../../electron/router/router';
import { enrolCounter } from '../../../electron/services/enrolment';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { signInAs, testClock, testHost, type TestClock } from '../../support/host';
import { startCentralServer, type CentralServer } from '../../central/server';
import type { RegistrationForm } from '../../../shared/contract/registration';

// A real host (SQLite in a temp folder, demo branch KCU Nganjuk) signed in as teller siti,
// optionally enrolled with a real central double on 127.0.0.1.

export type Host = Awaited<ReturnType<typeof testHost>>;

let serial = 0;
/** A valid registration: a man born 17/05/1990 in Sawahan, Nganjuk (NIK 351801 170590 nnnn). */
export function form(overrides: Partial<RegistrationForm> = {}): RegistrationForm {
  serial += 1;
  return {
    nik: `351801170590${String(serial).padStart(4, '0')}`,
    name: 'Budi Santoso',
    birthPlace: 'Nganjuk',
    birthDate: '1990-05-17',
    sex: 'M',
    motherName: 'Sri Wahyuni',
    phone: '0812 3456 7890',
    address: 'Jl. Merdeka 1 RT 01/RW 02',
    provinceCode: '35',
    regencyCode: '3518',
    districtCode: '351801',
    villageCode: '3518012001',
    occupationCode: 'TRD01',
    incomeBand: 1,
    jht: false,
    ...overrides,
  };
}

export async function tellerHost(opts: { clock?: TestClock } = {}) {
  const clock = opts.clock ?? testClock();
  const host = await testHost({ clock });
  const session = await signInAs(host, 'siti', '111111');
  const call = (procedure: string, input: unknown, as = session): Promise<RpcResult> =>
    host.router.call({ procedure, input, session: as }, 'direct');
  return { host, clock, session, call };
}

/** The central double with the demo branch, and the host enrolled with it as counter 1. */
export async function withCentral(host: Host, clock: TestClock): Promise<CentralServer> {
  const central = await startCentralServer({ dbPath: join(host.dir, 'central.sqlite'), port: 0, adminSecret: 'secret', now: clock.fn });
  central.admin.createBranch(DEMO_BRANCH);
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await enrolCounter(host.services, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'test' });
  return central;
}

export function ok<T = any>(r: RpcResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.output as T;
}

export function counts(host: Host) {
  const n = (sql: string) => (host.services.db.prepare(sql).get() as { n: number }).n;
  return {
    entries: n('SELECT COUNT(*) AS n FROM ledger_entries'),
    participants: n('SELECT COUNT(*) AS n FROM participants'),
    outbox: n('SELECT COUNT(*) AS n FROM outbox'),
    audit: n("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'registration.%'"),
  };
}

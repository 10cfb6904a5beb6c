import { join } from 'node:path';
import { expect } from 'vitest';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { EnrolResponse, Period } from '../../../shared/protocol/central';
import { DEMO_BRANCH } from '../../../electron/demo/seed';
import { enrolCounter } from '../../../electron/services/enrolment';
import type { RpcResult } from '../../../electron/router/router';
import { startCentralServer, type CentralServer } from '../../central/server';
import { createChain, registrationPayload } from '../../central/entry-builder';
import { signInAs, testHost, type TestClock } from '../../support/host';
import { call, makeParticipant } from '../central/helpers';
import { form } from '../registration/helpers';

// Set-up of the monitoring tests: a real counter (SQLite in a temp folder) enrolled with a real
// central double on 127.0.0.1, other branches' counters enrolled through the protocol and
// pushing hash-chained registrations, and the local counter's own registrations and payments
// written through the real registration and payment services.

export type Host = Awaited<ReturnType<typeof testHost>>;

export const SURABAYA = { code: '60000', name: 'KCU Surabaya', provinceCode: '35', regencyCode: '3578' };
export const KEDIRI = { code: '64100', name: 'KC Kediri', provinceCode: '35', regencyCode: '3571' };
export const BANDUNG = { code: '40000', name: 'KCU Bandung', provinceCode: '32', regencyCode: '3273' };

/** Period III 2026 with a small target, so the figures are easy to check by hand. */
export const PERIODS: Period[] = [
  { id: 'P-2026-2', name: 'Periode II 2026', from: '2026-05-01', to: '2026-08-31', target: 500 },
  { id: 'P-2026-3', name: 'Periode III 2026', from: '2026-09-01', to: '2026-12-31', target: 20 },
];

export function ok<T = any>(r: RpcResult): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.output as T;
}

export async function startCentral(host: Host, clock: TestClock): Promise<CentralServer> {
  const central = await startCentralServer({
    dbPath: join(host.dir, 'central', 'central.sqlite'), port: 0, adminSecret: 'secret', now: clock.fn,
    seed: { branches: [DEMO_BRANCH, SURABAYA, KEDIRI, BANDUNG], periods: PERIODS },
  });
  return central;
}

/** The host's counter 1, enrolled with the double through the real protocol. */
export async function enrolHost(host: Host, central: CentralServer): Promise<void> {
  const { code } = central.admin.createEnrolCode({ branchCode: DEMO_BRANCH.code });
  await enrolCounter(host.services, { url: central.url, code, branchCode: DEMO_BRANCH.code, counterNumber: 1 }, { userId: null, username: 'test' });
}

/** Another counter (of another branch, or counter 2 of this one), enrolled via /v1/devices:enrol. */
export async function enrolDevice(central: CentralServer, branchCode: string, counterNumber: number, clock: TestClock): Promise<EnrolResponse> {
  const { code } = central.admin.createEnrolCode({ branchCode });
  const reply = await call<EnrolResponse>(central.url, 'POST', '/v1/devices:enrol', {
    body: { code, branchCode, counterNumber, clientTime: clock.now.toISOString() },
  });
  if (reply.status !== 200) throw new Error(`enrol failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Pushes `dates.length` registrations from a device, and voids the ones at `voided` indexes. */
export async function pushRegistrations(central: CentralServer, device: EnrolResponse, dates: string[], voided: number[] = []): Promise<void> {
  const chain = createChain({ counterId: device.counterId, branchCode: device.branch.code });
  const rows: LedgerEntryRow[] = dates.map((d) => {
    const p = makeParticipant();
    return chain.next({ kind: 'REGISTRATION', business_date: d, participant_id: p.id, payload: registrationPayload(p) });
  });
  for (const i of voided) rows.push(chain.next({ kind: 'VOID', business_date: rows[i].business_date, ref_entry_id: rows[i].id }));
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries: rows }, token: device.token });
  expect(reply.status).toBe(200);
  expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual(rows.map(() => 'accepted'));
}

export function actor(host: Host, username: string) {
  const u = host.services.db.prepare('SELECT id, username, display_name FROM users WHERE username = ?').get(username) as
    { id: string; username: string; display_name: string };
  return { userId: u.id, username: u.username, displayName: u.display_name };
}

/** A registration through the real registration service; returns the participant id and entry id. */
export async function register(host: Host, teller: string, name: string): Promise<{ participantId: string; entryId: string }> {
  const r = await host.services.registration.create(form({ name }), actor(host, teller));
  return { participantId: r.participant.id, entryId: r.entryId };
}

/** A one-month cash payment through the real payment service. */
export async function pay(host: Host, teller: string, participantId: string): Promise<string> {
  const r = await host.services.payment.create({ participantId, months: 1, cashTendered: 1_000_000 }, actor(host, teller));
  return r.entryId;
}

/** A head voids a registration (no UI procedure does yet): a VOID entry in one ledger transaction. */
export function voidRegistration(host: Host, entryId: string): string {
  const head = actor(host, 'kepala');
  const { entry } = host.services.db.transaction(() => host.services.ledger.record(
    { kind: 'VOID', userId: head.userId, amount: 0, refEntryId: entryId, payload: { reason: 'salah input' } },
    { actor: head, action: 'test.voidRegistration', target: entryId },
  ))();
  return entry.id;
}

export async function sessions(host: Host) {
  return {
    head: await signInAs(host, 'kepala', '123456'),
    teller: await signInAs(host, 'siti', '111111'),
    technician: await signInAs(host, 'teknisi', '999999'),
  };
}

import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createChain, registrationPayload } from '../../central/entry-builder';
import type { CentralServer } from '../../central/server';
import { counts, form, ok, tellerHost, withCentral, type Host } from './helpers';

// With the central double over real HTTP: a NIK registered at another branch is refused here
// (and offered for payment), and a registration made offline gets its KPJ when sync runs.

let host: Host | null = null;
let central: CentralServer | null = null;
afterEach(async () => {
  await central?.close();
  await host?.cleanup();
  host = null;
  central = null;
});

async function setup() {
  const t = await tellerHost();
  host = t.host;
  central = await withCentral(t.host, t.clock);
  return { ...t, central };
}

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const BANDUNG = { code: '40000', name: 'KCU Bandung', provinceCode: '32', regencyCode: '3273' };

describe('registration against the central server', () => {
  it('refuses a NIK registered at another branch, says where and when, and lets the teller take it over for payment', async () => {
    const { host, call, central } = await setup();
    central.admin.createBranch(BANDUNG);
    const chain = createChain({ counterId: '40000-01', branchCode: BANDUNG.code, businessDate: '2026-10-02' });
    const nik = '3273015705900001';
    const reg = chain.next({
      kind: 'REGISTRATION', participant_id: 'P-BANDUNG-1', created_at: '2026-10-02T02:00:00.000Z',
      payload: registrationPayload({ id: 'P-BANDUNG-1', nik, name: 'Siti Aminah', birthDate: '1990-05-17', incomeBand: 2, occupationCode: 'TRN02' }),
    });
    expect(central.admin.plantEntry(reg).status).toBe('accepted');

    const check = ok(await call('registration.checkNik', { nik }));
    expect(check).toMatchObject({
      ok: true, central: 'online',
      existing: { participantId: 'P-BANDUNG-1', foundAt: 'central', branchName: 'KCU Bandung', registeredAt: '2026-10-02T02:00:00.000Z', kpj: expect.stringMatching(/^\d{11}$/) },
    });

    const before = counts(host);
    const r = await call('registration.create', form({
      nik, sex: 'F', name: 'Siti Aminah', provinceCode: '32', regencyCode: '3273', districtCode: '327301', villageCode: '3273011001',
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'CONFLICT', key: 'err.registration.duplicateCentral', params: { participantId: 'P-BANDUNG-1', branch: 'KCU Bandung' } });
    expect(r.error.fields).toEqual([expect.objectContaining({ path: 'nik' })]);
    expect(counts(host)).toEqual(before);

    // Search: not here, so asked at central and shown as such, not stored.
    const found = ok(await call('participants.search', { query: nik }));
    expect(found.central).toBe('online');
    expect(found.results).toEqual([expect.objectContaining({ id: 'P-BANDUNG-1', source: 'central', match: 'nik', origin: 'central' })]);
    expect(host.services.participants.byNik(nik)).toBeNull();

    // Proceeding to payment stores the participant locally (origin 'central'), with an audit row.
    const adopted = ok(await call('participants.adopt', { nik }));
    expect(adopted).toMatchObject({ id: 'P-BANDUNG-1', origin: 'central', registeredBranchName: 'KCU Bandung', incomeBand: 2, transport: true, registrationEntryId: null });
    expect(host.services.audit.recent(3).some((a) => a.action === 'participants.adopt' && a.target === 'P-BANDUNG-1')).toBe(true);
    const local = ok(await call('participants.search', { query: adopted.kpj }));
    expect(local.results[0]).toMatchObject({ id: 'P-BANDUNG-1', source: 'local', match: 'kpj' });
    expect(local.central).toBe('notAsked');
    expect((await call('registration.print', { participantId: 'P-BANDUNG-1' })).ok).toBe(false);
  });

  it('registers offline (central unreachable) and receives the KPJ number with sync', async () => {
    const { host, call, central } = await setup();
    const url = host.services.settings.get().central.url;
    const port = await closedPort();
    host.services.settings.update((s) => ({ ...s, central: { ...s.central, url: `http://127.0.0.1:${port}` } }));

    const check = ok(await call('registration.checkNik', { nik: '3518011705900077' }));
    expect(check).toMatchObject({ ok: true, existing: null, central: 'offline' });
    const out = ok(await call('registration.create', form({ nik: '3518011705900077' })));
    expect(out.participant.kpj).toBeNull();
    expect((await host.services.sync.drainOnce()).failed).toBe(true);
    expect(host.services.participants.byId(out.participant.id)!.kpj).toBeNull();

    // Back online: the outbox drains and the acknowledgement carries the KPJ.
    host.services.settings.update((s) => ({ ...s, central: { ...s.central, url } }));
    const drained = await host.services.sync.drainOnce();
    expect(drained).toMatchObject({ failed: false, accepted: 1 });
    const after = ok(await call('participants.get', { id: out.participant.id }));
    expect(after.kpj).toMatch(/^\d{11}$/);
    const atCentral = await fetch(`${central.url}/v1/participants?nik=3518011705900077`, {
      headers: { authorization: `Bearer ${host.services.settings.get().central.token}` },
    }).then((r) => r.json());
    expect(atCentral).toMatchObject({ participantId: out.participant.id, kpj: after.kpj, branchCode: '64400' });
    // And the NIK is now refused here and found by its KPJ.
    expect((await call('registration.create', form({ nik: '3518011705900077' }))).ok).toBe(false);
    expect(ok(await call('participants.search', { query: after.kpj })).results[0]).toMatchObject({ id: out.participant.id, match: 'kpj' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { personalDataSchema, registrationPayloadV2Schema } from '../../../shared/protocol/personal-data';
import { commitTo, createPersonalDataStore } from '../../../electron/services/participants/personal-data';
import { signInAs } from '../../support/host';
import { counts, form, ok, tellerHost, type Host } from './helpers';

// Registration through the router, as the UI calls it: one transaction writes the entry, its
// outbox row, the participant and the audit row; the service refuses what the UI let through.

let host: Host | null = null;
afterEach(async () => { await host?.cleanup(); host = null; });

async function setup() {
  const t = await tellerHost();
  host = t.host;
  return t;
}

describe('registration.create', () => {
  it('writes the REGISTRATION entry, outbox row, participant (waiting for KPJ) and audit row together', async () => {
    const { host, call } = await setup();
    const input = form({ name: 'Budi Santoso', jht: true });
    const out = ok(await call('registration.create', input));

    expect(out.participant).toMatchObject({
      nik: input.nik, kpj: null, origin: 'local', name: 'Budi Santoso', phone: '+6281234567890',
      programs: ['JKK', 'JKM', 'JHT'], incomeBand: 1, registeredBranchCode: '64400', villageCode: '3518012001',
    });
    expect(out.participant.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const entry = host.services.ledger.byId(out.entryId)!;
    expect(entry).toMatchObject({ kind: 'REGISTRATION', amount: 0, participant_id: out.participant.id, business_date: '2026-11-25' });
    expect(entry.receipt_no).toBe('64400-01-20261125-0001');
    expect(out.reference).toBe(entry.receipt_no);
    // The chain holds what the rates depend on and a commitment; the personal data sits beside it.
    const payload = registrationPayloadV2Schema.parse(JSON.parse(entry.payload!));
    expect(payload.participant).toEqual({ id: out.participant.id, programs: ['JKK', 'JKM', 'JHT'], incomeBand: 1, transport: false, occupationCode: 'TRD01' });
    for (const secret of [input.nik, 'Budi Santoso', 'Sri Wahyuni', '1990-05-17', 'Merdeka', '6281234567890']) expect(entry.payload).not.toContain(secret);
    const [version] = createPersonalDataStore(host.services.db).versions(out.participant.id);
    expect(version).toMatchObject({ version: 1, entry_id: entry.id, erased_at: null });
    const data = personalDataSchema.parse(JSON.parse(version.data!));
    expect(data).toMatchObject({ nik: input.nik, name: 'Budi Santoso', motherName: 'Sri Wahyuni', birthDate: '1990-05-17', regionCode: '3518012001' });
    expect(commitTo(version.salt!, data)).toBe(payload.personal.commitment);
    expect(payload.personal.version).toBe(1);
    expect(counts(host)).toEqual({ entries: 1, participants: 1, outbox: 1, audit: 1 });
    const audit = host.services.audit.recent(5).find((a) => a.action === 'registration.create')!;
    expect(audit).toMatchObject({ username: 'siti', target: out.participant.id });
    expect(audit.detail).not.toContain(input.nik); // the audit log keeps the NIK masked

    // November 2026, a trader (not transport): PP 50/2025 halves JKK and JKM, JHT stays.
    expect(out.quote.programs).toEqual([
      { code: 'JKK', full: 10_000, reduction: 5_000, due: 5_000 },
      { code: 'JKM', full: 6_800, reduction: 3_400, due: 3_400 },
      { code: 'JHT', full: 20_000, reduction: 0, due: 20_000 },
    ]);
    expect(out.quote.total).toBe(28_400);
    // No printer is set up: the registration stands and the slip waits in the queue.
    expect(out.print).toMatchObject({ ok: false, errorKey: expect.stringMatching(/^printing\.err\./) });
    expect(ok(await call('participants.get', { id: out.participant.id })).nik).toBe(input.nik);
  });

  it('refuses a contradiction between the NIK and the typed birth date or sex, next to that field, writing nothing', async () => {
    const { host, call } = await setup();
    const before = counts(host);
    const wrongDate = await call('registration.create', form({ birthDate: '1990-05-18' }));
    expect(wrongDate.ok).toBe(false);
    if (wrongDate.ok) return;
    expect(wrongDate.error.code).toBe('INVALID_INPUT');
    expect(wrongDate.error.fields).toEqual([expect.objectContaining({ path: 'birthDate', key: 'warn.nik.birthDate' })]);

    const wrongSex = await call('registration.create', form({ sex: 'F' }));
    expect(!wrongSex.ok && wrongSex.error.fields).toEqual([expect.objectContaining({ path: 'sex', key: 'warn.nik.sexMale' })]);
    expect(counts(host)).toEqual(before);
  });

  it('refuses bad phone, unknown occupation, bad NIK and regions the UI would not offer, with typed field errors', async () => {
    const { host, call } = await setup();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ phone: '12345' }, 'phone', 'err.phone.prefix'],
      [{ phone: '0812' }, 'phone', 'err.registration.phoneLength'],
      [{ occupationCode: 'XXX99' }, 'occupationCode', 'err.occupation.unknown'],
      [{ nik: '35180117059' }, 'nik', 'err.registration.nikLength'],
      [{ nik: '3518011705900A01' }, 'nik', 'err.registration.nikDigits'],
      [{ nik: '3599011705900001' }, 'nik', 'err.nik.regency'],
      [{ nik: '3518013102900001', birthDate: '1990-02-31' }, 'birthDate', 'err.registration.birthDate'],
      [{ villageCode: '3518019999' }, 'villageCode', 'err.registration.village'],
      [{ villageCode: '3518022001' }, 'villageCode', 'err.registration.regionNesting'],
      [{ incomeBand: 99 }, 'incomeBand', 'err.registration.incomeBand'],
      [{ incomeBand: undefined }, 'incomeBand', 'err.registration.incomeBand'],
      [{ name: ' ' }, 'name', 'err.registration.nameRequired'],
      [{ extra: 'x' }, '', 'err.unknownField'],
    ];
    for (const [patch, path, key] of cases) {
      const r = await call('registration.create', { ...form(), ...patch });
      expect(r.ok, JSON.stringify(patch)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.fields, JSON.stringify(patch)).toContainEqual(expect.objectContaining({ path, key }));
      expect(r.error.message).toBeTruthy();
    }
    expect(counts(host)).toEqual({ entries: 0, participants: 0, outbox: 0, audit: 0 });
  });

  it('the service refuses bad input even when called without the router', async () => {
    const { host } = await setup();
    const teller = { userId: 'u', username: 'siti', displayName: 'Siti' };
    await expect(host.services.registration.create({ ...form(), sex: 'F' }, teller)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(host.services.registration.create({ ...form(), occupationCode: 'NOPE1' }, teller)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(counts(host).entries).toBe(0);
  });

  it('treats an address in another regency than the NIK as a note, not an error', async () => {
    const { call } = await setup();
    const out = ok(await call('registration.create', form({ provinceCode: '32', regencyCode: '3273', districtCode: '327301', villageCode: '3273011001' })));
    expect(out.notes).toEqual([expect.objectContaining({ key: 'warn.nik.regency' })]);
  });

  it('refuses a NIK registered at this counter: CONFLICT with where, when and the participant id', async () => {
    const { host, call } = await setup();
    const first = ok(await call('registration.create', form({ nik: '3518015705900001', sex: 'F', name: 'Siti Aminah' })));
    const before = counts(host);
    const again = await call('registration.create', form({ nik: '3518 0157 0590 0001', sex: 'F', name: 'Siti Aminah' }));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error).toMatchObject({
      code: 'CONFLICT', key: 'err.registration.duplicateLocal',
      params: { participantId: first.participant.id, branch: 'KCU Nganjuk', registeredAtIso: first.participant.registeredAt, registeredAt: expect.stringMatching(/WIB$/) },
    });
    expect(again.error.message).toContain('KCU Nganjuk');
    expect(counts(host)).toEqual(before);

    const check = ok(await call('registration.checkNik', { nik: '3518015705900001' }));
    expect(check).toMatchObject({ ok: true, existing: { participantId: first.participant.id, foundAt: 'local' }, central: 'notAsked' });
    expect(check.facts).toMatchObject({ birthDate: '1990-05-17', sex: 'F', regencyName: expect.stringMatching(/Nganjuk/i), districtName: 'Sawahan' });
  });

  it('checkNik reports what is wrong with a NIK without asking anyone', async () => {
    const { call } = await setup();
    const bad = ok(await call('registration.checkNik', { nik: '3518017205900001' }));
    expect(bad).toMatchObject({ ok: false, facts: null, errors: [{ key: 'err.nik.birthDate' }] });
    const notEnrolled = ok(await call('registration.checkNik', { nik: '3518011705900009' }));
    expect(notEnrolled).toMatchObject({ ok: true, existing: null, central: 'notEnrolled' });
  });

  it('is for tellers and heads only: a technician cannot register or look participants up', async () => {
    const { host, call } = await setup();
    const tech = await signInAs(host, 'teknisi', '999999');
    for (const [p, input] of [['registration.create', form()], ['participants.search', { query: 'Budi' }], ['registration.quote', { incomeBand: 1, jht: false }]] as const) {
      const r = await call(p, input, tech);
      expect(r.ok === false && r.error.code, p).toBe('FORBIDDEN');
    }
    const head = await signInAs(host, 'kepala', '123456');
    expect((await call('registration.create', form(), head)).ok).toBe(true);
  });

  it('quotes per band, program choice and occupation (transport keeps its reduction to March 2027)', async () => {
    const { call } = await setup();
    const q1 = ok(await call('registration.quote', { incomeBand: 1, jht: false, occupationCode: 'TRD01' }));
    expect(q1).toMatchObject({ month: '2026-11', total: 8_400, totalFull: 16_800, reduction: { regulation: 'PP 50/2025', amount: 8_400 } });
    const q10 = ok(await call('registration.quote', { declaredIncome: 2_800_000, jht: true, occupationCode: 'TRN02' }));
    expect(q10.band).toMatchObject({ no: 10, dpp: 2_950_000 });
    expect(q10).toMatchObject({ transport: true, totalFull: 29_500 + 6_800 + 59_000, total: 14_750 + 3_400 + 59_000 });
    const bands = ok(await call('registration.bands', {}));
    expect(bands.bands).toHaveLength(33);
  });

  it('lists regions down to villages and the occupation pick-list', async () => {
    const { call } = await setup();
    expect(ok(await call('regions.list', {})).items).toHaveLength(38);
    expect(ok(await call('regions.list', { parent: '35' })).items).toContainEqual({ code: '3518', name: expect.stringMatching(/Nganjuk/i) });
    expect(ok(await call('regions.list', { parent: '3518' })).items).toContainEqual({ code: '351801', name: 'Sawahan' });
    const villages = ok(await call('regions.list', { parent: '351801' }));
    expect(villages.level).toBe('village');
    expect(villages.items).toContainEqual({ code: '3518012001', name: 'Bendolo' });
    expect((await call('regions.list', { parent: '351' })).ok).toBe(false);
    const occ = ok(await call('occupations.list', {}));
    expect(occ.groups[0].items).toContainEqual(expect.objectContaining({ code: 'TRN02', transport: true }));
  });
});

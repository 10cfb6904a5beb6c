import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participantResponseSchema, type EnrolResponse } from '../../../shared/protocol/central';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { contributionPayload, createChain, registrationPayload, type Chain } from '../../central/entry-builder';
import { BANDUNG, call, enrolDevice, makeParticipant, NGANJUK, startTestCentral, type TestCentral } from './helpers';

// GET /v1/participants by NIK or KPJ: a worker registered at one branch can pay at another.

let central: TestCentral;
let bandung: EnrolResponse;
let nganjuk: EnrolResponse;
let chain: Chain;

beforeAll(async () => {
  central = await startTestCentral();
  bandung = await enrolDevice(central, BANDUNG.code, 1);
  nganjuk = await enrolDevice(central, NGANJUK.code, 1);
  chain = createChain({ counterId: bandung.counterId, branchCode: BANDUNG.code, businessDate: '2026-11-25' });
});
afterAll(() => central.stop());

async function push(entries: LedgerEntryRow[]) {
  const reply = await call(central.url, 'POST', '/v1/transactions:batch', { body: { entries }, token: bandung.token });
  return reply.body.results as { id: string; status: string; kpj?: string }[];
}

const lookup = (query: string, token = nganjuk.token) => call(central.url, 'GET', `/v1/participants?${query}`, { token });

describe('GET /v1/participants', () => {
  it('finds a participant by NIK and by KPJ from another branch, with paid months minus voided ones', async () => {
    const p = makeParticipant({ name: 'Siti Aminah', programs: ['JKK', 'JKM', 'JHT'], incomeBand: 3, occupationCode: 'OJOL' });
    const reg = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p), created_at: '2026-11-25T03:10:00.000Z' });
    const pay1 = chain.next({ kind: 'CONTRIBUTION', participant_id: p.id, amount: 33_600, payload: contributionPayload(['2026-11', '2026-12']) });
    const pay2 = chain.next({ kind: 'CONTRIBUTION', participant_id: p.id, amount: 16_800, payload: contributionPayload(['2027-01']) });
    const voidPay2 = chain.next({ kind: 'VOID', participant_id: p.id, amount: -16_800, ref_entry_id: pay2.id });
    const [r] = await push([reg, pay1, pay2, voidPay2]);

    const byNik = await lookup(`nik=${p.nik}`);
    expect(byNik.status).toBe(200);
    expect(participantResponseSchema.parse(byNik.body)).toEqual({
      participantId: p.id, nik: p.nik, kpj: r.kpj, name: 'Siti Aminah', birthDate: '1990-05-17',
      branchCode: BANDUNG.code, branchName: BANDUNG.name, registeredAt: '2026-11-25T03:10:00.000Z',
      programs: ['JKK', 'JKM', 'JHT'], incomeBand: 3, occupationCode: 'OJOL', paidMonths: ['2026-11', '2026-12'],
    });
    const byKpj = await lookup(`kpj=${r.kpj}`);
    expect(byKpj.body).toEqual(byNik.body);
  });

  it('lists a month once when two contributions cover it, and a void of one keeps the other', async () => {
    const p = makeParticipant();
    const reg = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p) });
    const a = chain.next({ kind: 'CONTRIBUTION', participant_id: p.id, amount: 16_800, payload: contributionPayload(['2026-10']) });
    const b = chain.next({ kind: 'CONTRIBUTION', participant_id: p.id, amount: 16_800, payload: contributionPayload(['2026-10', '2026-09']) });
    const v = chain.next({ kind: 'VOID', participant_id: p.id, amount: -16_800, ref_entry_id: a.id });
    await push([reg, a, b, v]);
    expect((await lookup(`nik=${p.nik}`)).body.paidMonths).toEqual(['2026-09', '2026-10']);
  });

  it('answers 404 for an unknown NIK and for a participant whose registration was voided', async () => {
    expect((await lookup('nik=3273019999990001')).status).toBe(404);
    const p = makeParticipant();
    const reg = chain.next({ kind: 'REGISTRATION', participant_id: p.id, payload: registrationPayload(p) });
    const [r] = await push([reg]);
    expect((await lookup(`kpj=${r.kpj}`)).status).toBe(200);
    await push([chain.next({ kind: 'VOID', ref_entry_id: reg.id })]);
    const gone = await lookup(`kpj=${r.kpj}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
    expect((await lookup(`nik=${p.nik}`)).status).toBe(404);
  });

  it('answers 400 for both, neither, or a malformed NIK/KPJ', async () => {
    for (const q of ['', 'nik=3273011705900001&kpj=12345678901', 'nik=12345', 'kpj=abc', 'name=Siti']) {
      const reply = await lookup(q);
      expect(reply.status, q).toBe(400);
      expect(reply.body.error.code).toBe('INVALID_INPUT');
    }
  });

  it('answers 401 without a token', async () => {
    const reply = await call(central.url, 'GET', '/v1/participants?nik=3273011705900001');
    expect(reply.status).toBe(401);
  });
});

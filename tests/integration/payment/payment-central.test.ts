import { afterEach, describe, expect, it } from 'vitest';
import { testClock } from '../../support/host';
import { enrolCounter } from '../../../electron/services/enrolment';
import { addMonths, monthOf } from '../../../shared/domain/months';
import { contributionPayload, createChain, registrationPayload } from '../../central/entry-builder';
import { BANDUNG, enrolDevice, startTestCentral, type TestCentral } from '../central/helpers';
import { paymentHost, seedParticipant, type PaymentHost } from './helpers';

// A worker registered in Bandung pays at the Nganjuk counter: the months paid there come from
// the central server (the real double over HTTP) and are merged with the ones paid here.

let h: PaymentHost | null = null;
let central: TestCentral | null = null;
afterEach(async () => {
  await h?.cleanup();
  await central?.stop();
  h = null;
  central = null;
});

describe('payment for a participant registered elsewhere', () => {
  it('merges the months paid elsewhere, and goes on with local months when central is unreachable', async () => {
    central = await startTestCentral();
    // Enrolment checks the counter's clock against the server's: use the real time.
    h = await paymentHost({ clock: testClock(new Date().toISOString()), printer: false });
    const s = h.services;
    const { code } = central.admin.createEnrolCode({ branchCode: '64400' });
    await enrolCounter(s, { url: central.url, code, branchCode: '64400', counterNumber: 1 }, { userId: null, username: 'test' });

    const current = monthOf(s.ledger.today());
    const [m2, m1] = [addMonths(current, -2), addMonths(current, -1)];
    const bandung = await enrolDevice(central, BANDUNG.code);
    const chain = createChain({ counterId: bandung.counterId, branchCode: BANDUNG.code, businessDate: `${m2}-05` });
    const worker = { id: 'P-BDG-1', nik: '3273015705900007', name: 'SITI AMINAH', birthDate: '1990-05-17' };
    const reg = chain.next({ kind: 'REGISTRATION', participant_id: worker.id, payload: registrationPayload(worker) });
    const paid = chain.next({ kind: 'CONTRIBUTION', participant_id: worker.id, amount: 33_600, payment_method: 'CASH', receipt_no: 'BDG-1', payload: contributionPayload([m2, m1]) });
    for (const e of [reg, paid]) expect(central.admin.plantEntry(e).status).toBe('accepted');

    // What participants.adopt stores: the worker as known from central.
    seedParticipant(s, {
      id: worker.id, nik: worker.nik, name: worker.name, kpj: '12345678901', origin: 'central',
      registered_branch_code: BANDUNG.code, registered_branch_name: BANDUNG.name, registered_at: `${m2}-05T03:00:00.000Z`,
      occupation_code: 'TRD01',
    });
    await h.relogin();
    const o = await h.ok('payment.options', { participantId: worker.id });
    expect(o.central).toBe('merged');
    expect(o.coverage).toMatchObject({ paidUntil: m1, arrears: [] });
    expect(o.payableMonths[0]).toBe(current);
    expect(o.participant).toMatchObject({ origin: 'central', registeredBranchName: BANDUNG.name });

    const out = await h.ok('payment.create', { participantId: worker.id, months: 1, cashTendered: 20_000 });
    expect(out.months).toEqual([current]);
    const next = await h.ok('payment.options', { participantId: worker.id });
    expect(next.coverage.paidUntil).toBe(current);

    // Central gone: the counter still answers, with what it knows and a note.
    await central.stop();
    central = null;
    const offline = await h.ok('payment.options', { participantId: worker.id });
    expect(offline.central).toBe('offline');
    expect(offline.payableMonths).not.toContain(current);
  });
});

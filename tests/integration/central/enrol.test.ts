import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolResponseSchema, errorBodySchema, healthResponseSchema } from '../../../shared/protocol/central';
import { BANDUNG, call, NGANJUK, startTestCentral, type TestCentral } from './helpers';

// Device enrolment with one-time codes over real HTTP.

let central: TestCentral;
const fixedNow = new Date('2026-11-25T03:00:00.000Z');

beforeAll(async () => {
  central = await startTestCentral({ now: () => fixedNow });
});
afterAll(() => central.stop());

const enrol = (code: string, branchCode: string = BANDUNG.code, counterNumber = 1) =>
  call(central.url, 'POST', '/v1/devices:enrol', { body: { code, branchCode, counterNumber, clientTime: '2026-11-25T10:00:05+07:00' } });

describe('GET /v1/health', () => {
  it('answers without a token, with the server clock', async () => {
    const reply = await call(central.url, 'GET', '/v1/health');
    expect(reply.status).toBe(200);
    expect(healthResponseSchema.parse(reply.body)).toEqual({ ok: true, serverTime: fixedNow.toISOString() });
  });
});

describe('POST /v1/devices:enrol', () => {
  it('enrols with a good code: device id, token, branch, counter id, server time', async () => {
    const { code } = central.admin.createEnrolCode({ branchCode: BANDUNG.code, code: 'GOOD-0001' });
    const reply = await enrol(code, BANDUNG.code, 2);
    expect(reply.status).toBe(200);
    const body = enrolResponseSchema.parse(reply.body);
    expect(body.branch).toEqual({ ...BANDUNG, timeZone: 'Asia/Jakarta' });
    expect(body.counterId).toBe('40000-02');
    expect(body.serverTime).toBe(fixedNow.toISOString());
    // The token opens the authenticated endpoints.
    const targets = await call(central.url, 'GET', '/v1/targets', { token: body.token });
    expect(targets.status).toBe(200);
  });

  it('compares the code without case, spaces or dashes', async () => {
    central.admin.createEnrolCode({ branchCode: BANDUNG.code, code: 'ABCD-EFGH' });
    const reply = await enrol(' abcd efgh ', BANDUNG.code, 3);
    expect(reply.status).toBe(200);
  });

  it('refuses a used code with ENROL_CODE_USED (409)', async () => {
    const { code } = central.admin.createEnrolCode({ branchCode: BANDUNG.code });
    expect((await enrol(code, BANDUNG.code, 4)).status).toBe(200);
    const again = await enrol(code, BANDUNG.code, 5);
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(again.body).error.code).toBe('ENROL_CODE_USED');
    expect(again.body.error.message).toMatch(/sudah pernah dipakai/);
  });

  it('refuses an expired code with ENROL_CODE_EXPIRED (410)', async () => {
    const { code } = central.admin.createEnrolCode({ branchCode: BANDUNG.code, expiresAt: '2026-11-25T02:59:59.000Z' });
    const reply = await enrol(code);
    expect(reply.status).toBe(410);
    expect(reply.body.error.code).toBe('ENROL_CODE_EXPIRED');
  });

  it('refuses an unknown code with ENROL_CODE_UNKNOWN (404)', async () => {
    const reply = await enrol('ZZZZ-9999');
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('ENROL_CODE_UNKNOWN');
  });

  it('refuses a code of another branch with ENROL_BRANCH_MISMATCH (422), and the code stays usable', async () => {
    const { code } = central.admin.createEnrolCode({ branchCode: NGANJUK.code });
    const wrong = await enrol(code, BANDUNG.code);
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('ENROL_BRANCH_MISMATCH');
    expect((await enrol(code, NGANJUK.code)).status).toBe(200);
  });

  it('re-enrolling a counter keeps its counter id and retires the old token', async () => {
    const first = await enrol(central.admin.createEnrolCode({ branchCode: NGANJUK.code }).code, NGANJUK.code, 7);
    const second = await enrol(central.admin.createEnrolCode({ branchCode: NGANJUK.code }).code, NGANJUK.code, 7);
    expect(second.body.counterId).toBe(first.body.counterId);
    expect((await call(central.url, 'GET', '/v1/targets', { token: first.body.token })).status).toBe(401);
    expect((await call(central.url, 'GET', '/v1/targets', { token: second.body.token })).status).toBe(200);
  });

  it('answers 400 with field details for a wrong counter number', async () => {
    const reply = await call(central.url, 'POST', '/v1/devices:enrol', {
      body: { code: 'ABCD-1234', branchCode: BANDUNG.code, counterNumber: 'satu', clientTime: 'kemarin' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('INVALID_INPUT');
    const paths = reply.body.error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['counterNumber', 'clientTime']));
  });
});

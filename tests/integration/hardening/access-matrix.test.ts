import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/roles';
import { MONEY_ROLES } from '../../../shared/roles';
import { ACCESS_MATRIX } from '../../../electron/router/access-matrix';
import { startBridge, type Bridge } from '../../../electron/bridge/server';
import { signInAs, testHost } from '../../support/host';

// Every procedure × {teller, head, technician, signed-out} × {direct, bridge}: exactly the roles
// of the matrix get past the access check. Input is a number, which no procedure accepts, so an
// allowed call stops at input validation (INVALID_INPUT) and nothing runs or changes.

let h: Awaited<ReturnType<typeof testHost>>;
let bridge: Bridge;
const sessions: Record<Role, string> = {} as Record<Role, string>;

beforeAll(async () => {
  h = await testHost();
  bridge = await startBridge({ router: h.router });
  sessions.teller = await signInAs(h, 'siti', '111111');
  sessions.head = await signInAs(h, 'kepala', '123456');
  sessions.technician = await signInAs(h, 'teknisi', '999999');
}, 60_000);
afterAll(async () => { await bridge.close(); await h.cleanup(); });

async function viaBridge(procedure: string, session: string | null) {
  const res = await fetch(`${bridge.origin}/api/rpc`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify({ procedure, input: 42, session }),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

const allowed = (access: (typeof contract)[keyof typeof contract]['access'], who: Role | 'none') =>
  access === 'public' || (who !== 'none' && (access as readonly Role[]).includes(who));

describe('the role × procedure matrix', () => {
  it('lists exactly the procedures of the contract, with the same roles', () => {
    expect(Object.keys(ACCESS_MATRIX).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, def] of Object.entries(contract)) expect(def.access, name).toEqual(ACCESS_MATRIX[name]);
  });

  it('gives a technician nothing that touches money', () => {
    const moneyAreas = /^(payment|history|closing|cash|registration|participants|monitoring|claims)\./;
    for (const [name, access] of Object.entries(ACCESS_MATRIX)) {
      if (moneyAreas.test(name)) {
        expect(access, name).not.toBe('public');
        expect((access as readonly Role[]).every((r) => MONEY_ROLES.includes(r)), name).toBe(true);
      }
    }
  });

  for (const name of Object.keys(contract) as (keyof typeof contract)[]) {
    it(`${name}: only ${JSON.stringify(contract[name].access)} get through, directly and over the bridge`, async () => {
      for (const who of [...ROLES, 'none'] as const) {
        const session = who === 'none' ? null : sessions[who];
        const direct = await h.router.call({ procedure: name, input: 42, session }, 'direct');
        const overHttp = await viaBridge(name, session);
        for (const r of [direct, overHttp]) {
          expect(r.ok, `${name} as ${who}`).toBe(false);
          const code = (r as { error: { code: string } }).error.code;
          if (allowed(contract[name].access, who)) expect(code, `${name} as ${who}`).toBe('INVALID_INPUT');
          else expect(code, `${name} as ${who}`).toBe(who === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      }
    });
  }
});

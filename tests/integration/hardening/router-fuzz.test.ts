import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { signInAs, testHost } from '../../support/host';
import { hostileInput, TEN_MB } from '../../support/hostile';

// Every router procedure gets ≥ RUNS generated hostile inputs, as every role and signed out:
// never a crash (INTERNAL), always a typed error with an Indonesian message, and a refused
// call writes nothing.

const RUNS = Number(process.env.LOKET_FUZZ_RUNS ?? 10_000);
// Calls that end the caller's own session are fuzzed signed-out and as a throw-away session.
const SESSION_ENDING = new Set(['auth.signOut', 'auth.lock']);

let h: Awaited<ReturnType<typeof testHost>>;
const sessions: Record<string, string | null> = {};
beforeAll(async () => {
  h = await testHost();
  sessions.teller = await signInAs(h, 'siti', '111111');
  sessions.head = await signInAs(h, 'kepala', '123456');
  sessions.technician = await signInAs(h, 'teknisi', '999999');
  sessions.none = null;
}, 60_000);
afterAll(async () => { await h.cleanup(); });

function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

const totalChanges = () => (h.services.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

describe('fuzzing every router procedure', () => {
  const names = Object.keys(contract) as (keyof typeof contract)[];
  let cases = 0;

  for (const name of names) {
    it(`${name}: hostile inputs get typed errors and change nothing`, async () => {
      const def = contract[name];
      const roles = SESSION_ENDING.has(name) ? ['none'] : ['teller', 'head', 'technician', 'none'];
      await fc.assert(
        fc.asyncProperty(hostileInput(keysOf(def.input)), fc.constantFrom(...roles), async (input, role) => {
          cases++;
          const before = totalChanges();
          const r = await h.router.call({ procedure: name, input, session: sessions[role] }, 'direct');
          expect(typeof r.ok).toBe('boolean');
          if (r.ok) {
            // Walking the router: whatever wrote something must be declared `mutates` (and so audited).
            if (totalChanges() !== before) expect(def.mutates, `${name} wrote but is not marked mutates`).toBe(true);
            return;
          }
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.code, JSON.stringify(r.error).slice(0, 300)).not.toBe('INTERNAL');
          expect(typeof r.error.message).toBe('string');
          expect(r.error.message!.length).toBeGreaterThan(0);
          if (['INVALID_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'SESSION_LOCKED'].includes(r.error.code)) {
            expect(totalChanges(), `${name} as ${role} wrote although refused`).toBe(before);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.LOKET_FUZZ_SEED ?? Date.now() % 1e9) },
      );
      // 10 MB strings, as the whole input and in each field.
      for (const input of [TEN_MB, ...keysOf(def.input).map((k) => ({ [k]: TEN_MB }))]) {
        cases++;
        const before = totalChanges();
        const r = await h.router.call({ procedure: name, input, session: sessions[roles[0]] }, 'direct');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.code).not.toBe('INTERNAL');
        expect(totalChanges()).toBe(before);
      }
    }, 600_000);
  }

  it('counted the cases', () => {
    console.log(`router fuzz: ${cases} generated inputs over ${names.length} procedures (${RUNS} each)`);
    expect(cases).toBeGreaterThanOrEqual(RUNS * names.length);
  });
});

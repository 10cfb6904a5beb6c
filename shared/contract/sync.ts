import { z } from 'zod';
import { procedure } from './define';
import { empty } from './common';

const verifyResult = z.object({
  ok: z.boolean(), checked: z.number().int(), total: z.number().int(),
  firstBad: z.object({ seq: z.number().int(), id: z.string(), reason: z.enum(['seq-gap', 'prev-hash', 'hash']) }).nullable(),
});

export const syncContract = {
  /** "Kirim sekarang": push what waits in the outbox now. */
  'sync.sendNow': procedure({
    access: ['teller', 'head', 'technician'],
    input: empty,
    output: z.object({
      sent: z.number().int(), accepted: z.number().int(), duplicate: z.number().int(), rejected: z.number().int(),
      failed: z.boolean(), waiting: z.number().int(), online: z.boolean(), lastError: z.string().nullable(),
    }),
  }),
  'sync.status': procedure({
    access: ['teller', 'head', 'technician'],
    passive: true,
    input: empty,
    output: z.object({
      online: z.boolean(), waiting: z.number().int(), rejected: z.number().int(),
      lastSyncAt: z.string().nullable(), lastError: z.string().nullable(), nextAttemptAt: z.string().nullable(),
    }),
  }),
  /** Chain verification: start one (it runs in the background) or read its progress. */
  'ledger.verify': procedure({
    access: ['head', 'technician'],
    input: empty,
    output: verifyResult,
  }),
  'ledger.verification': procedure({
    access: ['head', 'technician'],
    passive: true,
    input: empty,
    output: z.object({
      running: z.boolean(),
      progress: z.object({ checked: z.number().int(), total: z.number().int() }).nullable(),
      result: verifyResult.nullable(),
      at: z.string().nullable(),
    }),
  }),
} as const;

import { z } from 'zod';
import { ledgerEntryRowSchema } from '../../shared/ledger/entry';
import { branchSchema, periodSchema, timeZoneSchema } from '../../shared/protocol/central';

// Bodies of the double's /admin endpoints (not part of the published protocol).

export const adminBranchSchema = branchSchema.extend({ timeZone: timeZoneSchema.optional() });

export const adminEnrolCodeSchema = z.object({
  branchCode: z.string().min(1).max(32),
  code: z.string().trim().min(4).max(32).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  ttlSeconds: z.number().int().min(-10 * 365 * 86400).max(10 * 365 * 86400).optional(),
});

/** An entry stored only at central; its hash is computed when left out. */
export const adminPlantSchema = z.object({
  entry: ledgerEntryRowSchema.extend({ hash: ledgerEntryRowSchema.shape.hash.optional() }),
});

/** Changes a stored entry behind the ledger's back, to test reconciliation. */
export const adminAlterSchema = z.object({
  id: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  amount: z.number().int().refine(Number.isSafeInteger).optional(),
}).refine((v) => v.hash !== undefined || v.amount !== undefined, { error: 'hash or amount', path: ['hash'] });

export const adminPeriodsSchema = z.object({
  periods: z.array(periodSchema).max(1000),
  branchTargets: z.array(z.object({
    periodId: z.string().min(1), branchCode: z.string().min(1).max(32), target: z.number().int().min(0),
  })).max(100_000).optional(),
}).refine((v) => (v.branchTargets ?? []).every((t) => v.periods.some((p) => p.id === t.periodId)),
  { error: 'unknown periodId', path: ['branchTargets'] });

export const adminSeedSchema = z.object({
  seed: z.number().int(),
  count: z.number().int().min(0).max(2000).optional(),
  minPerBranch: z.number().int().min(0).max(100_000).optional(),
  maxPerBranch: z.number().int().min(0).max(100_000).optional(),
  periodId: z.string().min(1).optional(),
});

import { z } from 'zod';
import { procedure } from './define';
import { empty } from './common';
import type { Role } from '../roles';

// Monitoring (issue 9, DOMAIN.md §8): the branch against its target of new participants in the
// current evaluation period, per teller and counter, day by day, its rank from the central
// standings, and the participants to win back. Only the branch head sees it.

const HEAD: readonly Role[] = ['head'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const count = z.number().int().min(0);

export const monitoringPeriodSchema = z.object({
  id: z.string(), name: z.string(), from: isoDate, to: isoDate, target: count,
});

export const monitoringProgressSchema = z.object({
  target: count,
  /** New participants of the branch: this counter's ledger plus other counters from the standings. */
  branchTotal: count,
  /** REGISTRATION entries of this counter's ledger in the period, less the voided ones. */
  thisCounter: count,
  /** Other counters of the branch, from the central standings (null when never known). */
  otherCounters: count.nullable(),
  remaining: count,
  /** Whole per cent of the target reached (may pass 100). */
  percent: count,
  daysTotal: count,
  /** 1 on the first day of the period. */
  dayOfPeriod: count,
  /** Days left including today (0 after the period). */
  daysLeft: count,
  /** New participants a day needed from today to reach the target. */
  paceNeeded: count,
  /** What a steady pace would have reached by the end of today. */
  expectedByToday: count,
  onTrack: z.boolean(),
});

export const tellerFigureSchema = z.object({
  userId: z.string(), name: z.string(), registrations: count, payments: count, amount: z.number().int(),
});

export const counterFigureSchema = z.object({
  /** A counter id, or null for "the other counters of the branch" (central standings). */
  counterId: z.string().nullable(),
  thisCounter: z.boolean(),
  registrations: count,
  /** Payments are known only from this counter's ledger. */
  payments: count.nullable(),
  source: z.enum(['ledger', 'central']),
});

export const seriesPointSchema = z.object({
  date: isoDate, registrations: count, payments: count, cumulative: count, targetCumulative: count,
});

export const standingRowSchema = z.object({
  branchCode: z.string(), branchName: z.string(), newParticipants: count, target: count,
  rankNational: z.number().int().min(1), rankInProvince: z.number().int().min(1), mine: z.boolean(),
});

export const monitoringStandingsSchema = z.object({
  /** online: asked just now; cache: the last known, from `asOf`; none: never known for this period. */
  state: z.enum(['online', 'cache', 'none']),
  asOf: z.string().nullable(),
  mine: standingRowSchema.nullable(),
  branchesNational: count,
  branchesInProvince: count,
  /** The branches of this branch's province, by rank. */
  province: z.array(standingRowSchema),
});

export const WIN_BACK_STATUSES = ['arrears', 'due', 'lapsed'] as const;
export const winBackRowSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  kpj: z.string().nullable(),
  /** E.164 as stored, and the 08… form a person dials. */
  phone: z.string().nullable(),
  phoneLocal: z.string().nullable(),
  registeredOn: isoDate,
  paidUntil: month.nullable(),
  /** arrears: behind but still payable (closest to lapsing first); due: this month unpaid; lapsed: membership ended. */
  status: z.enum(WIN_BACK_STATUSES),
  /** Unpaid months just before this month. */
  unpaidRun: count,
  /** The current month's contribution is past its due date. */
  overdue: z.boolean(),
  lapsedSince: month.nullable(),
});

export const monitoringOverviewSchema = z.object({
  today: isoDate,
  currentMonth: month,
  generatedAt: z.string(),
  branch: z.object({ code: z.string(), name: z.string() }),
  /** null when no period is known and none contains today. */
  period: monitoringPeriodSchema.nullable(),
  /** central: asked just now; cache: the last known targets; default: never connected, the usual three periods of 500. */
  periodSource: z.enum(['central', 'cache', 'default']),
  central: z.object({
    state: z.enum(['online', 'offline', 'notEnrolled']),
    targetsFetchedAt: z.string().nullable(),
  }),
  progress: monitoringProgressSchema.nullable(),
  perTeller: z.array(tellerFigureSchema),
  perCounter: z.array(counterFigureSchema),
  series: z.array(seriesPointSchema),
  /** New participants a day that reach the target exactly over the whole period. */
  targetPacePerDay: z.number().min(0),
  standings: monitoringStandingsSchema,
  winBack: z.object({ total: count, rows: z.array(winBackRowSchema) }),
});
export type MonitoringOverview = z.infer<typeof monitoringOverviewSchema>;
export type WinBackRow = z.infer<typeof winBackRowSchema>;
export type StandingRow = z.infer<typeof standingRowSchema>;

export const monitoringContract = {
  'monitoring.overview': procedure({ access: HEAD, input: empty, output: monitoringOverviewSchema }),
  /** The overview's tables as CSV (it carries phone numbers: the export is audited). */
  'monitoring.exportCsv': procedure({
    access: HEAD,
    mutates: true, // audited: it carries phone numbers
    input: empty,
    output: z.object({ filename: z.string(), csv: z.string() }),
  }),
  /** The overview as PDF, saved under <dataDir>/reports/ and returned as base64. */
  'monitoring.exportPdf': procedure({
    access: HEAD,
    mutates: true,
    input: empty,
    output: z.object({ filename: z.string(), base64: z.string(), path: z.string() }),
  }),
} as const;

import { z } from 'zod';
import { monthSchema, monthsBetween } from './months';

// The shape of resources/rates/bpu-contribution.json. The file is checked when it is loaded,
// so a typo in a new row fails at start-up (and in the unit tests), not at the counter.

const rupiah = z.number().int().nonnegative();
const basisPoints = z.number().int().min(0).max(10_000);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const programSchema = z.enum(['JKK', 'JKM', 'JHT']);
export type Program = z.infer<typeof programSchema>;

const bandSchema = z.object({
  no: z.number().int().positive(),
  incomeFrom: rupiah,
  dpp: rupiah.positive(),
});

const scheduleSchema = z.object({
  effectiveFrom: isoDate,
  legalBasis: z.string().min(1),
  bandSource: z.string().optional(),
  jkkBasisPoints: basisPoints,
  jkmFlat: rupiah,
  jhtBasisPoints: basisPoints,
  bands: z.array(bandSchema).min(1),
}).superRefine((s, ctx) => {
  s.bands.forEach((b, i) => {
    if (b.no !== i + 1) ctx.addIssue({ code: 'custom', path: ['bands', i, 'no'], message: 'bands must be numbered 1, 2, 3… in order' });
    if (i === 0 && b.incomeFrom !== 0) ctx.addIssue({ code: 'custom', path: ['bands', 0, 'incomeFrom'], message: 'band 1 must start at income 0' });
    if (i > 0 && b.incomeFrom <= s.bands[i - 1].incomeFrom) ctx.addIssue({ code: 'custom', path: ['bands', i, 'incomeFrom'], message: 'income lower bounds must rise' });
    // Integer amounts only: 1 % of a DPP must be whole rupiah.
    for (const bp of [s.jkkBasisPoints, s.jhtBasisPoints]) {
      if ((b.dpp * bp) % 10_000 !== 0) ctx.addIssue({ code: 'custom', path: ['bands', i, 'dpp'], message: 'DPP × rate is not a whole rupiah' });
    }
  });
});

const periodSchema = z.object({
  appliesTo: z.enum(['transport', 'nonTransport', 'all']),
  from: monthSchema,
  to: monthSchema,
}).refine((p) => monthsBetween(p.from, p.to) >= 0, { message: 'period ends before it starts' });

const reductionSchema = z.object({
  id: z.string().min(1),
  regulation: z.string().min(1),
  note: z.string().optional(),
  programs: z.array(programSchema).min(1),
  discountBasisPoints: basisPoints,
  periods: z.array(periodSchema).min(1),
  excludesStateFunded: z.boolean(),
  employerEligibleDefault: z.boolean(),
});

const paymentSchema = z.object({
  note: z.string().optional(),
  monthsOffered: z.array(z.number().int().positive()).min(1),
  maxMonthsAhead: z.number().int().positive(),
  arrearsMaxMonths: z.number().int().nonnegative(),
  dueDay: z.number().int().min(1).max(28),
}).refine((p) => p.monthsOffered.every((m) => m <= p.maxMonthsAhead), { message: 'an offered month count exceeds the cap' });

function covers(appliesTo: 'transport' | 'nonTransport' | 'all', transport: boolean): boolean {
  return appliesTo === 'all' || (appliesTo === 'transport') === transport;
}

export const rateTableSchema = z.object({
  note: z.string().optional(),
  schedules: z.array(scheduleSchema).min(1),
  reductions: z.array(reductionSchema),
  rounding: z.object({ rule: z.literal('dueHalfUp'), note: z.string().optional() }),
  payment: paymentSchema,
}).superRefine((t, ctx) => {
  const dates = t.schedules.map((s) => s.effectiveFrom);
  if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', path: ['schedules'], message: 'two schedules share an effectiveFrom date' });
  // At most one reduction may apply to any month and occupation class.
  const windows = t.reductions.flatMap((r) => r.periods.map((p) => ({ id: r.id, ...p })));
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const a = windows[i], b = windows[j];
      const sameClass = [true, false].some((tr) => covers(a.appliesTo, tr) && covers(b.appliesTo, tr));
      const overlap = monthsBetween(a.from, b.to) >= 0 && monthsBetween(b.from, a.to) >= 0;
      if (sameClass && overlap) ctx.addIssue({ code: 'custom', path: ['reductions'], message: `reduction windows overlap: ${a.id} and ${b.id}` });
    }
  }
});

export type RateTable = z.infer<typeof rateTableSchema>;
export type RateSchedule = RateTable['schedules'][number];
export type ReductionRow = RateTable['reductions'][number];
export type PaymentRules = RateTable['payment'];
export type OccupationClass = ReductionRow['periods'][number]['appliesTo'];

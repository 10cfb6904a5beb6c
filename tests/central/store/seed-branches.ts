import { ulid } from 'ulid';
import type { Branch, Period } from '../../../shared/protocol/central';
import { createChain, registrationPayload } from '../entry-builder';
import { counterIdOf } from './enrolment';
import type { BranchStore } from './branches';
import type { LedgerIngest } from './ingest';
import { FIRST_NAMES, LAST_NAMES, SEED_BRANCHES } from './branch-list';
import type { BranchInput } from './branches';
import { rng } from '../../../electron/demo/rng';

// Fills central with other branches and their registrations, reproducibly from a seed, so that
// standings and ranks are computed from real entries (hash-chained, with participants and KPJ
// numbers) and a worker "registered elsewhere" can be looked up.

export interface SeedBranchesInput {
  seed: number;
  /** How many branches to add (default 30); existing branch codes are skipped. */
  count?: number;
  /** New participants per branch drawn between these (default 20 and 800). */
  minPerBranch?: number;
  maxPerBranch?: number;
}

export interface SeedBranchesResult { branches: Branch[]; registrations: number; periodId: string }

/** mulberry32, the same seeded PRNG the demo and the fault schedules use: same seed → same data. */
export const seededRandom = rng;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayMs = 86_400_000;

/** Branches to use: the list first, then made-up ones spread over the list's provinces. */
function pickBranches(count: number, taken: (code: string) => boolean): BranchInput[] {
  const out: BranchInput[] = [];
  for (const b of SEED_BRANCHES) if (out.length < count && !taken(b.code)) out.push(b);
  for (let i = 1; out.length < count; i++) {
    const base = SEED_BRANCHES[i % SEED_BRANCHES.length];
    const code = `S${pad(i, 4)}`;
    if (taken(code)) continue;
    const regency = `${base.provinceCode}.${pad(50 + (i % 40))}`;
    out.push({ code, name: `KC Contoh ${i}`, provinceCode: base.provinceCode, regencyCode: regency });
  }
  return out;
}

export function seedBranches(
  deps: { branches: BranchStore; ingest: LedgerIngest; period: Period; today: string },
  input: SeedBranchesInput,
): SeedBranchesResult {
  const rand = seededRandom(input.seed);
  const min = input.minPerBranch ?? 20;
  const max = Math.max(min, input.maxPerBranch ?? 800);
  const { period } = deps;
  // Registrations fall between the period's start and today (or its end if it is over).
  const lastDay = deps.today < period.to ? (deps.today < period.from ? period.to : deps.today) : period.to;
  const fromMs = Date.parse(`${period.from}T00:00:00Z`);
  const spanDays = Math.max(1, Math.round((Date.parse(`${lastDay}T00:00:00Z`) - fromMs) / dayMs) + 1);

  const created: Branch[] = [];
  let registrations = 0;
  const picked = pickBranches(input.count ?? 30, (code) => deps.branches.get(code) !== null);
  picked.forEach((b, branchIndex) => {
    const branch = deps.branches.put(b);
    created.push(branch);
    // Skewed towards fewer, so only a few branches reach the target, as in the 2023 evaluation.
    const n = Math.round(min + (max - min) * rand() ** 1.6);
    const days = Array.from({ length: n }, () => Math.floor(rand() * spanDays)).sort((x, y) => x - y);
    let tick = 0;
    const chain = createChain({
      counterId: counterIdOf(branch.code, 1), branchCode: branch.code, userId: 'seed',
      newId: () => ulid(fromMs + tick++, rand),
    });
    const rows = days.map((d, i) => {
      const date = new Date(fromMs + d * dayMs).toISOString().slice(0, 10);
      const female = rand() < 0.5;
      const birth = new Date(Date.UTC(1960 + Math.floor(rand() * 45), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
      const dd = birth.getUTCDate() + (female ? 40 : 0);
      const nik = `${branch.regencyCode.replace('.', '')}${pad((branchIndex % 99) + 1)}${pad(dd)}${pad(birth.getUTCMonth() + 1)}`
        + `${pad(birth.getUTCFullYear() % 100)}${pad(i + 1, 4)}`;
      const participantId = ulid(Date.parse(`${date}T02:00:00Z`), rand);
      const name = `${FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)]}`;
      return chain.next({
        kind: 'REGISTRATION', business_date: date,
        created_at: new Date(Date.parse(`${date}T01:00:00Z`) + Math.floor(rand() * 8 * 3_600_000)).toISOString(),
        participant_id: participantId,
        payload: registrationPayload({
          id: participantId, nik, name, birthDate: birth.toISOString().slice(0, 10), sex: female ? 'P' : 'L',
          programs: rand() < 0.3 ? ['JKK', 'JKM', 'JHT'] : ['JKK', 'JKM'], incomeBand: 1 + Math.floor(rand() * 5),
        }),
      });
    });
    if (rows.length > 0) {
      registrations += deps.ingest.ingest(rows, null).filter((r) => r.status === 'accepted').length;
    }
  });
  return { branches: created, registrations, periodId: period.id };
}

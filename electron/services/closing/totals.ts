import { PROGRAMS, type Program } from '../../../shared/ledger/entry';

// Totals of a day per kind and per program. An entry's program split is read from its
// `breakdown` JSON, which the payment and registration services write; several shapes are
// accepted (a PeriodPrice with `totals.due`, `{ due }`, `{ programs }`, a plain `{ JKK, JKM, JHT }`
// or a list of `{ program, amount }`). What cannot be split is UNATTRIBUTED, never dropped.

export type ProgramKey = Program | 'UNATTRIBUTED';
export const PROGRAM_KEYS: readonly ProgramKey[] = [...PROGRAMS, 'UNATTRIBUTED'];

type Split = Partial<Record<Program, number>>;

interface SplitEntry { id: string; kind: string; amount: number; breakdown: string | null; ref_entry_id: string | null }

function asSplit(v: unknown): Split | null {
  if (Array.isArray(v)) {
    const out: Split = {};
    for (const item of v) {
      const p = (item as { program?: unknown })?.program;
      const a = (item as { amount?: unknown })?.amount;
      if (typeof p === 'string' && (PROGRAMS as readonly string[]).includes(p) && Number.isSafeInteger(a)) {
        out[p as Program] = (out[p as Program] ?? 0) + (a as number);
      }
    }
    return Object.keys(out).length ? out : null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const out: Split = {};
  for (const p of PROGRAMS) if (Number.isSafeInteger(o[p])) out[p] = o[p] as number;
  return Object.keys(out).length ? out : null;
}

/** The program split of a breakdown JSON text, or null when it holds none. */
export function programSplit(breakdown: string | null): Split | null {
  if (!breakdown) return null;
  let json: unknown;
  try { json = JSON.parse(breakdown); } catch { return null; }
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const totals = o.totals as Record<string, unknown> | undefined;
  for (const candidate of [totals?.due, o.due, o.programs, o.lines, json]) {
    const split = asSplit(candidate);
    if (split) return split;
  }
  return null;
}

/**
 * Per-program amounts of money entries (REGISTRATION, CONTRIBUTION, VOID). A VOID without a
 * split of its own takes the negated split of the entry it reverses; whatever part of an
 * amount the split does not explain goes to UNATTRIBUTED.
 */
export function addProgramAmounts(
  into: Record<ProgramKey, number>, e: SplitEntry, lookup: (id: string) => SplitEntry | undefined,
): void {
  if (!['REGISTRATION', 'CONTRIBUTION', 'VOID'].includes(e.kind) || e.amount === 0) return;
  let split = programSplit(e.breakdown);
  if (!split && e.kind === 'VOID' && e.ref_entry_id) {
    const ref = lookup(e.ref_entry_id);
    const refSplit = ref ? programSplit(ref.breakdown) : null;
    if (refSplit && ref && ref.amount === -e.amount) {
      split = Object.fromEntries(Object.entries(refSplit).map(([k, v]) => [k, -(v as number)])) as Split;
    }
  }
  let explained = 0;
  for (const p of PROGRAMS) {
    const v = split?.[p] ?? 0;
    into[p] += v;
    explained += v;
  }
  into.UNATTRIBUTED += e.amount - explained;
}

export function emptyProgramTotals(): Record<ProgramKey, number> {
  return { JKK: 0, JKM: 0, JHT: 0, UNATTRIBUTED: 0 };
}

/** Count and sum per kind, in first-seen order. */
export function kindTotals(entries: readonly { kind: string; amount: number }[]): Map<string, { count: number; amount: number }> {
  const out = new Map<string, { count: number; amount: number }>();
  for (const e of entries) {
    const t = out.get(e.kind) ?? { count: 0, amount: 0 };
    t.count += 1;
    t.amount += e.amount;
    out.set(e.kind, t);
  }
  return out;
}

import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import type { DaySummaryEntry } from '../../../shared/protocol/central';
import type { Reconciliation, ReconRow } from '../../../shared/contract/closing';
import { addProgramAmounts, emptyProgramTotals, kindTotals, PROGRAM_KEYS } from './totals';

// The entry-by-entry comparison of a day here and at central (pure; linear in the entries).

export type LocalEntry = Pick<LedgerEntryRow, 'id' | 'seq' | 'kind' | 'amount' | 'hash' | 'breakdown' | 'ref_entry_id'>;

export interface CompareResult {
  rows: ReconRow[];
  counts: Reconciliation['counts'];
  perKind: Reconciliation['perKind'];
  perProgram: Reconciliation['perProgram'];
}

export function compareDay(
  local: readonly LocalEntry[], central: readonly DaySummaryEntry[], opts: { pushedAgain?: ReadonlySet<string>; referenced?: readonly LocalEntry[] } = {},
): CompareResult {
  const pushed = opts.pushedAgain ?? new Set<string>();
  const centralById = new Map(central.map((c) => [c.id, c]));
  const localById = new Map(local.map((l) => [l.id, l]));
  const refs = new Map((opts.referenced ?? []).map((r) => [r.id, r]));
  const lookup = (id: string) => localById.get(id) ?? refs.get(id);
  const rows: ReconRow[] = [];
  const counts = { matched: 0, onlyLocal: 0, onlyCentral: 0, different: 0 };
  const localPrograms = emptyProgramTotals();
  const centralPrograms = emptyProgramTotals();

  for (const l of local) {
    addProgramAmounts(localPrograms, l, lookup);
    const c = centralById.get(l.id);
    const status: ReconRow['status'] = !c ? 'onlyLocal' : c.hash === l.hash && c.amount === l.amount && c.kind === l.kind ? 'matched' : 'different';
    counts[status] += 1;
    // Central's program split is known only where it holds the very same entry (same hash).
    if (status === 'matched') addProgramAmounts(centralPrograms, l, lookup);
    else if (c) centralPrograms.UNATTRIBUTED += c.amount;
    rows.push({
      id: l.id, seq: l.seq, status, pushedAgain: pushed.has(l.id),
      local: { kind: l.kind, amount: l.amount, hash: l.hash },
      central: c ? { kind: c.kind, amount: c.amount, hash: c.hash } : null,
    });
  }
  for (const c of central) {
    if (localById.has(c.id)) continue;
    counts.onlyCentral += 1;
    centralPrograms.UNATTRIBUTED += c.amount;
    rows.push({ id: c.id, seq: c.seq, status: 'onlyCentral', pushedAgain: false, local: null, central: { kind: c.kind, amount: c.amount, hash: c.hash } });
  }
  rows.sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));

  const lk = kindTotals(local);
  const ck = kindTotals(central);
  const kinds = [...new Set([...lk.keys(), ...ck.keys()])];
  const perKind = kinds.map((kind) => ({
    kind, local: lk.get(kind) ?? { count: 0, amount: 0 }, central: ck.get(kind) ?? { count: 0, amount: 0 },
  }));
  const perProgram = PROGRAM_KEYS.map((program) => ({ program, local: localPrograms[program], central: centralPrograms[program] }));
  return { rows, counts, perKind, perProgram };
}

import { startLinkShaper, type LinkProfile, type LinkShaper } from '../../faults/link-shaper';
import { fetchDaySummary } from '../../../electron/services/closing/reconcile';
import { compareDay, type LocalEntry } from '../../../electron/services/closing/compare';
import { createCentralClient } from '../../../electron/services/central/client';
import type { Reconciliation } from '../../../shared/contract/closing';
import type { LedgerEntryRow } from '../../../shared/ledger/entry';
import { counter, type Counter } from './closing-helpers';

// A counter with a day of `n` cash payments already at central (pushed over loopback), then
// put behind the link shaper: what the closing's reconciliation tests over a village link use.

export interface DayBehind { c: Counter; entries: LedgerEntryRow[]; link: LinkShaper; relink(profile: LinkProfile, seed: number): Promise<LinkShaper> }

export async function dayBehindLink(n: number, profile: LinkProfile, seed: number): Promise<DayBehind> {
  const c = await counter();
  const s = c.host.services;
  const teller = s.auth.listUsers().find((u) => u.username === 'siti')!;
  const entries = s.db.transaction(() => Array.from({ length: n }, (_, i) => s.ledger.append({
    kind: 'CONTRIBUTION', userId: teller.id, participantId: `P${i}`, amount: 16_800 * (1 + (i % 3)), paymentMethod: 'CASH',
    breakdown: { totals: { due: { JKK: 10_080 * (1 + (i % 3)), JKM: 6_720 * (1 + (i % 3)), JHT: 0 } } }, payload: { months: ['2026-11'] },
  })))();
  for (let i = 0; i < 50 && s.sync.status().waiting > 0; i++) await s.sync.drainOnce();
  if (s.sync.status().waiting > 0) throw new Error('the day did not reach central');
  const out: DayBehind = {
    c, entries, link: null as unknown as LinkShaper,
    async relink(p, sd) {
      await out.link?.close();
      out.link = await startLinkShaper(c.central!.url, p, sd);
      s.settings.update((x) => ({ ...x, central: { ...x.central, url: out.link.url } }));
      return out.link;
    },
  };
  await out.relink(profile, seed);
  const dispose = c.dispose;
  c.dispose = async () => { await out.link.close(); await dispose(); };
  return out;
}

/** The day compared the old way: every page of central's day summary, straight to central (no shaper). */
export async function fullComparison(d: DayBehind, date: string): Promise<Pick<Reconciliation, 'rows' | 'counts' | 'perKind' | 'perProgram'>> {
  const s = d.c.host.services;
  const st = s.settings.get();
  const direct = createCentralClient(() => ({ url: d.c.central!.url, token: st.central.token }));
  const central = await fetchDaySummary(direct, st.counter.id, date);
  const local = s.db.prepare(`SELECT id, seq, kind, amount, hash, breakdown, ref_entry_id FROM ledger_entries
    WHERE counter_id = ? AND business_date = ? AND kind <> 'CLOSING' ORDER BY seq`).all(st.counter.id, date) as LocalEntry[];
  return compareDay(local, central);
}

/** How the last reconciliation went, from its audit row: answers from central, entries fetched, ranges reused. */
export function lastReconStats(c: Counter): { requests: number; fetched: number; reused: number; mode: string; status: string } {
  const row = c.host.services.db.prepare("SELECT detail FROM audit_log WHERE action = 'closing.reconcile' ORDER BY rowid DESC LIMIT 1").get() as { detail: string };
  return JSON.parse(row.detail);
}

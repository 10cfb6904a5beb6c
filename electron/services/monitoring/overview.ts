import type { MonitoringOverview, StandingRow } from '../../../shared/contract/monitoring';
import type { Standing } from '../../../shared/protocol/central';
import { monthOf } from '../../../shared/domain/months';
import type { SettingsService } from '../settings';
import type { MonitoringCentral } from './central-cache';
import type { LedgerFiguresRepo } from './figures';
import { pickPeriod, progressOf, usualPeriodOf } from './period';
import type { createWinBack } from './win-back';

// Puts the overview together: the period (central, last known, or the usual one), this counter's
// figures from its ledger, the other counters' share from the standings, the rank, the win-back list.

export const WIN_BACK_LIMIT = 300;
const PROVINCE_LIMIT = 60;

export interface OverviewDeps {
  settings: SettingsService;
  central: MonitoringCentral;
  figures: LedgerFiguresRepo;
  winBack: ReturnType<typeof createWinBack>;
  today: () => string;
  clock: () => Date;
}

const rowOf = (s: Standing, branch: string): StandingRow => ({
  branchCode: s.branchCode, branchName: s.branchName, newParticipants: s.newParticipants, target: s.target,
  rankNational: s.rankNational, rankInProvince: s.rankInProvince, mine: s.branchCode === branch,
});

export async function buildOverview(deps: OverviewDeps): Promise<MonitoringOverview> {
  const st = deps.settings.get();
  const branch = st.branch.code;
  const today = deps.today();
  const targets = await deps.central.targets();
  const picked = targets.known ? pickPeriod(targets.known.value, today) : null;
  const period = picked ?? usualPeriodOf(today);
  const periodSource = picked ? (targets.known!.fresh ? 'central' : 'cache') : 'default';

  const seriesTo = today < period.to ? today : period.to;
  const local = deps.figures.of(branch, period.from, period.to, seriesTo);
  // The usual period is a guess: the server may not know its id, so only a kept answer is shown.
  const known = await deps.central.standings(period.id, targets.state === 'online' && periodSource !== 'default',
    () => deps.figures.countedAtCentral(branch, period.from, period.to));
  const mineAtCentral = known?.value.branches.find((s) => s.branchCode === branch) ?? null;
  const otherCounters = mineAtCentral && known?.oursAtCentral != null ? Math.max(0, mineAtCentral.newParticipants - known.oursAtCentral) : null;
  const branchTotal = local.registrations + (otherCounters ?? 0);
  const progress = progressOf(period, branchTotal, today);

  let cumulative = 0;
  const series = local.series.map((d, i) => {
    cumulative += d.registrations;
    return { ...d, cumulative, targetCumulative: Math.round((period.target * (i + 1)) / progress.daysTotal) };
  });
  const province = mineAtCentral?.provinceCode ?? st.branch.provinceCode;
  const inProvince = (known?.value.branches ?? []).filter((s) => s.provinceCode === province).sort((a, b) => a.rankInProvince - b.rankInProvince);

  return {
    today,
    currentMonth: monthOf(today),
    generatedAt: deps.clock().toISOString(),
    branch: { code: branch, name: st.branch.name },
    period,
    periodSource,
    central: { state: targets.state, targetsFetchedAt: targets.known?.fetchedAt ?? null },
    progress: { ...progress, thisCounter: local.registrations, otherCounters },
    perTeller: local.perTeller,
    perCounter: [
      ...local.perCounter.map((c) => ({ ...c, thisCounter: c.counterId === st.counter.id, source: 'ledger' as const })),
      ...(otherCounters === null ? [] : [{ counterId: null, thisCounter: false, registrations: otherCounters, payments: null, source: 'central' as const }]),
    ],
    series,
    targetPacePerDay: Math.round((period.target / progress.daysTotal) * 100) / 100,
    standings: {
      state: known ? (known.fresh ? 'online' : 'cache') : 'none',
      asOf: known?.value.asOf ?? null,
      mine: mineAtCentral ? rowOf(mineAtCentral, branch) : null,
      branchesNational: known?.value.branches.length ?? 0,
      branchesInProvince: inProvince.length,
      province: inProvince.slice(0, PROVINCE_LIMIT).map((s) => rowOf(s, branch)),
    },
    winBack: deps.winBack.list(branch, today, st.branch.timeZone, WIN_BACK_LIMIT),
  };
}

import type { MonitoringOverview } from '../../../shared/contract/monitoring';
import { formatDate, formatDateTime, formatMonth, type Lang, type TimeZone } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';

// The overview as plain tables (title, columns, rows), the one source of both exports: the CSV
// writes them as they are (numbers as numbers, ISO dates), the PDF draws them (rupiah and dates
// formatted). Headings and labels are translated here.

export type Cell = string | number | null;
export interface Table { id: string; title: string; columns: string[]; rows: Cell[][]; widths?: number[] }
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface TableOptions { t: Translate; lang: Lang; zone: TimeZone; human: boolean }

export function reportTables(o: MonitoringOverview, opts: TableOptions): Table[] {
  const { t, lang, zone, human } = opts;
  const r = (k: string, p?: Record<string, string | number>) => t(`monitoring.report.${k}`, p);
  const date = (d: string) => (human ? formatDate(d, lang) : d);
  const month = (m: string | null) => (m === null ? t('monitoring.winBack.never') : human ? formatMonth(m, lang) : m);
  const money = (n: number) => (human ? formatRupiah(n) : n);
  const instant = (i: string | null) => (i === null ? null : human ? formatDateTime(i, zone) : i);
  const p = o.progress;
  const s = o.standings;
  const tables: Table[] = [];

  const summary: Cell[][] = [
    [r('branch'), `${o.branch.name} (${o.branch.code})`],
    [r('period'), o.period ? `${o.period.name}: ${date(o.period.from)} – ${date(o.period.to)}` : null],
    [r('periodSource'), r(o.periodSource === 'central' ? 'sourceCentral' : o.periodSource === 'cache' ? 'sourceCache' : 'sourceDefault')],
  ];
  if (p) {
    summary.push(
      [r('target'), p.target], [r('branchTotal'), p.branchTotal], [r('thisCounter'), p.thisCounter],
      [r('otherCounters'), p.otherCounters], [r('percent'), human ? `${p.percent}%` : p.percent],
      [r('day'), human ? `${p.dayOfPeriod}/${p.daysTotal}` : p.dayOfPeriod], [r('daysLeft'), p.daysLeft],
      [r('paceNeeded'), p.paceNeeded], [r('expected'), p.expectedByToday],
    );
  }
  summary.push(
    [r('rankProvince'), s.mine ? `${s.mine.rankInProvince}/${s.branchesInProvince}` : null],
    [r('rankNational'), s.mine ? `${s.mine.rankNational}/${s.branchesNational}` : null],
    [r('standingsAsOf'), instant(s.asOf)],
    [r('standingsState'), r(s.state === 'online' ? 'stateOnline' : s.state === 'cache' ? 'stateCache' : 'stateNone')],
    [r('generatedAt'), instant(o.generatedAt)],
  );
  tables.push({ id: 'summary', title: r('summary'), columns: [r('item'), r('value')], rows: summary, widths: [2, 3] });

  tables.push({
    id: 'tellers', title: t('monitoring.teller.heading'),
    columns: ['name', 'registrations', 'payments', 'amount'].map((k) => t(`monitoring.teller.${k}`)),
    rows: o.perTeller.map((x) => [x.name, x.registrations, x.payments, money(x.amount)]),
    widths: [3, 2, 2, 2],
  });

  tables.push({
    id: 'counters', title: t('monitoring.counter.heading'),
    columns: ['counter', 'registrations', 'payments'].map((k) => t(`monitoring.counter.${k}`)),
    rows: o.perCounter.map((c) => [
      c.counterId === null ? t('monitoring.counter.others') : c.thisCounter ? t('monitoring.counter.thisCounter', { id: c.counterId }) : c.counterId,
      c.registrations, c.payments,
    ]),
    widths: [4, 2, 2],
  });

  tables.push({
    id: 'series', title: r('series'),
    columns: ['date', 'registrations', 'payments', 'cumulative', 'targetCumulative'].map((k) => t(`monitoring.chart.${k}`)),
    rows: o.series.map((d) => [date(d.date), d.registrations, d.payments, d.cumulative, d.targetCumulative]),
  });

  tables.push({
    id: 'province', title: r('province'),
    columns: ['rank', 'branch', 'newParticipants', 'target'].map((k) => t(`monitoring.standings.${k}`)),
    rows: s.province.map((b) => [b.rankInProvince, `${b.branchName} (${b.branchCode})${b.mine ? ` ${t('monitoring.standings.mine')}` : ''}`, b.newParticipants, b.target]),
    widths: [1, 4, 2, 1],
  });

  tables.push({
    id: 'winBack', title: r('winBack'),
    columns: ['name', 'kpj', 'phone', 'registered', 'paidUntil', 'status'].map((k) => t(`monitoring.winBack.${k}`)),
    rows: o.winBack.rows.map((w) => [
      w.name, w.kpj, w.phoneLocal, date(w.registeredOn), month(w.paidUntil), winBackStatus(w, t, lang),
    ]),
    widths: [3, 2, 2, 2, 2, 3],
  });
  return tables;
}

export function winBackStatus(w: MonitoringOverview['winBack']['rows'][number], t: Translate, lang: Lang): string {
  const base = w.status === 'lapsed'
    ? t('monitoring.winBack.lapsed', { month: w.lapsedSince ? formatMonth(w.lapsedSince, lang) : '' })
    : w.status === 'arrears' ? t('monitoring.winBack.arrears', { count: w.unpaidRun }) : t('monitoring.winBack.due');
  return w.status === 'due' && w.overdue ? `${base} (${t('monitoring.winBack.overdue')})` : base;
}

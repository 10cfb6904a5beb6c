import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';

type Options = Output<'payment.options'>;

const monthList = (months: string[], lang: Lang) => months.map((m) => formatMonth(m, lang)).join(', ');

/** Who pays, their programs and band, and how far they are covered (DOMAIN.md §3). */
export function ParticipantPanel({ options }: { options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { participant: p, coverage: c } = options;
  return (
    <section aria-labelledby="pay-participant-title" className="card" style={{ padding: '1rem 1.25rem', marginBottom: '1rem' }}>
      <h2 id="pay-participant-title" style={{ marginTop: 0 }}>{p.name}</h2>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.2rem 1rem', margin: 0 }}>
        <dt>{t('payment.participant.nik')}</dt><dd style={{ margin: 0 }}>{p.nikMasked}</dd>
        <dt>{t('payment.participant.kpj')}</dt><dd style={{ margin: 0 }}>{p.kpj ?? t('payment.participant.kpjWaiting')}</dd>
        <dt>{t('payment.participant.programs')}</dt><dd style={{ margin: 0 }}>{p.programs.join(', ')}{p.transport ? ` · ${t('payment.participant.transport')}` : ''}</dd>
        <dt>{t('payment.participant.band')}</dt><dd style={{ margin: 0 }}>{t('payment.participant.bandValue', { no: p.band.no, dpp: formatRupiah(p.band.dpp) })}</dd>
        <dt>{t('payment.coverage.paidUntil')}</dt><dd style={{ margin: 0 }}><strong>{c.paidUntil ? formatMonth(c.paidUntil, lang) : t('payment.coverage.never')}</strong></dd>
      </dl>
      <div style={{ marginTop: '0.75rem' }} aria-live="polite">
        <p>{c.coveredNow ? t('payment.coverage.coveredNow') : t('payment.coverage.notCoveredNow')}</p>
        {c.arrears.length > 0 && <p className="notice notice-warn">{t('payment.coverage.arrears', { months: monthList(c.arrears, lang) })}</p>}
        {c.lapsed && (
          <div className="notice notice-warn" role="alert" style={{ marginBottom: '0.75rem' }}>
            <p><strong>{t('payment.coverage.lapsed', { since: formatMonth(c.lapsedSince ?? options.currentMonth, lang) })}</strong></p>
            <p style={{ margin: 0 }}>{t('payment.coverage.lapsedTodo', { month: formatMonth(options.currentMonth, lang) })}</p>
          </div>
        )}
        {!c.lapsed && c.missed.length > 0 && <p className="muted">{t('payment.coverage.missed', { months: monthList(c.missed, lang) })}</p>}
        {options.central === 'offline' && <p className="notice notice-warn">{t('payment.coverage.centralOffline')}</p>}
        {options.central === 'off' && <p className="muted">{t('payment.coverage.centralOff')}</p>}
        {options.counts.length === 0 && <p className="notice notice-warn">{t('payment.coverage.nothingPayable', { max: 12 })}</p>}
      </div>
    </section>
  );
}

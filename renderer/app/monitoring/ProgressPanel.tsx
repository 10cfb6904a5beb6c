import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from './common';

const track: CSSProperties = {
  height: '1.4rem', background: '#e8edf3', borderRadius: '0.7rem', overflow: 'hidden', border: '1px solid var(--line)', margin: '0.4rem 0',
};
const facts: CSSProperties = { display: 'flex', gap: '2rem', flexWrap: 'wrap', margin: '0.5rem 0' };
const big: CSSProperties = { fontSize: '1.3rem', fontWeight: 700, display: 'block' };

/** The branch against its target: a progress bar with its words, days left, the pace needed. */
export function ProgressPanel({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const p = o.progress;
  if (!p) return null;
  const shown = Math.min(p.percent, 100);
  const bar: CSSProperties = {
    width: `${shown}%`, height: '100%', background: p.onTrack || p.remaining === 0 ? '#2e9d57' : 'var(--brand)',
  };
  const status = p.remaining === 0 ? t('monitoring.progress.reached')
    : p.daysLeft === 0 ? t('monitoring.progress.ended')
      : t(p.onTrack ? 'monitoring.progress.onTrack' : 'monitoring.progress.behind', { expected: p.expectedByToday });
  return (
    <section aria-labelledby="mon-progress">
      <h2 id="mon-progress">{t('monitoring.progress.heading')}</h2>
      <div
        role="progressbar" aria-label={t('monitoring.progress.label')}
        aria-valuemin={0} aria-valuemax={p.target} aria-valuenow={Math.min(p.branchTotal, p.target)}
        aria-valuetext={t('monitoring.progress.valueText', { total: p.branchTotal, target: p.target, percent: p.percent })}
        style={track}
      >
        <div style={bar} />
      </div>
      <p data-testid="progress-text">
        <strong>{t('monitoring.progress.text', { total: p.branchTotal, target: p.target, percent: p.percent })}</strong>
        {' · '}
        {t('monitoring.progress.breakdown', {
          mine: p.thisCounter, others: p.otherCounters === null ? t('monitoring.progress.othersUnknown') : p.otherCounters,
        })}
      </p>
      <div style={facts}>
        <div>
          <span className="muted">{t('monitoring.progress.daysLeft')}</span>
          <span style={big} data-testid="days-left">{t('monitoring.progress.daysLeftValue', { count: p.daysLeft })}</span>
          <span className="muted">{t('monitoring.progress.day', { day: p.dayOfPeriod, total: p.daysTotal })}</span>
        </div>
        <div>
          <span className="muted">{t('monitoring.progress.paceNeeded')}</span>
          <span style={big} data-testid="pace-needed">{t('monitoring.progress.paceValue', { count: p.paceNeeded })}</span>
        </div>
        <div>
          <span className="muted">{t('monitoring.progress.remaining')}</span>
          <span style={big}>{t('monitoring.progress.remainingValue', { count: p.remaining })}</span>
        </div>
      </div>
      <p className={p.onTrack || p.remaining === 0 ? '' : 'warn-text'}>{status}</p>
    </section>
  );
}

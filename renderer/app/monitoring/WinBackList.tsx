import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth, type Lang } from '../../../shared/dates';
import { cell, table, winBackStatus, type Overview } from './common';

/** Participants to call back, most urgent first, with their phone numbers. */
export function WinBackList({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { rows, total } = o.winBack;
  return (
    <section aria-labelledby="mon-winback">
      <h2 id="mon-winback">{t('monitoring.winBack.heading')}</h2>
      <p className="muted">{t('monitoring.winBack.intro')}</p>
      {rows.length === 0 ? <p>{t('monitoring.winBack.empty')}</p> : (
        <table style={table} aria-labelledby="mon-winback">
          <thead>
            <tr>
              <th scope="col" style={cell}>{t('monitoring.winBack.name')}</th>
              <th scope="col" style={cell}>{t('monitoring.winBack.phone')}</th>
              <th scope="col" style={cell}>{t('monitoring.winBack.kpj')}</th>
              <th scope="col" style={cell}>{t('monitoring.winBack.registered')}</th>
              <th scope="col" style={cell}>{t('monitoring.winBack.paidUntil')}</th>
              <th scope="col" style={cell}>{t('monitoring.winBack.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.participantId}>
                <th scope="row" style={cell}>{w.name}</th>
                <td style={cell}>{w.phoneLocal ?? <span className="muted">{t('monitoring.winBack.noPhone')}</span>}</td>
                <td style={cell}>{w.kpj ?? '–'}</td>
                <td style={cell}>{formatDate(w.registeredOn, lang)}</td>
                <td style={cell}>{w.paidUntil ? formatMonth(w.paidUntil, lang) : t('monitoring.winBack.never')}</td>
                <td style={cell}>{winBackStatus(w, t, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > rows.length && <p className="muted">{t('monitoring.winBack.more', { shown: rows.length, total })}</p>}
    </section>
  );
}

import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { useShell } from '../shell-context';
import { cell, mine, num, table, type Overview } from './common';

const ranks: CSSProperties = { display: 'flex', gap: '2.5rem', margin: '0.5rem 0' };
const big: CSSProperties = { fontSize: '1.5rem', fontWeight: 700, display: 'block' };

/** The branch's rank in its province and nationally, from the central standings, with their date. */
export function StandingsPanel({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const s = o.standings;
  return (
    <section aria-labelledby="mon-standings">
      <h2 id="mon-standings">{t('monitoring.standings.heading')}</h2>
      {s.state === 'none' && <p className="muted">{t('monitoring.standings.none')}</p>}
      {s.state !== 'none' && (
        <>
          <p>
            {s.state === 'cache' && <span className="badge" data-testid="standings-offline">{t('monitoring.standings.cached')}</span>}{' '}
            <span className="muted" data-testid="standings-as-of">{s.asOf ? t('monitoring.standings.asOf', { at: formatDateTime(s.asOf, zone) }) : ''}</span>
          </p>
          {!s.mine && <p className="muted">{t('monitoring.standings.notListed')}</p>}
          {s.mine && (
            <div style={ranks}>
              <div>
                <span className="muted">{t('monitoring.standings.province')}</span>
                <span style={big} data-testid="rank-province">{t('monitoring.standings.rankOf', { rank: s.mine.rankInProvince, count: s.branchesInProvince })}</span>
              </div>
              <div>
                <span className="muted">{t('monitoring.standings.national')}</span>
                <span style={big} data-testid="rank-national">{t('monitoring.standings.rankOf', { rank: s.mine.rankNational, count: s.branchesNational })}</span>
              </div>
            </div>
          )}
          {s.province.length > 0 && (
            <table style={table}>
              <caption className="muted">{t('monitoring.standings.provinceTable')}</caption>
              <thead>
                <tr>
                  <th scope="col" style={num}>{t('monitoring.standings.rank')}</th>
                  <th scope="col" style={cell}>{t('monitoring.standings.branch')}</th>
                  <th scope="col" style={num}>{t('monitoring.standings.newParticipants')}</th>
                  <th scope="col" style={num}>{t('monitoring.standings.target')}</th>
                </tr>
              </thead>
              <tbody>
                {s.province.map((b) => (
                  <tr key={b.branchCode} style={b.mine ? mine : undefined} aria-current={b.mine ? 'true' : undefined}>
                    <td style={num}>{b.rankInProvince}</td>
                    <th scope="row" style={cell}>{b.branchName} ({b.branchCode}){b.mine ? ` ${t('monitoring.standings.mine')}` : ''}</th>
                    <td style={num}>{b.newParticipants}</td>
                    <td style={num}>{b.target}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

import { useId, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartData, type ChartOptions,
} from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { formatDate, type Lang } from '../../../shared/dates';
import { cell, num, table, type Overview } from './common';

// Registrations and payments per day over the period, with the target's daily pace as a line.
// Chart.js draws on a canvas (it styles the canvas through the DOM, which the CSP allows; no
// eval, no inline style sheet). A canvas says nothing to a screen reader, so it carries a
// summary as its aria-label and the same values are one key press away as a table.

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const box: CSSProperties = { position: 'relative', height: '260px', width: '100%' };
const scroll: CSSProperties = { maxHeight: '320px', overflowY: 'auto', marginTop: '0.5rem' };

export function TrendChart({ o }: { o: Overview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const series = o.series;

  const data = useMemo((): ChartData<'bar' | 'line', number[], string> => ({
    labels: series.map((d) => d.date.slice(8, 10) + '/' + d.date.slice(5, 7)),
    datasets: [
      { type: 'bar', label: t('monitoring.chart.registrations'), data: series.map((d) => d.registrations), backgroundColor: '#d9822b' },
      { type: 'bar', label: t('monitoring.chart.payments'), data: series.map((d) => d.payments), backgroundColor: '#7aa6d8' },
      {
        type: 'line', label: t('monitoring.chart.pace'), data: series.map(() => o.targetPacePerDay),
        borderColor: '#1f5fbf', borderDash: [6, 4], borderWidth: 2, pointRadius: 0, backgroundColor: '#ffffff',
      },
    ],
  }), [series, o.targetPacePerDay, t]);

  const options = useMemo((): ChartOptions<'bar' | 'line'> => ({
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { position: 'bottom' } },
  }), []);

  const registrations = series.reduce((n, d) => n + d.registrations, 0);
  const payments = series.reduce((n, d) => n + d.payments, 0);
  const best = series.reduce<Overview['series'][number] | null>((b, d) => (!b || d.registrations > b.registrations ? d : b), null);
  const summary = t('monitoring.chart.aria', {
    days: series.length, registrations, payments, pace: o.targetPacePerDay,
    bestDay: best ? formatDate(best.date, lang) : '-', best: best?.registrations ?? 0,
  });

  return (
    <section aria-labelledby="mon-trend">
      <h2 id="mon-trend">{t('monitoring.chart.heading')}</h2>
      <p className="muted">{t('monitoring.chart.note')}</p>
      <div style={box}>
        <Chart type="bar" data={data} options={options} role="img" aria-label={summary} data-testid="trend-chart">
          <p>{summary}</p>
        </Chart>
      </div>
      <button type="button" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
        {t(showTable ? 'monitoring.chart.hideTable' : 'monitoring.chart.showTable')}
      </button>
      <div id={tableId} style={scroll} hidden={!showTable}>
        <table style={table}>
          <caption className="muted">{t('monitoring.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" style={cell}>{t('monitoring.chart.date')}</th>
              <th scope="col" style={num}>{t('monitoring.chart.registrations')}</th>
              <th scope="col" style={num}>{t('monitoring.chart.payments')}</th>
              <th scope="col" style={num}>{t('monitoring.chart.cumulative')}</th>
              <th scope="col" style={num}>{t('monitoring.chart.targetCumulative')}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((d) => (
              <tr key={d.date}>
                <th scope="row" style={cell}>{formatDate(d.date, lang)}</th>
                <td style={num}>{d.registrations}</td>
                <td style={num}>{d.payments}</td>
                <td style={num}>{d.cumulative}</td>
                <td style={num}>{d.targetCumulative}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

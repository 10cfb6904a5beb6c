import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../shared/money';
import { cell, num, table, type Overview } from './common';

/** New participants and payments per teller and per counter. */
export function FigureTables({ o }: { o: Overview }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="mon-tellers">
        <h2 id="mon-tellers">{t('monitoring.teller.heading')}</h2>
        {o.perTeller.length === 0 ? <p className="muted">{t('monitoring.teller.empty')}</p> : (
          <table style={table} aria-labelledby="mon-tellers">
            <thead>
              <tr>
                <th scope="col" style={cell}>{t('monitoring.teller.name')}</th>
                <th scope="col" style={num}>{t('monitoring.teller.registrations')}</th>
                <th scope="col" style={num}>{t('monitoring.teller.payments')}</th>
                <th scope="col" style={num}>{t('monitoring.teller.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {o.perTeller.map((r) => (
                <tr key={r.userId}>
                  <th scope="row" style={cell}>{r.name}</th>
                  <td style={num}>{r.registrations}</td>
                  <td style={num}>{r.payments}</td>
                  <td style={num}>{formatRupiah(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="mon-counters">
        <h2 id="mon-counters">{t('monitoring.counter.heading')}</h2>
        <table style={table} aria-labelledby="mon-counters">
          <thead>
            <tr>
              <th scope="col" style={cell}>{t('monitoring.counter.counter')}</th>
              <th scope="col" style={num}>{t('monitoring.counter.registrations')}</th>
              <th scope="col" style={num}>{t('monitoring.counter.payments')}</th>
            </tr>
          </thead>
          <tbody>
            {o.perCounter.map((c) => (
              <tr key={c.counterId ?? 'others'}>
                <th scope="row" style={cell}>
                  {c.counterId === null ? t('monitoring.counter.others') : c.thisCounter ? t('monitoring.counter.thisCounter', { id: c.counterId }) : c.counterId}
                </th>
                <td style={num}>{c.registrations}</td>
                <td style={num}>{c.payments ?? t('monitoring.counter.unknown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

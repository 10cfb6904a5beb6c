import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../shared/contract/registration';
import { formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';

interface Props { incomeBand?: number; jht: boolean; occupationCode?: string }

/** The monthly contribution for the current month, per program, with the reduction as its own line. */
export function QuotePanel({ incomeBand, jht, occupationCode }: Props) {
  const { t, i18n } = useTranslation();
  const [quote, setQuote] = useState<Quote | null>(null);
  useEffect(() => {
    setQuote(null);
    if (!incomeBand) return;
    let stale = false;
    api.call('registration.quote', { incomeBand, jht, occupationCode: occupationCode || undefined })
      .then((q) => { if (!stale) setQuote(q); }).catch(() => undefined);
    return () => { stale = true; };
  }, [incomeBand, jht, occupationCode]);
  if (!quote) return null;
  return (
    <section aria-labelledby="reg-quote-title" className="card" style={{ padding: '0.75rem 1rem', marginBottom: '1rem' }}>
      <h2 id="reg-quote-title" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>{t('registration.monthly', { month: formatMonth(quote.month, i18n.language as Lang) })}</h2>
      <table aria-describedby="reg-quote-title" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {quote.programs.map((p) => (
            <tr key={p.code}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 400 }}>{t(`domain.program.${p.code}`)}</th>
              <td style={{ textAlign: 'right' }}>{formatRupiah(p.full)}</td>
            </tr>
          ))}
          {quote.reduction && (
            <tr>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 400 }}>{t('domain.reduction', { regulation: quote.reduction.regulation })}</th>
              <td style={{ textAlign: 'right' }}>−{formatRupiah(quote.reduction.amount)}</td>
            </tr>
          )}
          <tr>
            <th scope="row" style={{ textAlign: 'left' }}>{t('registration.total')}</th>
            <td style={{ textAlign: 'right', fontWeight: 700 }} data-testid="reg-total">{formatRupiah(quote.total)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

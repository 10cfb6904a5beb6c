import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../shared/contract/payment';
import { formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { quoteMonthRow } from '../../../shared/domain/quote-rows';

const num: CSSProperties = { textAlign: 'right', whiteSpace: 'nowrap' };
const cell: CSSProperties = { padding: '0.3rem 0.6rem', borderBottom: '1px solid var(--line)' };

/** Per month and per program (charged, reduction, due), the reduction as its own line, and the total: all computed by the services. */
export function QuoteTable({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const codes = quote.programs.map((p) => p.code);
  return (
    <section aria-labelledby="pay-quote-title">
      <h2 id="pay-quote-title">{t('payment.quote.legend')}</h2>
      <table style={{ borderCollapse: 'collapse', minWidth: '34rem' }} aria-labelledby="pay-quote-title">
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t('payment.quote.month')}</th>
            {codes.map((c) => <th scope="col" key={c} style={{ ...cell, ...num }}>{c}</th>)}
            <th scope="col" style={{ ...cell, ...num }}>{t('payment.quote.reduction')}</th>
            <th scope="col" style={{ ...cell, ...num }}>{t('payment.quote.total')}</th>
          </tr>
        </thead>
        <tbody>
          {quote.months.map((m) => {
            // Charged before the reduction, the reduction, what is due: each row adds up.
            const row = quoteMonthRow(m, codes);
            return (
              <tr key={row.month}>
                <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                  {formatMonth(row.month, lang)}{row.arrears && <span className="badge">{t('payment.quote.arrears')}</span>}
                </th>
                {codes.map((c) => <td key={c} style={{ ...cell, ...num }}>{formatRupiah(row.charged[c])}</td>)}
                <td style={{ ...cell, ...num }}>{row.reduction ? `${formatRupiah(-row.reduction)} (${row.regulation})` : '—'}</td>
                <td style={{ ...cell, ...num }}>{formatRupiah(row.due)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 style={{ fontSize: '1rem', margin: '1rem 0 0.4rem' }}>{t('payment.quote.perProgram')}</h3>
      <table style={{ borderCollapse: 'collapse', minWidth: '34rem' }} aria-label={t('payment.quote.perProgram')}>
        <tbody>
          {quote.programs.map((p) => (
            <tr key={p.code}>
              <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{t(`receipt.program.${p.code}`)}</th>
              <td style={{ ...cell, ...num }}>{formatRupiah(p.full)}</td>
            </tr>
          ))}
          {quote.reductions.map((r) => (
            <tr key={r.regulation} data-reduction-line>
              <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{t('payment.quote.reductionLine', { regulation: r.regulation })}</th>
              <td style={{ ...cell, ...num }}>{formatRupiah(-r.amount)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" style={{ ...cell, textAlign: 'left' }}>{t('payment.quote.grandTotal')}</th>
            <td style={{ ...cell, ...num, fontWeight: 800, fontSize: '1.2rem' }} data-testid="pay-total">{formatRupiah(quote.total)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

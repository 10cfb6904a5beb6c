import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from '../../../shared/contract/history';
import { formatDateTime, formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { useShell } from '../shell-context';
import { ReceiptNo } from '../../components/ReceiptNo';

const cell: CSSProperties = { padding: '0.3rem 0.4rem', borderBottom: '1px solid var(--line)', textAlign: 'left', verticalAlign: 'top' };
const num: CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' };

/** The entries, newest first; the receipt number opens one. */
export function HistoryTable({ rows, onOpen }: { rows: HistoryRow[]; onOpen(id: string): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const zone = useShell().info.branch.timeZone;
  const period = (r: HistoryRow) => (!r.months ? '' : r.months.from === r.months.to ? formatMonth(r.months.from, lang)
    : t('payment.months.range', { from: formatMonth(r.months.from, lang), to: formatMonth(r.months.to, lang) }));
  // Eight columns fit a 1024×768 monitor at a slightly smaller type (the layout check).
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '0.9rem' }} aria-label={t('history.title')}>
      <thead>
        <tr>
          <th scope="col" style={cell}>{t('history.col.time')}</th>
          <th scope="col" style={cell}>{t('history.col.receiptNo')}</th>
          <th scope="col" style={cell}>{t('history.col.kind')}</th>
          <th scope="col" style={cell}>{t('history.col.participant')}</th>
          <th scope="col" style={cell}>{t('history.col.months')}</th>
          <th scope="col" style={num}>{t('history.col.amount')}</th>
          <th scope="col" style={cell}>{t('history.col.teller')}</th>
          <th scope="col" style={cell}>{t('history.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-entry-id={r.id}>
            <td style={cell}>{formatDateTime(r.createdAt, zone)}</td>
            <td style={cell}>
              <button type="button" className="ghost" onClick={() => onOpen(r.id)} aria-label={t('history.open', { receiptNo: r.receiptNo ?? r.id })} style={{ padding: '0.1rem 0.3rem', textAlign: 'left' }}>
                {r.receiptNo ? <ReceiptNo value={r.receiptNo} /> : `#${r.seq}`}
              </button>
            </td>
            <td style={cell}>{t(`history.kind.${r.kind}`)}{r.refReceiptNo && <div className="muted">{t('history.voidOf', { receiptNo: r.refReceiptNo })}</div>}</td>
            <td style={cell}>{r.participantName ?? ''}{r.nikMasked && <div className="muted">{r.nikMasked}</div>}</td>
            <td style={cell}>{period(r)}</td>
            <td style={num}>{formatRupiah(r.amount)}</td>
            <td style={cell}>{r.userName}</td>
            <td style={cell}>{r.voidedBy ? <span className="warn-text">{t('history.voided')}</span> : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

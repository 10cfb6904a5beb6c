import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import { useShell } from '../shell-context';
import { ErrorLine, useAction, type Confirmed } from './common';
import { downloadBase64 } from '../download';

type Summary = Output<'closing.history'>['closings'][number];

/** Print again and open the PDF of one closing. */
export function ReportActions({ businessDate }: { businessDate: string }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const [note, setNote] = useState<string | null>(null);
  return (
    <div>
      <div className="row">
        <button type="button" disabled={busy} onClick={() => void run(async () => {
          const r = await api.call('closing.print', { businessDate });
          setNote(r.printed ? t('closing.ui.printed') : t('closing.ui.notPrinted', { error: t(r.errorKey ?? 'err.internal') }));
        })}>{t('closing.ui.printAgain')}</button>
        <button type="button" disabled={busy} onClick={() => void run(async () => {
          const pdf = await api.call('closing.reportPdf', { businessDate });
          downloadBase64(pdf.fileName, pdf.base64);
          setNote(t('closing.ui.downloadPdf', { name: pdf.fileName }));
        })}>{t('closing.ui.openPdf')}</button>
      </div>
      {note && <p role="status">{note}</p>}
      <ErrorLine error={error} />
    </div>
  );
}

/** Step 5: the day is closed; what happened to the report. */
export function ReportStep({ done }: { done: Confirmed }) {
  const { t } = useTranslation();
  const { lang } = useShell();
  return (
    <div>
      <p className="notice" role="status" id="closing-done">{t('closing.ui.closed', { date: formatDate(done.businessDate, lang) })}</p>
      <table className="shortcut-table">
        <tbody>
          <tr><td>{t('closing.ui.counted')}</td><td>{formatRupiah(done.counted)}</td></tr>
          <tr><td>{t('closing.ui.expected')}</td><td>{formatRupiah(done.expected)}</td></tr>
          <tr><td>{t('closing.ui.difference')}</td><td>{done.difference > 0 ? '+' : ''}{formatRupiah(done.difference)}</td></tr>
          {done.reason && <tr><td>{t('closing.ui.reason')}</td><td>{done.reason}</td></tr>}
        </tbody>
      </table>
      <p>{done.printed ? t('closing.ui.printed') : t('closing.ui.notPrinted', { error: t(done.printErrorKey ?? 'err.internal') })}</p>
      <p>{done.centralClosingId ? t('closing.ui.sent', { id: done.centralClosingId }) : t('closing.ui.notSent')}</p>
      <ReportActions businessDate={done.businessDate} />
    </div>
  );
}

/** The closings of this counter, newest first, each re-openable. */
export function ClosingHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const { lang } = useShell();
  const [rows, setRows] = useState<Summary[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    api.call('closing.history', { limit: 60 }).then((r) => setRows(r.closings)).catch(() => setRows([]));
  }, [refresh]);
  return (
    <section aria-labelledby="closing-history-title">
      <h2 id="closing-history-title">{t('closing.ui.history')}</h2>
      {rows && rows.length === 0 && <p className="muted">{t('closing.ui.historyEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table className="shortcut-table">
          <thead><tr><th>{t('closing.ui.colDate')}</th><th>{t('closing.ui.colCounted')}</th><th>{t('closing.ui.colExpected')}</th>
            <th>{t('closing.ui.colDiff')}</th><th>{t('closing.ui.colRecon')}</th><th>{t('closing.ui.colBy')}</th><th /></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entryId}>
                <td>{formatDate(r.businessDate, lang)}</td><td>{formatRupiah(r.counted)}</td><td>{formatRupiah(r.expected)}</td>
                <td>{formatRupiah(r.difference)}</td><td>{t(`closing.status.${r.reconStatus}`)}</td><td>{r.closedBy}</td>
                <td>
                  {open === r.businessDate ? <ReportActions businessDate={r.businessDate} />
                    : <button type="button" className="ghost" onClick={() => setOpen(r.businessDate)}>{t('closing.ui.openPdf')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

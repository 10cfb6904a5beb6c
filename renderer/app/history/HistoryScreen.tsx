import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import type { HistoryFilter } from '../../../shared/contract/history';
import { formatRupiah } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { downloadText } from '../download';
import { HistoryDetail } from './HistoryDetail';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';

type List = Output<'history.list'>;
const PAGE_SIZE = 20;

/** Riwayat: the counter's entries, filtered and searched, one opened, the list exported as CSV. */
export function HistoryScreen(_props: ScreenProps) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [page, setPage] = useState(1);
  const [list, setList] = useState<List | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);

  const fail = useCallback((e: unknown) => {
    if (isApiError(e) && e.fields.length > 0) {
      setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.path.replace(/^filter\./, ''), messageText(t, f.key, f.params, zone)])));
    } else setMessage({ text: isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal'), error: true });
  }, [t, zone]);

  const load = useCallback(async () => {
    try {
      setList(await api.call('history.list', { filter, page, pageSize: PAGE_SIZE }));
      setFieldErrors({});
    } catch (e) {
      fail(e);
    }
  }, [filter, page, fail]);
  useEffect(() => { void load(); }, [load]);

  const exportCsv = async (f: HistoryFilter) => {
    setExporting(true);
    setMessage(null);
    try {
      const out = await api.call('history.exportCsv', { filter: f });
      downloadText(out.filename, out.csv);
      setMessage({ text: t('history.exported', { count: out.rows, filename: out.filename }), error: false });
    } catch (e) {
      fail(e);
    } finally {
      setExporting(false);
    }
  };

  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('screen.history')}</h1>
      <HistoryFilters
        initial={filter} users={list?.users ?? []} errors={fieldErrors} exporting={exporting}
        onApply={(f) => { setMessage(null); setPage(1); setFilter(f); }}
        onExport={(f) => void exportCsv(f)}
      />
      {message && <p className={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {list && (
        <>
          <p role="status">{t('history.summary', { count: list.total, amount: formatRupiah(list.totalAmount) })}</p>
          {list.rows.length === 0 ? <p className="muted">{t('history.empty')}</p> : <HistoryTable rows={list.rows} onOpen={setOpen} />}
          <div className="row" style={{ marginTop: '0.75rem' }}>
            <button type="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>{t('history.prev')}</button>
            <span>{t('history.page', { page, pages })}</span>
            <button type="button" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={page >= pages}>{t('history.next')}</button>
          </div>
        </>
      )}
      {open && <HistoryDetail id={open} onClose={() => setOpen(null)} onChanged={() => void load()} />}
    </section>
  );
}

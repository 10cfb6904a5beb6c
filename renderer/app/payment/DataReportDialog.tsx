import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import { api, isApiError } from '../../api/client';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';
import { useFocusTrap } from '../useFocusTrap';
import { useEscape } from '../useEscape';

// "Data yang kami simpan" (issue 16 item 6): the summary of what the branch holds on the worker,
// previewed on screen and printed at their request (the print is audited).

export function DataReportDialog({ participantId, onClose }: { participantId: string; onClose(): void }) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const trapRef = useFocusTrap<HTMLDivElement>();
  useEscape(onClose);
  const [report, setReport] = useState<Output<'participants.dataReport'> | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (e: unknown) => setMessage({ error: true, text: isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal') });
  useEffect(() => {
    api.call('participants.dataReport', { id: participantId }).then(setReport, fail);
  }, [participantId]);

  const print = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api.call('participants.printDataReport', { id: participantId });
      setMessage(r.ok ? { error: false, text: t('dataReport.printed') } : { error: true, text: messageText(t, r.errorKey ?? 'printing.err.io', undefined, zone) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overlay">
      <div ref={trapRef} className="card" role="dialog" aria-modal="true" aria-labelledby="data-report-title" tabIndex={-1}
        style={{ width: '640px', maxHeight: '100%', overflow: 'auto' }}>
        <div className="card-head">
          <h2 id="data-report-title">{t('dataReport.title')}</h2>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('dataReport.close')}</button>
        </div>
        <p className="muted">{t('dataReport.intro')}</p>
        {message && <p className={message.error ? 'notice notice-error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
        {report && <ReceiptPreview doc={report.receipt} cpl={report.cpl} label={t('dataReport.preview')} />}
        <div className="row" style={{ marginTop: '0.75rem' }}>
          <button type="button" className="primary" disabled={!report || busy} onClick={() => void print()}>{t('dataReport.print')}</button>
        </div>
      </div>
    </div>
  );
}

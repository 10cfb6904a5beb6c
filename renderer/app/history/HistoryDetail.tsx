import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/contract';
import type { PrintResult } from '../../../shared/contract/payment';
import { formatDate, formatMonth, type Lang } from '../../../shared/dates';
import { formatRupiah } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { messageText } from '../../i18n';
import { useFocusTrap } from '../useFocusTrap';
import { useEscape } from '../useEscape';
import { useShell } from '../shell-context';
import { PrintStatus } from '../payment/PrintStatus';
import { VoidDialog } from './VoidDialog';
import { downloadBase64 } from '../download';

type Detail = Output<'history.get'>;

/** One entry opened: what it was, its receipt, reprint, and void with a head's approval. */
export function HistoryDetail({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const zone = useShell().info.branch.timeZone;
  const trapRef = useFocusTrap<HTMLDivElement>();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [print, setPrint] = useState<PrintResult | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await api.call('history.get', { id });
      setDetail(d);
      setPrint(d.print);
    } catch (e) {
      setError(isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal'));
    }
  }, [id, t, zone]);
  useEffect(() => { void load(); }, [load]);

  // Esc backs out: the void form first, then the detail.
  useEscape(() => (voiding ? setVoiding(false) : onClose()));

  const reprint = async () => {
    try {
      setPrint(await api.call('payment.reprint', { entryId: id }));
    } catch (e) {
      setError(isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal'));
    }
  };

  const pdf = async () => {
    try {
      const out = await api.call('payment.receiptPdf', { entryId: id });
      downloadBase64(out.filename, out.base64);
    } catch (e) {
      setError(isApiError(e) ? messageText(t, e.key, e.params, zone) : t('err.internal'));
    }
  };

  const row = detail?.row;
  const title = t('history.detail.title', { receiptNo: row?.receiptNo ?? id });
  return (
    <div className="overlay">
      <div ref={trapRef} className="card" role="dialog" aria-modal="true" aria-labelledby="hist-detail-title" tabIndex={-1}
        style={{ width: '860px', maxHeight: '100%', overflow: 'auto' }}>
        <div className="card-head">
          <h2 id="hist-detail-title">{title}</h2>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('history.detail.close')}</button>
        </div>
        {error && <p className="notice notice-error" role="alert">{error}</p>}
        {notice && <p className="notice" role="status">{notice}</p>}
        {detail && row && !voiding && (
          <div className="row" style={{ alignItems: 'flex-start', gap: '1.5rem' }}>
            <div style={{ flex: 1 }}>
              <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.2rem 1rem' }}>
                <dt>{t('history.col.kind')}</dt><dd style={{ margin: 0 }}>{t(`history.kind.${row.kind}`)}</dd>
                <dt>{t('history.detail.businessDate')}</dt><dd style={{ margin: 0 }}>{formatDate(row.businessDate, lang)}</dd>
                <dt>{t('history.col.teller')}</dt><dd style={{ margin: 0 }}>{row.userName}</dd>
                {row.participantName && <><dt>{t('history.col.participant')}</dt><dd style={{ margin: 0 }}>{row.participantName} · {row.nikMasked}</dd></>}
                {detail.monthList.length > 0 && <><dt>{t('history.col.months')}</dt><dd style={{ margin: 0 }}>{detail.monthList.map((m) => formatMonth(m, lang)).join(', ')}</dd></>}
                <dt>{t('history.col.amount')}</dt><dd style={{ margin: 0 }}><strong>{formatRupiah(row.amount)}</strong></dd>
                {detail.cashTendered !== null && <><dt>{t('history.detail.cash')}</dt><dd style={{ margin: 0 }}>{formatRupiah(detail.cashTendered)}</dd></>}
                {detail.change !== null && <><dt>{t('history.detail.change')}</dt><dd style={{ margin: 0 }}>{formatRupiah(detail.change)}</dd></>}
                {detail.reason && <><dt>{t('history.detail.reason')}</dt><dd style={{ margin: 0 }}>{detail.reason}</dd></>}
                {detail.approvedBy && <><dt>{t('history.detail.approvedBy')}</dt><dd style={{ margin: 0 }}>{detail.approvedBy}</dd></>}
              </dl>
              {row.voidedBy && <p className="notice notice-warn">{t('history.detail.voidedBy', { receiptNo: row.voidedBy.receiptNo ?? row.voidedBy.id })}</p>}
              {print && <PrintStatus print={print} />}
              <div className="row">
                {detail.canReprint && <button type="button" onClick={() => void reprint()}>{t('payment.print.reprint')}</button>}
                {detail.canReprint && <button type="button" onClick={() => void pdf()}>{t('payment.print.pdf')}</button>}
                {detail.canVoid && <button type="button" onClick={() => { setNotice(null); setVoiding(true); }}>{t('history.void.open')}</button>}
              </div>
              {!detail.canVoid && detail.voidBlockedKey && row.kind === 'CONTRIBUTION' && !row.voidedBy && (
                <p className="muted">{messageText(t, detail.voidBlockedKey, { date: row.businessDate }, zone)}</p>
              )}
            </div>
            {detail.receipt && <ReceiptPreview doc={detail.receipt} cpl={detail.cpl} label={t('receipt.previewLabel')} />}
          </div>
        )}
        {detail && row && voiding && (
          <VoidDialog
            entryId={row.id} receiptNo={row.receiptNo ?? row.id} amount={row.amount}
            onCancel={() => { setVoiding(false); trapRef.current?.focus(); }}
            onDone={(r) => {
              setVoiding(false);
              setNotice(t('history.void.done', { receiptNo: r.receiptNo }));
              trapRef.current?.focus();
              onChanged();
              void load();
            }}
          />
        )}
      </div>
    </div>
  );
}

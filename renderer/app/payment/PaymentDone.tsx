import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../shared/contract/payment';
import { formatRupiah } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { ReceiptPreview } from '../../components/ReceiptPreview';
import { PrintStatus } from './PrintStatus';
import { downloadBase64 } from '../download';
import type { Created } from './PayForm';

/** After "Bayar": the receipt number, the change to hand back, where the receipt is, reprint. */
export function PaymentDone({ result, onNext }: { result: Created; onNext(): void }) {
  const { t } = useTranslation();
  const [print, setPrint] = useState<PrintResult>(result.print);
  const [busy, setBusy] = useState(false);

  // A slow printer answered "still printing": look again until it says how it went.
  useEffect(() => {
    if (print.status !== 'printing') return;
    const timer = setTimeout(() => {
      api.call('payment.printStatus', { entryId: result.entryId }).then(setPrint).catch(() => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  }, [print, result.entryId]);

  const reprint = async () => {
    setBusy(true);
    try {
      setPrint(await api.call('payment.reprint', { entryId: result.entryId }));
    } catch (e) {
      setPrint({ status: 'failed', jobId: null, copy: true, errorKey: isApiError(e) ? e.key : 'err.internal' });
    } finally {
      setBusy(false);
    }
  };

  const pdf = async () => {
    try {
      const out = await api.call('payment.receiptPdf', { entryId: result.entryId });
      downloadBase64(out.filename, out.base64);
    } catch { /* the paper receipt is what counts; the PDF is a convenience */ }
  };

  return (
    <section aria-labelledby="pay-done-title">
      <h2 id="pay-done-title">{t('payment.done.title')}</h2>
      <p>{t('payment.done.receiptNo', { receiptNo: result.receiptNo })}</p>
      <p style={{ fontSize: '1.5rem', fontWeight: 800 }} data-testid="pay-done-change">{t('payment.done.change', { amount: formatRupiah(result.change) })}</p>
      <PrintStatus print={print} />
      <div className="row" style={{ margin: '0.75rem 0 1rem' }}>
        <button type="button" className="primary" onClick={onNext} autoFocus>{t('payment.done.newPayment')}</button>
        <button type="button" onClick={() => void reprint()} disabled={busy}>{busy ? t('payment.print.reprintBusy') : t('payment.print.reprint')}</button>
        <button type="button" onClick={() => void pdf()}>{t('payment.print.pdf')}</button>
      </div>
      <ReceiptPreview doc={result.receipt} cpl={result.cpl} label={t('receipt.previewLabel')} />
    </section>
  );
}

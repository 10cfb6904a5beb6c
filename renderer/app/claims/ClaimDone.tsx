import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimPrintResult } from '../../../shared/contract/claims';
import { api, isApiError } from '../../api/client';
import type { CreatedClaim } from './ClaimsScreen';

export function PrintNote({ print, printedKey = 'claims.print.printed' }: { print: ClaimPrintResult | null; printedKey?: string }) {
  const { t } = useTranslation();
  if (!print) return null;
  return (
    <p className={print.ok ? 'notice' : 'notice notice-warn'} role="status">
      {print.ok ? t(printedKey) : t('claims.print.failed', { reason: print.errorKey ? t(print.errorKey) : '' })}
    </p>
  );
}

/** The claim is saved: its numbers, the receipt's fate, and what next. */
export function ClaimDone({ result, onStatus, onNext }: { result: CreatedClaim; onStatus(): void; onNext(): void }) {
  const { t } = useTranslation();
  const [print, setPrint] = useState<ClaimPrintResult>(result.print);
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => { title.current?.focus(); }, []);
  const c = result.claim;
  const reprint = async () => {
    try { setPrint(await api.call('claims.print', { claimId: c.id })); } catch (e) {
      setPrint({ ok: false, jobId: null, errorKey: isApiError(e) ? e.key : 'err.internal' });
    }
  };
  return (
    <section aria-labelledby="claim-done-title">
      <h2 id="claim-done-title" ref={title} tabIndex={-1}>{t('claims.done.title')}</h2>
      <p data-testid="claim-receipt-no">{t('claims.done.receiptNo', { receiptNo: c.receiptNo })}</p>
      <p>{c.claimNumber ? t('claims.done.claimNumber', { claimNumber: c.claimNumber }) : t('claims.done.waiting')}</p>
      <PrintNote print={print} />
      <div className="row">
        <button type="button" onClick={() => void reprint()}>{t('claims.done.print')}</button>
        <button type="button" onClick={onStatus}>{t('claims.done.status')}</button>
        <button type="button" className="primary" onClick={onNext}>{t('claims.done.next')}</button>
      </div>
    </section>
  );
}

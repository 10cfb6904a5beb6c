import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashCount } from '../../../shared/domain/cash';
import { formatRupiah } from '../../../shared/money';
import { api, isApiError } from '../../api/client';
import { messageText } from '../../i18n';
import { useShell } from '../shell-context';
import { toCoded, type Coded, type Confirmed, type CountResult } from './common';

/**
 * Step 4: only now the expected cash and the difference; a reason when it is not zero, and the
 * head's PIN. The server checks both again.
 */
export function ConfirmStep({ result, counts, onConfirmed }: { result: CountResult; counts: CashCount; onConfirmed(r: Confirmed): void }) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, Coded>>({});
  const [error, setError] = useState<Coded | null>(null);
  const e = result.expected;
  const diff = result.difference;
  const text = (c: Coded | undefined) => (c ? messageText(t, c.key, c.params, zone) : null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      onConfirmed(await api.call('closing.confirm', { counts, reason: reason.trim() || undefined, pin }));
    } catch (err) {
      setPin('');
      const fields: Record<string, Coded> = {};
      if (isApiError(err)) for (const f of err.fields) fields[f.path === 'approval.pin' ? 'pin' : f.path] = { key: f.key, params: f.params };
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setError(toCoded(err));
      (document.getElementById(fields.reason ? 'closing-reason' : 'closing-pin') as HTMLElement | null)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(ev) => { ev.preventDefault(); void confirm(); }} noValidate>
      <table className="shortcut-table">
        <tbody>
          <tr><td>{t('closing.ui.counted')}</td><td data-testid="counted">{formatRupiah(result.counted)}</td></tr>
          <tr><td>{t('closing.expected.openingFloat')}</td><td>{formatRupiah(e.openingFloat)}</td></tr>
          <tr><td>{t('closing.expected.cashPayments')}</td><td>{formatRupiah(e.cashPayments)}</td></tr>
          <tr><td>{t('closing.expected.voided')}</td><td>{formatRupiah(-e.voidedCashPayments)}</td></tr>
          <tr><td>{t('closing.expected.cashIn')}</td><td>{formatRupiah(e.cashIn)}</td></tr>
          <tr><td>{t('closing.expected.cashOut')}</td><td>{formatRupiah(-e.cashOut)}</td></tr>
          <tr><th>{t('closing.ui.expected')}</th><th data-testid="expected">{formatRupiah(e.expected)}</th></tr>
          <tr><th>{t('closing.ui.difference')}</th><th data-testid="difference" className={diff === 0 ? '' : 'warn-text'}>{diff > 0 ? '+' : ''}{formatRupiah(diff)}</th></tr>
        </tbody>
      </table>
      {diff === 0 && <p role="status">{t('closing.ui.noDifference')}</p>}
      {diff !== 0 && (
        <div className={`field${fieldErrors.reason ? ' field-invalid' : ''}`}>
          <label htmlFor="closing-reason">{t('closing.ui.reason')}</label>
          <textarea id="closing-reason" rows={2} required autoFocus value={reason} maxLength={500}
            aria-invalid={fieldErrors.reason ? true : undefined} aria-describedby={fieldErrors.reason ? 'closing-reason-error' : undefined}
            onChange={(ev) => setReason(ev.target.value)}
            onKeyDown={(ev) => { if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); document.getElementById('closing-pin')?.focus(); } }} />
          {fieldErrors.reason && <p id="closing-reason-error" className="field-error" role="alert">{text(fieldErrors.reason)}</p>}
        </div>
      )}
      <div className={`field${fieldErrors.pin ? ' field-invalid' : ''}`}>
        <label htmlFor="closing-pin">{t('closing.ui.pin')}</label>
        <input id="closing-pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} value={pin} autoFocus={diff === 0}
          aria-invalid={fieldErrors.pin ? true : undefined} aria-describedby={fieldErrors.pin ? 'closing-pin-error' : undefined}
          onChange={(ev) => setPin(ev.target.value)} />
        {fieldErrors.pin && <p id="closing-pin-error" className="field-error" role="alert">{text(fieldErrors.pin)}</p>}
      </div>
      {error && <p className="notice notice-error" role="alert">{text(error)}</p>}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('closing.ui.confirming') : t('closing.ui.confirm')}</button>
    </form>
  );
}

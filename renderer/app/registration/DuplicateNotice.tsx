import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExistingParticipant } from '../../../shared/contract/registration';
import { formatDateTime, type TimeZone } from '../../../shared/dates';

interface Props { existing: ExistingParticipant; zone: TimeZone; onPay(): void; busy: boolean }

/** The worker is registered already: where and when, and the way to their payment instead. */
export function DuplicateNotice({ existing, zone, onPay, busy }: Props) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => { button.current?.focus(); }, [existing.participantId]);
  return (
    <div className="notice notice-warn" role="alert" aria-labelledby="reg-dup-title" style={{ marginBottom: '1rem' }}>
      <p id="reg-dup-title" style={{ fontWeight: 700, margin: '0 0 0.25rem' }}>{t('registration.duplicateTitle')}</p>
      <p style={{ margin: '0 0 0.25rem' }}>
        {t('registration.duplicateBody', {
          name: existing.name, branch: existing.branchName ?? existing.branchCode ?? '-',
          registeredAt: formatDateTime(existing.registeredAt, zone), kpj: existing.kpj ?? t('registration.kpjWaiting'),
        })}
      </p>
      <p className="muted" style={{ margin: '0 0 0.5rem' }}>{t(existing.foundAt === 'local' ? 'registration.duplicateLocal' : 'registration.duplicateCentral')}</p>
      <button ref={button} type="button" className="primary" onClick={onPay} disabled={busy}>{t('registration.toPayment')}</button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { PrintResult } from '../../../shared/contract/payment';

/** Where the receipt is, said in words: printed, waiting (and why), failed, or on its way. */
export function PrintStatus({ print }: { print: PrintResult }) {
  const { t } = useTranslation();
  const reason = print.errorKey ? t(print.errorKey) : '';
  const text = print.status === 'printed' ? t(print.copy ? 'payment.print.copyPrinted' : 'payment.print.printed')
    : print.status === 'queued' ? t('payment.print.queued', { reason })
      : print.status === 'failed' ? t('payment.print.failed', { reason })
        : print.status === 'printing' ? t('payment.print.printing') : t('payment.print.none');
  const cls = print.status === 'printed' ? 'notice' : print.status === 'printing' ? 'notice' : 'notice notice-warn';
  return <p className={cls} role="status" data-print-status={print.status}>{text}</p>;
}

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Output } from '../../../shared/contract';
import { formatRupiah } from '../../../shared/money';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { HeadApproval } from '../../components/HeadApproval';
import { messageText } from '../../i18n';
import { applyServerErrors, errorText } from '../form-errors';
import { useShell } from '../shell-context';

const schema = contract['payment.void'].input.omit({ entryId: true });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

interface Props {
  entryId: string;
  receiptNo: string;
  amount: number;
  onDone(result: Output<'payment.void'>): void;
  onCancel(): void;
}

/** The reason and a branch head's user name and PIN, typed here even at a teller's session. */
export function VoidDialog({ entryId, receiptNo, amount, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { reason: '', approval: { username: '', pin: '' } },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onDone(await api.call('payment.void', { entryId, ...values }));
    } catch (e) {
      setValue('approval.pin', '');
      setFormError(applyServerErrors<FormIn>(e, ['reason', 'approval.username', 'approval.pin'], setError));
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="void-title">
      <h2 id="void-title" style={{ marginTop: 0 }}>{t('history.void.title', { receiptNo })}</h2>
      <p>{t('history.void.intro', { amount: formatRupiah(amount) })}</p>
      <TextField id="void-reason" label={t('history.void.reason')} autoFocus autoComplete="off"
        error={errorText(t, errors.reason?.message, zone)} {...register('reason')} />
      <HeadApproval idPrefix="void" username={register('approval.username')} pin={register('approval.pin')}
        usernameError={errorText(t, errors.approval?.username?.message, zone)} pinError={errorText(t, errors.approval?.pin?.message, zone)} />
      {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
      <div className="row" style={{ marginTop: '0.75rem' }}>
        <button type="submit" className="primary" disabled={isSubmitting}>{isSubmitting ? t('history.void.busy') : t('history.void.submit')}</button>
        <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">{t('history.void.cancel')}</button>
      </div>
    </form>
  );
}

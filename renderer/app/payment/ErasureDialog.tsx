import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Output } from '../../../shared/contract';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { HeadApproval } from '../../components/HeadApproval';
import { messageText } from '../../i18n';
import { applyServerErrors, errorText } from '../form-errors';
import { useShell } from '../shell-context';
import { useFocusTrap } from '../useFocusTrap';
import { useEscape } from '../useEscape';

// Erasure of a participant's personal data by BPJS's order (issue 16): a head only, with the
// order's number and their PIN again. It cannot be undone: the dialog says so first.

const schema = contract['participants.erase'].input.omit({ participantId: true });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

interface Props { participantId: string; name: string; onDone(r: Output<'participants.erase'>): void; onCancel(): void }

export function ErasureDialog({ participantId, name, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const trapRef = useFocusTrap<HTMLDivElement>();
  useEscape(onCancel);
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { order: '', approval: { username: '', pin: '' } },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onDone(await api.call('participants.erase', { participantId, ...values }));
    } catch (e) {
      setValue('approval.pin', '');
      setFormError(applyServerErrors<FormIn>(e, ['order', 'approval.username', 'approval.pin'], setError));
    }
  });
  return (
    <div className="overlay">
      <div ref={trapRef} className="card" role="dialog" aria-modal="true" aria-labelledby="erase-title" tabIndex={-1}
        style={{ width: '620px', maxHeight: '100%', overflow: 'auto' }}>
        <form onSubmit={submit} noValidate>
          <h2 id="erase-title" style={{ marginTop: 0 }}>{t('erasure.title')}</h2>
          <p className="notice notice-warn">{t('erasure.warning', { name })}</p>
          <TextField id="erase-order" label={t('erasure.order')} autoFocus autoComplete="off" error={errorText(t, errors.order?.message, zone)} {...register('order')} />
          <HeadApproval idPrefix="erase" username={register('approval.username')} pin={register('approval.pin')}
            usernameError={errorText(t, errors.approval?.username?.message, zone)} pinError={errorText(t, errors.approval?.pin?.message, zone)} />
          {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
          <div className="row" style={{ marginTop: '0.75rem' }}>
            <button type="submit" className="danger" disabled={isSubmitting}>{isSubmitting ? t('erasure.busy') : t('erasure.submit')}</button>
            <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">{t('erasure.cancel')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}

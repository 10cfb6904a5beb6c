import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { approvalSchema } from '../../../shared/contract/common';
import { correctionChangesSchema } from '../../../shared/contract/participant-data';
import type { Output } from '../../../shared/contract';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../shared/protocol/personal-data';
import { api } from '../../api/client';
import { DateField, TextField } from '../../components/Field';
import { HeadApproval } from '../../components/HeadApproval';
import { messageText } from '../../i18n';
import { applyServerErrors, errorText } from '../form-errors';
import { useShell } from '../shell-context';
import { useFocusTrap } from '../useFocusTrap';
import { useEscape } from '../useEscape';

// "Koreksi data peserta" (issue 16): the worker's data as it stands, editable; only what the
// teller changes is sent, with the reason and a head's user name and PIN (typed here at a
// teller's session). The service writes a new version and keeps the old one for the audit.

type Participant = Output<'participants.get'>;
type Current = Record<CorrectableField, string>;

const schema = z.object({
  changes: correctionChangesSchema.required(),
  reason: z.string().trim().min(3, { error: 'err.correction.reasonRequired' }).max(200, { error: 'err.registration.tooLong' }),
  approval: approvalSchema,
});
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

const FIELD_PATHS = [...CORRECTABLE_FIELDS.map((f) => `changes.${f}` as const), 'changes', 'reason', 'approval.username', 'approval.pin'] as const;

interface Props {
  participant: Participant;
  onDone(result: Output<'participants.correct'>): void;
  onCancel(): void;
}

export function CorrectionDialog({ participant: p, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const zone = useShell().info.branch.timeZone;
  const trapRef = useFocusTrap<HTMLDivElement>();
  useEscape(onCancel);
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const current: Current = {
    name: p.name, birthPlace: p.birthPlace ?? '', birthDate: p.birthDate, phone: p.phone ?? '', address: p.address ?? '', motherName: p.motherName ?? '',
  };
  const { register, control, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { changes: current, reason: '', approval: { username: '', pin: '' } },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    // Only what differs from what is held goes to the service (the form trims as it checks).
    const changes = Object.fromEntries(CORRECTABLE_FIELDS.filter((f) => values.changes[f] !== current[f].trim()).map((f) => [f, values.changes[f]]));
    try {
      onDone(await api.call('participants.correct', { participantId: p.id, changes, reason: values.reason, approval: values.approval }));
    } catch (e) {
      setValue('approval.pin', '');
      setFormError(applyServerErrors<FormIn>(e, FIELD_PATHS, setError));
    }
  });
  const err = (f: CorrectableField) => errorText(t, errors.changes?.[f]?.message, zone);
  return (
    <div className="overlay">
      <div ref={trapRef} className="card" role="dialog" aria-modal="true" aria-labelledby="correct-title" tabIndex={-1}
        style={{ width: '760px', maxHeight: '100%', overflow: 'auto' }}>
        <form onSubmit={submit} noValidate>
          <h2 id="correct-title" style={{ marginTop: 0 }}>{t('correction.title')}</h2>
          <p className="muted">{t('correction.intro')}</p>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: '1rem' }}>
            <TextField id="correct-name" label={t('correction.name')} autoFocus autoComplete="off" error={err('name')} {...register('changes.name')} />
            <TextField id="correct-birthPlace" label={t('correction.birthPlace')} autoComplete="off" error={err('birthPlace')} {...register('changes.birthPlace')} />
            <Controller control={control} name="changes.birthDate" render={({ field }) => (
              <DateField id="correct-birthDate" label={t('correction.birthDate')} error={err('birthDate')}
                name={field.name} ref={field.ref} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} />
            )} />
            <TextField id="correct-phone" label={t('correction.phone')} inputMode="tel" autoComplete="off" error={err('phone')} {...register('changes.phone')} />
            <TextField id="correct-address" label={t('correction.address')} autoComplete="off" error={err('address')} {...register('changes.address')} />
            <TextField id="correct-motherName" label={t('correction.motherName')} autoComplete="off" error={err('motherName')} {...register('changes.motherName')} />
          </div>
          <TextField id="correct-reason" label={t('correction.reason')} autoComplete="off" error={errorText(t, errors.reason?.message, zone)} {...register('reason')} />
          <HeadApproval idPrefix="correct" username={register('approval.username')} pin={register('approval.pin')}
            usernameError={errorText(t, errors.approval?.username?.message, zone)} pinError={errorText(t, errors.approval?.pin?.message, zone)} />
          {(formError || errors.changes?.message) && (
            <p className="notice notice-error" role="alert">
              {formError ? messageText(t, formError.key, formError.params, zone) : errorText(t, errors.changes?.message, zone)}
            </p>
          )}
          <div className="row" style={{ marginTop: '0.75rem' }}>
            <button type="submit" className="primary" disabled={isSubmitting}>{isSubmitting ? t('correction.busy') : t('correction.submit')}</button>
            <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">{t('correction.cancel')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}

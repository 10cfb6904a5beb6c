import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Output } from '../../../shared/contract';
import { ZONE_LABEL } from '../../../shared/dates';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';

const schema = contract['setup.enrol'].input;
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

interface Props { url: string; caFile?: string; onEnrolled(r: Output<'setup.enrol'>): void; onBack(): void }

/** Step 2: branch code, counter number and the one-time code; the server answers with the branch. */
export function EnrolStep({ url, caFile, onEnrolled, onBack }: Props) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { url, caFile: caFile || undefined, branchCode: '', counterNumber: 1, code: '' },
  });
  const err = (m?: string) => errorText(t, m, 'Asia/Jakarta');

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onEnrolled(await api.call('setup.enrol', values));
    } catch (e) {
      setFormError(applyServerErrors<FormIn>(e, ['branchCode', 'counterNumber', 'code'], setError));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{url}</p>
      <TextField id="setup-branch" label={t('wizard.branchCode')} inputMode="numeric" maxLength={5} autoFocus error={err(errors.branchCode?.message)} {...register('branchCode')} />
      <TextField id="setup-counter" label={t('wizard.counterNumber')} inputMode="numeric" error={err(errors.counterNumber?.message)} {...register('counterNumber', { valueAsNumber: true })} />
      <TextField id="setup-code" label={t('wizard.code')} hint={t('wizard.codeHint')} autoComplete="off" spellCheck={false} autoCapitalize="characters" error={err(errors.code?.message)} {...register('code')} />
      {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, 'Asia/Jakarta')}</p>}
      <div className="row">
        <button type="button" onClick={onBack}>{t('action.back')}</button>
        <button type="submit" className="primary" disabled={isSubmitting}>{isSubmitting ? t('wizard.enrolling') : t('wizard.enrol')}</button>
      </div>
    </form>
  );
}

export function enrolledText(t: (k: string, p?: Record<string, unknown>) => string, r: Output<'setup.enrol'>): string {
  return t('wizard.enrolled', { branch: r.branch.name, counter: r.counter.number, counterId: r.counter.id, zone: ZONE_LABEL[r.branch.timeZone] });
}

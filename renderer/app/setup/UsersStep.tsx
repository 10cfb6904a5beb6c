import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { newUserSchema } from '../../../shared/contract/setup';
import type { TimeZone } from '../../../shared/dates';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';

const schema = z.object({ head: newUserSchema, withTechnician: z.boolean(), technician: z.unknown() })
  .superRefine((v, ctx) => {
    if (!v.withTechnician) return;
    const r = newUserSchema.safeParse(v.technician);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['technician', ...i.path] } as never);
  });
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;
const FIELDS = ['head.username', 'head.displayName', 'head.pin', 'head.pinConfirm',
  'technician.username', 'technician.displayName', 'technician.pin', 'technician.pinConfirm'] as const;
const blank = { username: '', displayName: '', pin: '', pinConfirm: '' };

/** Step 4: the first head, and the technician's own account; this completes the set-up. */
export function UsersStep({ zone, onDone }: { zone: TimeZone; onDone(): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, watch, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { head: blank, withTechnician: true, technician: blank },
  });
  const withTechnician = watch('withTechnician');
  const err = (m?: string) => errorText(t, m, zone);
  const techErrors = (errors.technician ?? {}) as Record<string, { message?: string } | undefined>;

  const submit = handleSubmit(async (v) => {
    setFormError(null);
    try {
      const technician = v.withTechnician ? newUserSchema.parse(v.technician) : undefined;
      await api.call('setup.createFirstHead', { head: v.head, technician });
      onDone();
    } catch (e) {
      setFormError(applyServerErrors<FormIn>(e, FIELDS as never, setError));
    }
  });

  const person = (who: 'head' | 'technician', e: Record<string, { message?: string } | undefined>) => (
    <>
      <TextField id={`setup-${who}-name`} label={t('tech.users.displayName')} error={err(e.displayName?.message)} {...register(`${who}.displayName` as never)} />
      <TextField id={`setup-${who}-username`} label={t('tech.users.username')} autoCapitalize="none" spellCheck={false} error={err(e.username?.message)} {...register(`${who}.username` as never)} />
      <TextField id={`setup-${who}-pin`} label={t('tech.users.pin')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" error={err(e.pin?.message)} {...register(`${who}.pin` as never)} />
      <TextField id={`setup-${who}-pin2`} label={t('tech.users.pinConfirm')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" error={err(e.pinConfirm?.message)} {...register(`${who}.pinConfirm` as never)} />
    </>
  );

  return (
    <form onSubmit={submit} noValidate>
      <p className="muted">{t('wizard.usersIntro')}</p>
      <fieldset>
        <legend>{t('wizard.head')}</legend>
        {person('head', (errors.head ?? {}) as Record<string, { message?: string } | undefined>)}
      </fieldset>
      <label className="row"><input type="checkbox" {...register('withTechnician')} /> {t('wizard.withTechnician')}</label>
      {withTechnician && (
        <fieldset>
          <legend>{t('wizard.technician')}</legend>
          {person('technician', techErrors)}
        </fieldset>
      )}
      {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
      <button type="submit" className="primary" disabled={isSubmitting}>{t('wizard.finish')}</button>
    </form>
  );
}

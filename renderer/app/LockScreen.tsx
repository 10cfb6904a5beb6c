import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../shared/contract';
import { api } from '../api/client';
import { TextField } from '../components/Field';
import { applyServerErrors, errorText } from './form-errors';
import { messageText } from '../i18n';
import { useFocusTrap } from './useFocusTrap';
import type { AppInfo, SignedInUser } from './shell-context';

const schema = contract['auth.unlock'].input;
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

interface Props {
  info: AppInfo;
  user: SignedInUser;
  onUnlocked(): void;
  onSwitchUser(): void;
}

/**
 * Covers the shell after inactivity (or Ctrl+L). The screen underneath stays mounted, so work
 * in progress survives; only the same user's PIN opens it, anyone else signs this user out.
 */
export function LockScreen({ info, user, onUnlocked, onSwitchUser }: Props) {
  const { t } = useTranslation();
  const zone = info.branch.timeZone;
  const trapRef = useFocusTrap<HTMLDivElement>();
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { pin: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.call('auth.unlock', values);
      onUnlocked();
    } catch (e) {
      setValue('pin', '');
      setFormError(applyServerErrors<FormIn>(e, ['pin'], setError));
    }
  });

  return (
    <div className="overlay overlay-opaque">
      <div ref={trapRef} className="card lock-card" role="dialog" aria-modal="true" aria-labelledby="lock-title" aria-describedby="lock-body">
        <p className="brand">{t('app.name')}</p>
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p id="lock-body">{t('lock.body', { name: user.displayName })}</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="lock-pin"
            label={t('signIn.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            autoFocus
            error={errorText(t, errors.pin?.message, zone)}
            {...register('pin')}
          />
          {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
          <div className="row">
            <button type="submit" className="primary" disabled={isSubmitting}>{t('lock.unlock')}</button>
            <button type="button" onClick={onSwitchUser}>{t('lock.switchUser')}</button>
          </div>
        </form>
      </div>
    </div>
  );
}

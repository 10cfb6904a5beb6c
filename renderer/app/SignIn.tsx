import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract, type Output } from '../../shared/contract';
import { api } from '../api/client';
import { TextField } from '../components/Field';
import { applyServerErrors, errorText } from './form-errors';
import { messageText } from '../i18n';
import { LanguageButton } from './LanguageButton';
import type { AppInfo } from './shell-context';

const schema = contract['auth.signIn'].input;
type FormIn = z.input<typeof schema>;
type FormOut = z.output<typeof schema>;

interface Props {
  info: AppInfo;
  onSignedIn(result: Output<'auth.signIn'>): void;
  onToggleLanguage(): void;
}

/** Sign-in with user name and 6-digit PIN, checked by the same schema the service uses. */
export function SignIn({ info, onSignedIn, onToggleLanguage }: Props) {
  const { t } = useTranslation();
  const zone = info.branch.timeZone;
  const [formError, setFormError] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const { register, handleSubmit, setError, setValue, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(schema),
    defaultValues: { username: '', pin: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSignedIn(await api.call('auth.signIn', values));
    } catch (e) {
      setValue('pin', '');
      setFormError(applyServerErrors<FormIn>(e, ['username', 'pin'], setError));
    }
  });

  return (
    <div className="center-page">
      <main className="card signin-card" aria-labelledby="signin-title">
        <div className="card-head">
          <div>
            <p className="brand">{t('app.name')}</p>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          <LanguageButton onToggle={onToggleLanguage} />
        </div>
        {info.branch.name && (
          <p className="signin-place">
            {info.branch.name} · {t('shell.counter', { number: info.counter.number })}
          </p>
        )}
        {info.setupNeeded && <p className="notice notice-warn">{t('shell.setupNeeded')}</p>}
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <form onSubmit={submit} noValidate>
          <TextField
            id="signin-username"
            label={t('signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            error={errorText(t, errors.username?.message, zone)}
            {...register('username')}
          />
          <TextField
            id="signin-pin"
            label={t('signIn.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            hint={t('signIn.pinHint')}
            error={errorText(t, errors.pin?.message, zone)}
            {...register('pin')}
          />
          {formError && <p className="notice notice-error" role="alert">{messageText(t, formError.key, formError.params, zone)}</p>}
          <button type="submit" className="primary wide" disabled={isSubmitting}>
            {isSubmitting ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

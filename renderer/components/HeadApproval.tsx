import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from './Field';

interface Props {
  /** Prefix of the two fields' ids (`void` → `void-head`, `void-pin`). */
  idPrefix: string;
  username: UseFormRegisterReturn;
  pin: UseFormRegisterReturn;
  usernameError?: string | null;
  pinError?: string | null;
}

/** A branch head's user name and PIN, typed on the dialog even at a teller's session. */
export function HeadApproval({ idPrefix, username, pin, usernameError, pinError }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: '1px solid var(--line)', borderRadius: 'var(--radius)', padding: '0.75rem 1rem 0' }}>
      <legend style={{ fontWeight: 700 }}>{t('approval.title')}</legend>
      <TextField id={`${idPrefix}-head`} label={t('approval.username')} autoComplete="off" autoCapitalize="none" spellCheck={false}
        error={usernameError} {...username} />
      <TextField id={`${idPrefix}-pin`} label={t('approval.pin')} type="password" inputMode="numeric" maxLength={6} autoComplete="off"
        error={pinError} {...pin} />
    </fieldset>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ManagedUser } from '../../../shared/contract/technician';
import type { Role } from '../../../shared/roles';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { applyServerErrors, errorText } from '../form-errors';
import { messageText } from '../../i18n';
import type { ScreenProps } from '../screens';
import { useShell } from '../shell-context';
import { SelectField } from './fields';

const createSchema = contract['users.create'].input;
const resetSchema = contract['users.resetPin'].input;
type Msg = { key: string; params?: Record<string, string | number>; error?: boolean };
/** Mirrors the service's rule (electron/services/users/users.ts); the service decides. */
const MANAGES: Record<Role, Role[]> = { teller: [], head: ['teller', 'head'], technician: ['teller', 'head', 'technician'] };

/** Pengguna: list, add, change a PIN, disable or enable. There is no delete. */
export function UsersScreen({ id }: ScreenProps) {
  const { t } = useTranslation();
  const { user, info } = useShell();
  const zone = info.branch.timeZone;
  const [users, setUsers] = useState<ManagedUser[]>([]);
  const [msg, setMsg] = useState<Msg | null>(null);
  const [resetting, setResetting] = useState<ManagedUser | null>(null);
  const roles = MANAGES[user.role];

  const reload = useCallback(() => api.call('users.list', {}).then((r) => setUsers(r.users)), []);
  useEffect(() => { reload().catch(() => undefined); }, [reload]);

  const form = useForm<z.input<typeof createSchema>, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema), defaultValues: { username: '', displayName: '', role: 'teller', pin: '', pinConfirm: '' },
  });
  const e = form.formState.errors;
  const create = form.handleSubmit(async (v) => {
    setMsg(null);
    try {
      const u = await api.call('users.create', v);
      form.reset();
      setMsg({ key: 'tech.users.created', params: { username: u.username } });
      await reload();
    } catch (err) {
      const rest = applyServerErrors(err, ['username', 'displayName', 'role', 'pin', 'pinConfirm'], form.setError);
      if (rest) setMsg({ ...rest, error: true });
    }
  });

  const toggle = async (u: ManagedUser) => {
    setMsg(null);
    try {
      await api.call('users.setDisabled', { userId: u.id, disabled: !u.disabled });
      setMsg({ key: u.disabled ? 'tech.users.enabledDone' : 'tech.users.disabledDone', params: { username: u.username } });
      await reload();
    } catch (err) {
      const x = err as { key?: string; params?: Record<string, string | number> };
      setMsg({ key: x.key ?? 'err.internal', params: x.params, error: true });
    }
  };

  const stateText = (u: ManagedUser) => [u.disabled ? t('tech.users.disabled') : t('tech.users.active'), u.locked ? t('tech.users.locked') : null, u.hasEntries ? t('tech.users.hasEntries') : null].filter(Boolean).join(' · ');

  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t(`screen.${id}`)}</h1>
      <p className="muted">{t('tech.users.noDelete')}</p>
      {msg && <p className={`notice${msg.error ? ' notice-error' : ''}`} role={msg.error ? 'alert' : 'status'}>{messageText(t, msg.key, msg.params, zone)}</p>}
      <table className="shortcut-table" aria-label={t('tech.users.list')}>
        <thead><tr><th>{t('tech.users.name')}</th><th>{t('tech.users.username')}</th><th>{t('tech.users.role')}</th><th>{t('tech.users.state')}</th><th /></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.username}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{stateText(u)}</td>
              <td>
                {roles.includes(u.role) && (
                  <div className="row table-actions">
                    <button type="button" onClick={() => setResetting(u)}>{t('tech.users.resetPin')}</button>
                    {u.id !== user.id && <button type="button" onClick={() => void toggle(u)}>{u.disabled ? t('tech.users.enable') : t('tech.users.disable')}</button>}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetting && <ResetPin user={resetting} zone={zone} onDone={(m) => { setResetting(null); if (m) setMsg(m); }} />}

      <h2>{t('tech.users.create')}</h2>
      <form onSubmit={create} noValidate aria-label={t('tech.users.create')} className="form-narrow">
        <TextField id="user-name" label={t('tech.users.displayName')} error={errorText(t, e.displayName?.message, zone)} {...form.register('displayName')} />
        <TextField id="user-username" label={t('tech.users.username')} autoCapitalize="none" spellCheck={false} error={errorText(t, e.username?.message, zone)} {...form.register('username')} />
        <SelectField id="user-role" label={t('tech.users.role')} error={errorText(t, e.role?.message, zone)} {...form.register('role')}>
          {roles.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </SelectField>
        <TextField id="user-pin" className="field-short" label={t('tech.users.pin')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" error={errorText(t, e.pin?.message, zone)} {...form.register('pin')} />
        <TextField id="user-pin2" className="field-short" label={t('tech.users.pinConfirm')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" error={errorText(t, e.pinConfirm?.message, zone)} {...form.register('pinConfirm')} />
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>{t('tech.users.create')}</button>
      </form>
    </section>
  );
}

function ResetPin({ user, zone, onDone }: { user: ManagedUser; zone: Parameters<typeof errorText>[2]; onDone(m: Msg | null): void }) {
  const { t } = useTranslation();
  const [msg, setMsg] = useState<Msg | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<z.input<typeof resetSchema>, unknown, z.output<typeof resetSchema>>({
    resolver: zodResolver(resetSchema), defaultValues: { userId: user.id, pin: '', pinConfirm: '' },
  });
  const submit = handleSubmit(async (v) => {
    try {
      await api.call('users.resetPin', v);
      onDone({ key: 'tech.users.pinReset', params: { username: user.username } });
    } catch (err) {
      const rest = applyServerErrors(err, ['pin', 'pinConfirm'], setError);
      if (rest) setMsg({ ...rest, error: true });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="card" aria-label={t('tech.users.resetFor', { username: user.username })}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onDone(null); } }}>
      <h3>{t('tech.users.resetFor', { username: user.username })}</h3>
      <TextField id="reset-pin" className="field-short" label={t('tech.users.pin')} type="password" inputMode="numeric" maxLength={6} autoFocus autoComplete="new-password" error={errorText(t, errors.pin?.message, zone)} {...register('pin')} />
      <TextField id="reset-pin2" className="field-short" label={t('tech.users.pinConfirm')} type="password" inputMode="numeric" maxLength={6} autoComplete="new-password" error={errorText(t, errors.pinConfirm?.message, zone)} {...register('pinConfirm')} />
      {msg && <p className="notice notice-error" role="alert">{messageText(t, msg.key, msg.params, zone)}</p>}
      <div className="row">
        <button type="button" onClick={() => onDone(null)}>{t('action.cancel')} <kbd>Esc</kbd></button>
        <button type="submit" className="primary" disabled={isSubmitting}>{t('tech.users.resetPin')}</button>
      </div>
    </form>
  );
}

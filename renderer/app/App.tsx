import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/dates';
import type { Output } from '../../shared/contract';
import { api } from '../api/client';
import { applyLanguage, messageText } from '../i18n';
import { Shell } from './Shell';
import { SignIn } from './SignIn';
import { SetupWizard } from './setup/SetupWizard';
import type { AppInfo, SignedInUser } from './shell-context';

type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; key: string }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; user: SignedInUser; idleLockMinutes: number; locked: boolean };

/** Start-up, sign-in, the shell, and the way back: the app's states in one place. */
export function App() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const start = useCallback(async () => {
    setPhase({ kind: 'loading' });
    try {
      const i = await api.call('app.info', {});
      applyLanguage(i.language);
      setInfo(i);
      if (api.session.get()) {
        try {
          const me = await api.call('auth.me', {});
          setPhase({ kind: 'signedIn', user: me.user, idleLockMinutes: me.idleLockMinutes, locked: me.locked });
          return;
        } catch {
          api.session.clear();
        }
      }
      setPhase({ kind: 'signedOut' });
    } catch (e) {
      setPhase({ kind: 'unavailable', key: (e as { key?: string }).key ?? 'err.network' });
    }
  }, []);

  useEffect(() => { void start(); }, [start]);

  useEffect(() => {
    document.title = info?.branch.name ? `${t('app.name')} · ${info.branch.name}` : t('app.name');
  }, [info, t]);

  // The server forgot the session (restart) or locked it (idle on its clock): follow it.
  useEffect(() => api.onSessionEvent((event) => {
    if (event === 'lost') { api.session.clear(); setPhase({ kind: 'signedOut' }); }
    else setPhase((p) => (p.kind === 'signedIn' ? { ...p, locked: true } : p));
  }), []);

  const onSignedIn = useCallback((r: Output<'auth.signIn'>) => {
    api.session.set(r.session);
    setPhase({ kind: 'signedIn', user: r.user, idleLockMinutes: r.idleLockMinutes, locked: false });
  }, []);

  const onLock = useCallback(() => {
    setPhase((p) => (p.kind === 'signedIn' ? { ...p, locked: true } : p));
    api.call('auth.lock', {}).catch(() => { /* locked on screen anyway; the server locks on its own clock */ });
  }, []);

  const onUnlocked = useCallback(() => {
    setPhase((p) => (p.kind === 'signedIn' ? { ...p, locked: false } : p));
  }, []);

  const onSignOut = useCallback(async () => {
    try { await api.call('auth.signOut', { reason: 'user' }); } catch { /* the session is dropped here either way */ }
    api.session.clear();
    setPhase({ kind: 'signedOut' });
  }, []);

  const onToggleLanguage = useCallback(() => {
    if (!info) return;
    const language: Lang = info.language === 'en' ? 'id' : 'en';
    applyLanguage(language);
    setInfo({ ...info, language });
    api.call('app.setLanguage', { language }).catch(() => { /* shown now; kept next start when the service answers */ });
  }, [info]);

  if (phase.kind === 'loading' || (phase.kind !== 'unavailable' && !info)) {
    return <div className="center-page"><p className="muted" role="status">{t('shell.loading')}</p></div>;
  }
  if (phase.kind === 'unavailable' || !info) {
    return (
      <div className="center-page">
        <main className="card">
          <p className="brand">{t('app.name')}</p>
          <p className="notice notice-error" role="alert">{messageText(t, phase.kind === 'unavailable' ? phase.key : 'err.network', undefined, 'Asia/Jakarta')}</p>
          <button type="button" className="primary" onClick={() => void start()}>{t('action.retry')}</button>
        </main>
      </div>
    );
  }
  if (phase.kind === 'signedOut') {
    // A counter that is not set up shows the first-run wizard instead (renderer/app/setup).
    if (info.setupNeeded) return <SetupWizard info={info} onFinished={() => void start()} onToggleLanguage={onToggleLanguage} />;
    return <SignIn info={info} onSignedIn={onSignedIn} onToggleLanguage={onToggleLanguage} />;
  }
  return (
    <Shell
      info={info}
      user={phase.user}
      idleLockMinutes={phase.idleLockMinutes}
      locked={phase.locked}
      onLock={onLock}
      onUnlocked={onUnlocked}
      onSignOut={() => void onSignOut()}
      onToggleLanguage={onToggleLanguage}
    />
  );
}

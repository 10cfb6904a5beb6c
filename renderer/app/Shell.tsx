import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canOpen, globalActionForKey, menuItemForKey } from '../../shared/menu';
import type { Lang } from '../../shared/dates';
import { HelpOverlay } from './HelpOverlay';
import { Home } from './Home';
import { LanguageButton } from './LanguageButton';
import { LockScreen } from './LockScreen';
import { NavMenu } from './NavMenu';
import { SCREENS } from './screens';
import { StatusBar } from './StatusBar';
import { ShellContext, type AppInfo, type Place, type ShellValue, type SignedInUser } from './shell-context';
import { useIdleLock } from './useIdleLock';
import { useStatus } from './useStatus';

interface Props {
  info: AppInfo;
  user: SignedInUser;
  idleLockMinutes: number;
  locked: boolean;
  onLock(): void;
  onUnlocked(): void;
  onSignOut(): void;
  onToggleLanguage(): void;
}

function isEditable(el: Element | null): boolean {
  return !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
    || (el as HTMLElement).isContentEditable);
}

/** The signed-in frame: top bar, role's menu, the current screen, the status bar, keys, idle lock. */
export function Shell({ info, user, idleLockMinutes, locked, onLock, onUnlocked, onSignOut, onToggleLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const [place, setPlace] = useState<Place>('home');
  const [helpOpen, setHelpOpen] = useState(false);
  const { status, unreachable } = useStatus(true);
  const mainRef = useRef<HTMLElement>(null);
  const movedByUser = useRef(false);

  useIdleLock(!locked, idleLockMinutes, onLock);
  useEffect(() => { if (locked) setHelpOpen(false); }, [locked]);

  const navigate = useCallback((next: Place) => {
    if (next !== 'home' && !canOpen(user.role, next)) return;
    movedByUser.current = true;
    setPlace(next);
  }, [user.role]);

  // After a move, put focus on the new screen's title unless the screen focused a field itself.
  useEffect(() => {
    if (!movedByUser.current) return;
    movedByUser.current = false;
    const main = mainRef.current;
    if (main && !main.contains(document.activeElement)) {
      (main.querySelector<HTMLElement>('#screen-title') ?? main).focus();
    }
  }, [place]);

  // A layout effect, so the keys work from the moment the shell is on screen: a teller who
  // presses F2 as soon as the sign-in is through must not have the key fall on nothing.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (locked || e.defaultPrevented) return;
      const action = globalActionForKey(e);
      if (helpOpen) {
        if (action === 'help' || action === 'escape') { e.preventDefault(); setHelpOpen(false); }
        return; // the overlay keeps Tab inside itself
      }
      if (action) {
        if (action === 'escape') {
          // Esc leaves the field first, then the screen.
          if (isEditable(document.activeElement)) {
            e.preventDefault();
            document.querySelector<HTMLElement>('main #screen-title, main')?.focus();
          } else if (place !== 'home') {
            e.preventDefault();
            navigate('home');
          }
          return;
        }
        e.preventDefault();
        if (action === 'help') setHelpOpen(true);
        else if (action === 'home') navigate('home');
        else if (action === 'lock') onLock();
        else if (action === 'language') onToggleLanguage();
        return;
      }
      const item = menuItemForKey(e);
      if (item) {
        // Always swallow the key (F3 find, F6 address bar…); open only what the role may see.
        e.preventDefault();
        if (canOpen(user.role, item.id)) navigate(item.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [locked, helpOpen, place, user.role, navigate, onLock, onToggleLanguage]);

  const value = useMemo<ShellValue>(() => ({
    info, user, status, lang: i18n.language as Lang, place, navigate,
  }), [info, user, status, i18n.language, place, navigate]);

  const Screen = place === 'home' ? null : SCREENS[place];

  return (
    <ShellContext.Provider value={value}>
      <div className="shell">
        <div className="shell-frame" inert={locked || helpOpen}>
          <a className="skip-link" href="#main">{t('shell.skipToContent')}</a>
          <header className="topbar">
            <span className="brand">{t('app.name')}</span>
            <span className="topbar-place">{info.branch.name} · {t('shell.counter', { number: info.counter.number })}</span>
            <span className="spacer" />
            <LanguageButton onToggle={onToggleLanguage} />
            <button type="button" className="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="F1">{t('shell.help')}</button>
            <button type="button" className="ghost" onClick={onLock} aria-keyshortcuts="Control+L">{t('shell.lock')}</button>
            <span className="topbar-user">{user.displayName} <span className="badge">{t(`role.${user.role}`)}</span></span>
            <button type="button" onClick={onSignOut}>{t('signOut')}</button>
          </header>
          <div className="shell-body">
            <NavMenu role={user.role} place={place} onNavigate={navigate} />
            <main id="main" ref={mainRef} className="main" tabIndex={-1}>
              {Screen ? <Screen key={place} id={place as Exclude<Place, 'home'>} /> : <Home />}
            </main>
          </div>
        </div>
        <StatusBar info={info} user={user} status={status} unreachable={unreachable} />
        {helpOpen && !locked && <HelpOverlay role={user.role} onClose={() => setHelpOpen(false)} />}
        {locked && <LockScreen info={info} user={user} onUnlocked={onUnlocked} onSwitchUser={onSignOut} />}
      </div>
    </ShellContext.Provider>
  );
}

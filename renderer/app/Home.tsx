import { useTranslation } from 'react-i18next';
import { menuFor } from '../../shared/menu';
import { useShell } from './shell-context';

/** The first screen after sign-in: a greeting and the screens this role can open. */
export function Home() {
  const { t } = useTranslation();
  const { user, info, navigate } = useShell();
  const items = menuFor(user.role);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t('home.welcome', { name: user.displayName })}</h1>
      <p className="muted">{t('home.hint')}</p>
      {info.setupNeeded && <p className="notice notice-warn">{t('shell.setupNeeded')}</p>}
      {info.settingsProblem && user.role !== 'teller' && <p className="notice notice-error">{t('shell.settingsProblem')}</p>}
      <h2>{t('home.screens')}</h2>
      <ul className="tiles">
        {items.map((m) => (
          <li key={m.id}>
            <button type="button" className="tile" onClick={() => navigate(m.id)}>
              <span className="tile-title">{t(m.labelKey)}</span>
              <span className="tile-keys"><kbd>{m.fnKey}</kbd> <kbd>Alt+{m.altLetter}</kbd></span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

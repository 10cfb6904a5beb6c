import { useTranslation } from 'react-i18next';
import { menuFor } from '../../shared/menu';
import type { Role } from '../../shared/roles';
import type { Place } from './shell-context';

interface Props { role: Role; place: Place; onNavigate(place: Place): void }

/** The side menu: home, then only the screens this role may open, each with its key. */
export function NavMenu({ role, place, onNavigate }: Props) {
  const { t } = useTranslation();
  const items = [
    { id: 'home' as const, label: t('screen.home'), key: 'Alt+H' },
    ...menuFor(role).map((m) => ({ id: m.id, label: t(m.labelKey), key: m.fnKey })),
  ];
  return (
    <nav className="nav" aria-label={t('shell.menu')}>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={place === item.id ? 'page' : undefined}
              aria-keyshortcuts={item.key}
              onClick={() => onNavigate(item.id)}
            >
              <span>{item.label}</span>
              <kbd>{item.key}</kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

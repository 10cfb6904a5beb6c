import { useTranslation } from 'react-i18next';
import { GLOBAL_SHORTCUTS, menuFor } from '../../shared/menu';
import type { Role } from '../../shared/roles';
import { useFocusTrap } from './useFocusTrap';

interface Props { role: Role; onClose(): void }

/** F1: every shortcut this role has, in one table. Esc or F1 closes it. */
export function HelpOverlay({ role, onClose }: Props) {
  const { t } = useTranslation();
  const trapRef = useFocusTrap<HTMLDivElement>();
  const rows: { keys: string[]; action: string }[] = [
    ...GLOBAL_SHORTCUTS.map((s) => ({ keys: [s.keys], action: t(s.labelKey) })),
    ...menuFor(role).map((m) => ({ keys: [m.fnKey, `Alt+${m.altLetter}`], action: t('helpOverlay.open', { screen: t(m.labelKey) }) })),
  ];
  return (
    <div
      className="overlay"
      onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); } }}
    >
      <div ref={trapRef} className="card help-card" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1}>
        <div className="card-head">
          <h2 id="help-title">{t('helpOverlay.title')}</h2>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">{t('action.close')}</button>
        </div>
        <table className="shortcut-table">
          <thead>
            <tr><th scope="col">{t('helpOverlay.key')}</th><th scope="col">{t('helpOverlay.action')}</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.keys.join()}>
                <td>{r.keys.map((k, i) => <span key={k}>{i > 0 && ' / '}<kbd>{k}</kbd></span>)}</td>
                <td>{r.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

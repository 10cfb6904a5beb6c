import { useTranslation } from 'react-i18next';

/** Switches between Indonesian and English (also Alt+L). Shows the language it switches to. */
export function LanguageButton({ onToggle }: { onToggle(): void }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'id' : 'en';
  const name = t(`lang.${other}`);
  return (
    <button type="button" className="ghost" lang={other} onClick={onToggle} aria-label={t('lang.switchTo', { name })} aria-keyshortcuts="Alt+L">
      {name}
    </button>
  );
}

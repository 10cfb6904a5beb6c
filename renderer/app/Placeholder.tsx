import { useTranslation } from 'react-i18next';
import type { ScreenProps } from './screens';

/** Stands in for a screen that is not built yet, so the menu and keys already work. */
export function Placeholder({ id }: ScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>{t(`screen.${id}`)}</h1>
      <p className="muted">{t('home.notYet')}</p>
    </section>
  );
}

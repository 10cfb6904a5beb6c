import { forwardRef, useEffect, useState, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { isoToTyped, tidyTyped, typedToValue } from '../../shared/date-input';

type Props = Omit<ComponentProps<'input'>, 'value' | 'onChange' | 'type'> & {
  /** ISO yyyy-mm-dd, '' or a half-typed text (what `onChange` last gave). */
  value: string;
  onChange(value: string): void;
};

/**
 * A date typed as DD/MM/YYYY from the keyboard, the same on every PC: unlike the browser's own
 * date field it does not follow the operating system's language (mm/dd/yyyy on an English
 * Windows). Gives the form an ISO date once complete (shared/date-input.ts).
 */
export const DateInput = forwardRef<HTMLInputElement, Props>(function DateInput({ value, onChange, ...input }, ref) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => isoToTyped(value));
  // A value set from outside (the NIK fills the birth date, a form reset) shows as typed.
  useEffect(() => {
    if (typedToValue(text) !== value) setText(isoToTyped(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      placeholder={t('date.placeholder')}
      {...input}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        // Deleting never puts back the slash just removed.
        const next = raw.length < text.length ? raw.replace(/[^\d/]/g, '') : tidyTyped(raw);
        setText(next);
        onChange(typedToValue(next));
      }}
    />
  );
});

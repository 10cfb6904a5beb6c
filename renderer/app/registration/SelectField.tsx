import { forwardRef, type ComponentProps, type ReactNode } from 'react';

type Props = ComponentProps<'select'> & { id: string; label: ReactNode; error?: string | null; hint?: ReactNode };

/** A labelled select whose hint and error are tied to it with aria-describedby (like TextField). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ id, label, error, hint, children, ...select }, ref) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
        style={{ width: '100%', padding: '0.45rem 0.5rem', font: 'inherit', borderRadius: 6, border: `1px solid ${error ? 'var(--bad)' : 'var(--line)'}` }}
        {...select}
      >
        {children}
      </select>
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </div>
  );
});

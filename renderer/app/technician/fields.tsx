import type { ComponentProps, ReactNode } from 'react';

type Props = ComponentProps<'select'> & { id: string; label: ReactNode; error?: string | null; hint?: ReactNode };

/** A labelled select whose hint and error are tied to it with aria-describedby (like TextField). */
export function SelectField({ id, label, error, hint, children, ...select }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined} {...select}>
        {children}
      </select>
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

/** Bytes as people read them: 1,2 MB. */
export function formatBytes(n: number, lang: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return `${v.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}

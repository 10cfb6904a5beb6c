import type { ComponentProps, ReactNode } from 'react';
import { DateInput } from './DateInput';

interface FrameProps {
  id: string;
  label: ReactNode;
  /** The translated error text, shown under the field and announced. */
  error?: string | null;
  hint?: ReactNode;
  className?: string;
}

type AriaOf = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** Label, hint and error around one control, tied to it with aria-describedby. */
function FieldFrame({ id, label, error, hint, className, control }: FrameProps & { control: (aria: AriaOf) => ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && <p id={hintId} className="field-hint">{hint}</p>}
      {error && <p id={errorId} className="field-error" role="alert">{error}</p>}
    </div>
  );
}

type Props = ComponentProps<'input'> & FrameProps & {
  /** A button that belongs on the input's line (e.g. Cari): centred on the input, with the hint and error under both. */
  action?: ReactNode;
};

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({ id, label, error, hint, className, action, ...input }: Props) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}
      control={(aria) => (action ? <div className="field-control-row"><input {...aria} {...input} />{action}</div> : <input {...aria} {...input} />)} />
  );
}

type DateProps = Omit<ComponentProps<typeof DateInput>, 'id'> & FrameProps;

/** A labelled date typed as DD/MM/YYYY, whatever the PC's language (DateInput). */
export function DateField({ id, label, error, hint, className, ...input }: DateProps) {
  return <FieldFrame id={id} label={label} error={error} hint={hint} className={className} control={(aria) => <DateInput {...aria} {...input} />} />;
}

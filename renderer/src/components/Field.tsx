import type { ReactNode } from 'react';
import './field.css';

export interface A11yProps {
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** A label bound to its input, with the hint and the error the input is described by. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | null;
  error?: string | null;
  className?: string;
  children: (a11y: A11yProps) => ReactNode;
}) {
  const { id, label, hint, error, className } = props;
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const a11y: A11yProps = {};
  if (ids) a11y['aria-describedby'] = ids;
  if (error) a11y['aria-invalid'] = true;
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {props.children(a11y)}
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field__error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** A checkbox with its label after it, as forms usually show flags. */
export function Check(props: {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

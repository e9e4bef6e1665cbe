import { useState, type InputHTMLAttributes } from 'react';
import { formatDate, parseDate, ui } from '../i18n';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  id: string;
  /** `YYYY-MM-DD`, '' for none, null while the text typed is not a date. */
  value: string | null;
  onChange(value: string | null): void;
};

const shown = (v: string | null): string => (v ? formatDate(v) : '');

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A date typed as ДД.ММ.ГГГГ whatever the system locale (a native date input follows the OS and is slow to
 * type into); ↑/↓ step a day.
 */
export function DateInput({ value, onChange, onKeyDown, ...rest }: Props) {
  const [text, setText] = useState(shown(value));
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // Changed from outside (the form was cleared, a default arrived): show it.
    setSeen(value);
    if (value !== null) setText(shown(value));
  }

  const emit = (next: string | null): void => {
    setSeen(next);
    onChange(next);
  };

  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={ui.dateFormatHint}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        setText(raw);
        emit(raw.trim() === '' ? '' : parseDate(raw));
      }}
      onBlur={(e) => {
        if (value) setText(shown(value));
        rest.onBlur?.(e);
      }}
      onKeyDown={(e) => {
        onKeyDown?.(e);
        if (e.defaultPrevented || !value || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          e.preventDefault();
          const next = addDays(value, e.key === 'ArrowUp' ? 1 : -1);
          setText(shown(next));
          emit(next);
        }
      }}
    />
  );
}

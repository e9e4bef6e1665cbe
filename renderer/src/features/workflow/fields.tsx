import { DateInput } from '../../components/DateInput';
import { Check, Field } from '../../components/Field';
import { ui } from '../../i18n';

/**
 * A dialog's values by the contract's field names, so a server error on `comment` lands under the
 * `comment` input. Dates are '' when empty and null while the typed text is not a date.
 */
export type Values = Record<string, string | boolean | null | string[]>;

export interface FormProps {
  /** Prefix of the inputs' ids: one dialog at a time, but a request's and the card's may differ. */
  prefix: string;
  values: Values;
  errors: Record<string, string>;
  set(patch: Values): void;
}

export const str = (v: Values, k: string): string => {
  const x = v[k];
  return typeof x === 'string' ? x : '';
};
export const bool = (v: Values, k: string): boolean => v[k] === true;
export const list = (v: Values, k: string): string[] => {
  const x = v[k];
  return Array.isArray(x) ? x : [];
};

/** Date fields the user left half-typed: they are refused here, before the server sees them. */
export function badDates(v: Values, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) if (v[n] === null) out[n] = ui.badDate;
  return out;
}

export function TextField(
  p: FormProps & { name: string; label: string; hint?: string; rows?: number; autoFocus?: boolean },
) {
  const id = `${p.prefix}-${p.name}`;
  const value = str(p.values, p.name);
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.errors[p.name]}>
      {(a) =>
        p.rows ? (
          <textarea
            id={id}
            {...a}
            rows={p.rows}
            data-autofocus={p.autoFocus ? '' : undefined}
            value={value}
            onChange={(e) => p.set({ [p.name]: e.target.value })}
          />
        ) : (
          <input
            id={id}
            {...a}
            autoComplete="off"
            data-autofocus={p.autoFocus ? '' : undefined}
            value={value}
            onChange={(e) => p.set({ [p.name]: e.target.value })}
          />
        )
      }
    </Field>
  );
}

export function DateField(p: FormProps & { name: string; label: string; autoFocus?: boolean }) {
  const id = `${p.prefix}-${p.name}`;
  const raw = p.values[p.name];
  return (
    <Field id={id} label={p.label} error={p.errors[p.name]} className="field--date">
      {(a) => (
        <DateInput
          id={id}
          {...a}
          data-autofocus={p.autoFocus ? '' : undefined}
          value={typeof raw === 'string' ? raw : raw === null ? null : ''}
          onChange={(v) => p.set({ [p.name]: v })}
        />
      )}
    </Field>
  );
}

export function SelectField(
  p: FormProps & {
    name: string;
    label: string;
    options: ReadonlyArray<readonly [string, string]>;
    placeholder?: string;
    hint?: string;
    autoFocus?: boolean;
  },
) {
  const id = `${p.prefix}-${p.name}`;
  return (
    <Field id={id} label={p.label} hint={p.hint} error={p.errors[p.name]}>
      {(a) => (
        <select
          id={id}
          {...a}
          data-autofocus={p.autoFocus ? '' : undefined}
          value={str(p.values, p.name)}
          onChange={(e) => p.set({ [p.name]: e.target.value })}
        >
          {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
          {p.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField(p: FormProps & { name: string; label: string }) {
  return (
    <Check
      id={`${p.prefix}-${p.name}`}
      label={p.label}
      checked={bool(p.values, p.name)}
      onChange={(v) => p.set({ [p.name]: v })}
    />
  );
}

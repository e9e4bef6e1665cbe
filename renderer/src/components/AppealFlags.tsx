import { ui } from '../i18n';
import { Check, Field } from './Field';

type FlagKey = 'isRepeat' | 'isCollective' | 'isAnonymous' | 'onControl';
type Flags = Record<FlagKey, boolean> & { signatories: string };

/**
 * The card's flags — repeated, collective (with the number of signatories), anonymous, on control —
 * as the registration form and the card editor both show them; `prefix` keeps their input ids apart.
 */
export function AppealFlags(props: {
  prefix: 'reg' | 'edit';
  values: Flags;
  label: (key: FlagKey) => string;
  errors: Record<string, string>;
  onChange: (patch: Partial<Flags>) => void;
}) {
  const { prefix, values, label, errors, onChange } = props;
  const flag = (key: FlagKey) => (
    <Check
      id={`${prefix}-${key}`}
      label={label(key)}
      checked={values[key]}
      onChange={(v) => onChange({ [key]: v })}
    />
  );
  const id = `${prefix}-signatories`;
  return (
    <div className="flags" role="group" aria-label={ui.register.flags}>
      {flag('isRepeat')}
      {flag('isCollective')}
      {values.isCollective ? (
        <Field id={id} label={ui.register.signatories} error={errors[id]} className="field--inline">
          {(a) => (
            <input
              id={id}
              {...a}
              type="number"
              min={2}
              value={values.signatories}
              onChange={(e) => onChange({ signatories: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      {flag('isAnonymous')}
      {flag('onControl')}
    </div>
  );
}

import { useState } from 'react';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';
import { mandatesUi } from '../../../../shared/i18n/ru/mandates';

export interface Voter {
  id: string;
  label: string;
}

/**
 * The voters who gave a наказ, from the contact base: a name (or phone) typed, one of what the base finds
 * picked with ↓ and Enter, shown as a chip that × takes off. Several may be picked.
 */
export function VoterPicker(props: {
  value: readonly Voter[];
  error?: string | null;
  onChange(v: Voter[]): void;
}) {
  const id = 'mandate-contacts';
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const found = useCall('contacts.list', { filter: { q }, limit: 10 }, { enabled: q.length >= 2 });
  const options: Voter[] = (found.data?.rows ?? [])
    .filter((c) => !props.value.some((v) => v.id === c.id))
    .map((c) => ({ id: c.id, label: c.address ? `${c.fullName}, ${c.address}` : c.fullName }));
  const choose = (typed: string): void => {
    const o = options.find((x) => x.label === typed);
    if (!o) return setText(typed);
    props.onChange([...props.value, o]);
    setText('');
  };
  return (
    <div className="field mandate-voters">
      <label htmlFor={id}>{mandatesUi.fields.contacts}</label>
      {props.value.length ? (
        <ul className="mandate-voters__chips" data-testid="mandate-voters">
          {props.value.map((v) => (
            <li key={v.id} className="mandate-voters__chip">
              <span>{v.label}</span>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                aria-label={`${mandatesUi.unpick} ${v.label}`}
                onClick={() => props.onChange(props.value.filter((x) => x.id !== v.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="search"
        list={`${id}-options`}
        placeholder={mandatesUi.pickContact}
        value={text}
        autoComplete="off"
        aria-invalid={props.error ? true : undefined}
        onChange={(e) => choose(e.target.value)}
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
      {props.error ? <p className="field__error">{props.error}</p> : null}
    </div>
  );
}

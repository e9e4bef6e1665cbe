import { useState } from 'react';
import {
  CONTACT_FIELD_TYPES,
  type ContactFieldDef,
  type ContactFieldType,
} from '../../../../shared/api/contacts';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check, Field } from '../../components/Field';
import { contactsText, errorText, fieldErrors, ui } from '../../i18n';
import './contacts.css';

const k = contactsText.fields;

interface Draft {
  id?: string;
  name: string;
  type: ContactFieldType;
  options: string;
  required: boolean;
}

/** The row's buttons that move a field up and down the list. */
const MOVES = [
  [-1, '↑', k.up],
  [1, '↓', k.down],
] as const;

const NEW: Draft = { name: '', type: 'text', options: '', required: false };

const draftOf = (d: ContactFieldDef): Draft => ({
  id: d.id,
  name: d.name,
  type: d.type,
  options: d.options.join('\n'),
  required: d.required,
});

/**
 * Settings → Поля контактов: the office's own fields of a contact, in the order the card shows them.
 * Office heads and administrators add, change, reorder and remove them; everyone else reads the list.
 */
export function ContactFieldsSettings(props: { editable: boolean }) {
  const listed = useCall('contactFields.list', {});
  const defs = listed.data ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const change = async (p: Promise<ContactFieldDef[]>): Promise<boolean> => {
    setError(null);
    setErrors({});
    try {
      listed.setData(await p);
      return true;
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setError(errorText(e));
      return false;
    }
  };
  const save = async (d: Draft): Promise<void> => {
    const options = d.options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const ok = await change(
      call('contactFields.save', {
        ...(d.id ? { id: d.id } : {}),
        name: d.name,
        type: d.type,
        options: d.type === 'list' ? options : [],
        required: d.required,
      }),
    );
    if (ok) setDraft(null);
  };
  const move = (d: ContactFieldDef, by: number) =>
    void change(call('contactFields.save', { ...draftOf(d), options: d.options, position: d.position + by }));

  return (
    <section className="panel contact-fields" aria-labelledby="contact-fields-title">
      <h2 id="contact-fields-title">{k.title}</h2>
      <p className="muted">{k.intro}</p>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {!listed.data ? <p className="muted">{ui.loading}</p> : null}
      {listed.data && defs.length === 0 ? <p className="muted">{k.none}</p> : null}
      {defs.length > 0 ? (
        <table className="table contact-fields__table">
          <thead>
            <tr>
              <th>{k.name}</th>
              <th>{k.type}</th>
              <th>{k.required}</th>
              {props.editable ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {defs.map((d, i) => (
              <tr key={d.id} data-testid="contact-field">
                <td>{d.name}</td>
                <td>
                  {k.types[d.type]}
                  {d.type === 'list' ? <div className="muted">{d.options.join(', ')}</div> : null}
                </td>
                <td>{d.required ? '✓' : ''}</td>
                {props.editable ? (
                  <td>
                    <div className="contact-fields__actions">
                      {MOVES.map(([by, arrow, what]) => (
                        <button
                          key={by}
                          type="button"
                          className="btn btn--small btn--ghost"
                          aria-label={`${what}: ${d.name}`}
                          disabled={i + by < 0 || i + by >= defs.length}
                          onClick={() => move(d, by)}
                        >
                          {arrow}
                        </button>
                      ))}
                      <button type="button" className="btn btn--small" onClick={() => setDraft(draftOf(d))}>
                        {k.edit}
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        onClick={() => {
                          if (window.confirm(k.removeConfirm(d.name)))
                            void change(call('contactFields.delete', { id: d.id }));
                        }}
                      >
                        {k.remove}
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.editable && !draft ? (
        <button type="button" className="btn" onClick={() => setDraft(NEW)}>
          {k.add}
        </button>
      ) : null}
      {draft ? (
        <form
          className="contact-fields__form"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <Field id="contact-field-name" label={k.name} error={errors.name}>
            {(a) => (
              <input
                id="contact-field-name"
                {...a}
                value={draft.name}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
            )}
          </Field>
          <Field id="contact-field-type" label={k.type} error={errors.type}>
            {(a) => (
              <select
                id="contact-field-type"
                {...a}
                value={draft.type}
                onChange={(e) => setDraft({ ...draft, type: e.target.value as ContactFieldType })}
              >
                {CONTACT_FIELD_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {k.types[t]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.type === 'list' ? (
            <Field id="contact-field-options" label={k.options} error={errors.options}>
              {(a) => (
                <textarea
                  id="contact-field-options"
                  rows={4}
                  {...a}
                  value={draft.options}
                  onChange={(e) => setDraft({ ...draft, options: e.target.value })}
                />
              )}
            </Field>
          ) : null}
          <Check
            id="contact-field-required"
            label={k.required}
            checked={draft.required}
            onChange={(required) => setDraft({ ...draft, required })}
          />
          <div className="actions">
            <button type="submit" className="btn btn--primary">
              {k.save}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setDraft(null)}>
              {k.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

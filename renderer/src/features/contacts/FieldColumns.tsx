import { useState, type KeyboardEvent } from 'react';
import type { ContactFieldDef } from '../../../../shared/api/contacts';
import { contactsText } from '../../i18n';

const KEY = 'contacts.fieldColumns';
const k = contactsText.fields;

/** The office's fields chosen as columns of the contact list, kept on this computer. */
export function useFieldColumns(defs: readonly ContactFieldDef[]): {
  shown: ContactFieldDef[];
  ids: readonly string[];
  setIds(ids: string[]): void;
} {
  const [ids, setState] = useState<string[]>(() => {
    try {
      const v: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? '[]');
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  });
  const setIds = (next: string[]): void => {
    window.localStorage.setItem(KEY, JSON.stringify(next));
    setState(next);
  };
  // A field removed since is left out; the order is the fields' own.
  const shown = defs.filter((d) => ids.includes(d.id));
  return { shown, ids, setIds };
}

/** «Столбцы»: which of the office's fields the contact list shows as columns. */
export function FieldColumnChooser(props: {
  defs: readonly ContactFieldDef[];
  ids: readonly string[];
  onChange(ids: string[]): void;
}) {
  const [open, setOpen] = useState(false);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      document.getElementById('contact-columns-button')?.focus();
    }
  };
  return (
    <div className="columns-chooser">
      <button
        id="contact-columns-button"
        type="button"
        className="btn btn--small"
        aria-expanded={open}
        aria-controls="contact-columns"
        onClick={() => setOpen(!open)}
      >
        {k.columns}
      </button>
      {open ? (
        <div
          id="contact-columns"
          className="columns-chooser__panel"
          role="dialog"
          aria-label={k.columnsTitle}
          onKeyDown={onKeyDown}
        >
          <p className="muted columns-chooser__hint">
            {props.defs.length > 0 ? k.columnsHint : k.columnsNone}
          </p>
          <ul>
            {props.defs.map((d) => (
              <li key={d.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={props.ids.includes(d.id)}
                    onChange={(e) =>
                      props.onChange(
                        e.target.checked ? [...props.ids, d.id] : props.ids.filter((id) => id !== d.id),
                      )
                    }
                  />{' '}
                  {d.name}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

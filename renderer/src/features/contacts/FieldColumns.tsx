import { useState, type KeyboardEvent } from 'react';
import type { ContactFieldDef } from '../../../../shared/api/contacts';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { contactsText } from '../../i18n';

const k = contactsText.fields;

/** The office's fields the signed-in person chose as columns of the contact list (kept in the office file). */
export function useFieldColumns(defs: readonly ContactFieldDef[]): {
  shown: ContactFieldDef[];
  ids: readonly string[];
  setIds(ids: string[]): void;
} {
  const kept = useCall('prefs.contactFieldColumns', {});
  const [live, setLive] = useState<string[] | null>(null);
  const ids = live ?? kept.data?.fieldIds ?? [];
  const setIds = (next: string[]): void => {
    setLive(next);
    void call('prefs.setContactFieldColumns', { fieldIds: next });
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

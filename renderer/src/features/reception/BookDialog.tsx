import { useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import { receptionUi as t } from '../../../../shared/i18n/ru/reception';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useSubmit } from './use-submit';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/hooks';

type Candidate = Output<'contacts.lookup'>[number];

interface NewCitizen {
  lastName: string;
  firstName: string;
  middleName: string;
  phone: string;
  email: string;
}

const EMPTY: NewCitizen = { lastName: '', firstName: '', middleName: '', phone: '', email: '' };

/**
 * Booking a citizen into a slot, or into the day's queue (no slot): found among contacts by surname or
 * phone, or typed in as a new one, with the question in short.
 */
export function BookDialog(props: {
  dayId: string;
  date: string;
  /** The slot's time; none for a walk-in. */
  slot: string | null;
  onClose(): void;
  onDone(): void;
}) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const lookup = useCall('contacts.lookup', /\d{3}/.test(q) ? { phone: q } : { lastName: q }, {
    enabled: q.length >= 2,
  });
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [person, setPerson] = useState<NewCitizen>(EMPTY);
  const [question, setQuestion] = useState('');
  const found = lookup.error || q.length < 2 ? [] : (lookup.data ?? []);

  const { errors, error, busy, submit } = useSubmit(async () => {
    const applicant = chosen
      ? { contactId: chosen.id }
      : {
          lastName: person.lastName,
          firstName: person.firstName,
          middleName: person.middleName,
          phone: person.phone,
          email: person.email,
          forceNew: true,
        };
    if (props.slot)
      await call('reception.book', { dayId: props.dayId, slot: props.slot, applicant, question });
    else await call('reception.addWalkIn', { dayId: props.dayId, applicant, question });
    props.onDone();
  });

  const text = (key: keyof NewCitizen, label: string) => (
    <Field id={`book-${key}`} label={label} error={errors[`applicant.${key}`]}>
      {(a) => (
        <input
          id={`book-${key}`}
          {...a}
          value={person[key]}
          onChange={(e) => setPerson((p) => ({ ...p, [key]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <Dialog
      id="book-dialog"
      title={props.slot ? t.bookTitle(props.slot, props.date) : t.walkInTitle}
      submitLabel={props.slot ? t.book : t.addWalkIn}
      busy={busy}
      error={error}
      wide
      onSubmit={submit}
      onClose={props.onClose}
    >
      {chosen ? (
        <p className="reception__chosen">
          <span data-testid="book-chosen">{t.chosen(chosen.fullName)}</span>{' '}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setChosen(null)}>
            {t.change}
          </button>
        </p>
      ) : (
        <>
          <Field id="book-search" label={t.findContact}>
            {(a) => (
              <input
                id="book-search"
                data-autofocus
                {...a}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
              />
            )}
          </Field>
          {found.length > 0 ? (
            <ul className="plist plist--found" aria-label={t.findContact}>
              {found.map((c) => (
                <li key={c.id}>
                  <button type="button" className="btn btn--small" onClick={() => setChosen(c)}>
                    {c.fullName}
                    {c.phones[0] ? `, ${c.phones[0]}` : ''}
                    {c.address ? `, ${c.address}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <fieldset className="reception__new">
            <legend>{t.newCitizen}</legend>
            <div className="reception__grid">
              {text('lastName', t.lastName)}
              {text('firstName', t.firstName)}
              {text('middleName', t.middleName)}
              {text('phone', t.phone)}
              {text('email', t.email)}
            </div>
          </fieldset>
        </>
      )}
      <Field id="book-question" label={t.question} error={errors.question}>
        {(a) => (
          <input id="book-question" {...a} value={question} onChange={(e) => setQuestion(e.target.value)} />
        )}
      </Field>
    </Dialog>
  );
}

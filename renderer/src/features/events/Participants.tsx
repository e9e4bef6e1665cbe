import { useState } from 'react';
import type { EventCard } from '../../../../shared/api/events';
import type { Output } from '../../../../shared/api/index';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { useCall } from '../../api/use-call';
import { Check, Field } from '../../components/Field';
import { useDebounced } from '../../components/hooks';

type Candidate = Output<'contacts.lookup'>[number];
type List = { contactId: string; attended: boolean }[];

/** Participants are contacts of the base, found by the same lookup as an applicant (surname or phone). */
export function Participants(props: { card: EventCard; editable: boolean; onSave(list: List): void }) {
  const { card } = props;
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 250);
  const list: List = card.participants.map((p) => ({ contactId: p.contactId, attended: p.attended }));
  const lookup = useCall('contacts.lookup', /\d{3}/.test(q) ? { phone: q } : { lastName: q }, {
    enabled: q.length >= 2,
  });
  // Until a new search answers, the last one's people stay (a failed one shows none).
  const found: Candidate[] = lookup.error
    ? []
    : (lookup.data ?? []).filter((c) => !card.participants.some((p) => p.contactId === c.id));

  return (
    <div>
      {card.participants.length === 0 ? <p className="muted">{eventsUi.noParticipants}</p> : null}
      <ul className="plist">
        {card.participants.map((p) => (
          <li key={p.contactId} className="plist__item">
            <span>
              {p.fullName}
              {p.phone ? <span className="muted"> {p.phone}</span> : null}
            </span>
            <Check
              id={`att-${p.contactId}`}
              label={eventsUi.attended}
              checked={p.attended}
              disabled={!props.editable}
              onChange={(v) =>
                props.onSave(list.map((x) => (x.contactId === p.contactId ? { ...x, attended: v } : x)))
              }
            />
            {props.editable ? (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => props.onSave(list.filter((x) => x.contactId !== p.contactId))}
              >
                {eventsUi.remove}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {props.editable ? (
        <>
          <Field id="participant-search" label={eventsUi.addParticipant} hint={eventsUi.participantSearch}>
            {(a) => (
              <input
                id="participant-search"
                {...a}
                value={query}
                onChange={(x) => setQuery(x.target.value)}
              />
            )}
          </Field>
          {q.length >= 2 && found.length > 0 ? (
            <ul className="plist plist--found" aria-label={eventsUi.addParticipant}>
              {found.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => {
                      setQuery('');
                      props.onSave([...list, { contactId: c.id, attended: false }]);
                    }}
                  >
                    {c.fullName}
                    {c.address ? `, ${c.address}` : ''}
                    {c.phones[0] ? `, ${c.phones[0]}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

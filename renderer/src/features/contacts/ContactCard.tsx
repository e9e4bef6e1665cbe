import { useEffect, useState } from 'react';
import { CONSENT_PURPOSES, type ContactCard as Card } from '../../../../shared/api/contacts';
import { audit as auditText } from '../../../../shared/i18n/ru/audit';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { ContactForm } from './ContactForm';
import { contactsText, errorText, formatDate, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { socialLabel } from '../../../../shared/domain/socials';
import { deliverFile, textAsBase64 } from '../attachments/files';
import { RecordAssignments } from '../assignments/RecordAssignments';
import { VolunteerPanel } from '../volunteers/VolunteerPanel';

const k = contactsText.card;
const f = contactsText.fields;

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** One person: the card, consents (152-FZ Art. 9), the timeline; opening it is logged by the server. */
export function ContactCard(props: {
  id: string;
  statusName(code: string): string;
  onClose(): void;
  /** Opens another contact's card (a member of the household). */
  onOpen?(id: string): void;
}) {
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [purpose, setPurpose] = useState<(typeof CONSENT_PURPOSES)[number]>('mailing');
  const [wording, setWording] = useState('');
  const [editing, setEditing] = useState(false);

  // Not useCall: the contract makes this read a write, as the server logs who opened the card, so it is
  // read once when opened and after the card's own changes answer with it, never again on others' writes.
  useEffect(() => {
    let live = true;
    call('contacts.get', { id: props.id }).then(
      (c) => live && setCard(c),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [props.id]);

  async function act(run: () => Promise<Card | void>): Promise<void> {
    setError(null);
    try {
      const next = await run();
      if (next) setCard(next);
    } catch (e) {
      setError(errorText(e));
    }
  }

  if (!card) return <aside className="panel contact-card">{error ?? ui.loading}</aside>;
  return (
    <aside className="panel contact-card" aria-label={card.fullName}>
      <header className="contact-card__head">
        <h2>{card.fullName}</h2>
        {mayCall(role, 'audit.list') ? (
          <button
            type="button"
            className="btn btn--ghost btn--small"
            title={auditText.whoOpenedTitle}
            onClick={() => useStore.getState().go({ view: 'audit', filter: { contactId: card.id } })}
          >
            {auditText.nav}
          </button>
        ) : null}
        {!card.erased && mayCall(role, 'contacts.update') ? (
          <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
            {contactsText.edit}
          </button>
        ) : null}
        <button type="button" className="btn btn--ghost btn--small" onClick={props.onClose}>
          {k.close}
        </button>
      </header>
      {editing ? (
        <ContactForm
          card={card}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            setCard(next);
          }}
        />
      ) : null}
      {error ? <div className="banner banner--error">{error}</div> : null}
      <dl className="contact-card__fields">
        <Row label={k.phones} value={card.phones.map((p) => `${p.phone} (${p.raw})`).join(', ')} />
        <Row
          label={f.emails}
          value={card.emails
            .map((e) => `${e.email} (${f.emailKinds[e.kind]}${e.failing ? `, ${f.failing}` : ''})`)
            .join(', ')}
        />
        <Row
          label={f.socials}
          value={card.socials
            .map((s) => `${f.networks[s.network]}: ${socialLabel(s.network, s.handle)}`)
            .join(', ')}
        />
        <Row label={k.address} value={card.address} />
        <Row label={k.district} value={card.district} />
        <Row
          label={k.addressParts}
          value={[card.region, card.settlement, card.street, card.house, card.flat]
            .filter(Boolean)
            .join(', ')}
        />
        <Row label={k.birthDate} value={card.birthDate ? formatDate(card.birthDate) : null} />
        <Row label={k.socialCategory} value={card.socialCategory} />
        <Row label={k.statuses} value={card.statuses.map(props.statusName).join(', ')} />
        <Row label={k.tags} value={card.tags.join(', ')} />
        <Row label={k.source} value={card.source} />
        <Row label={k.comment} value={card.comment} />
        {card.fieldValues.map((v) => (
          <Row
            key={v.fieldId}
            label={v.name}
            value={v.type === 'date' ? formatDate(String(v.value)) : String(v.value).replace('.', ',')}
          />
        ))}
      </dl>

      {card.address ? (
        <section aria-label={f.household}>
          <h3>{f.household}</h3>
          {card.household.length === 0 ? <p className="muted">{f.householdNone}</p> : null}
          <ul className="contact-card__household">
            {card.household.map((h) => (
              <li key={h.id}>
                {props.onOpen ? (
                  <button type="button" onClick={() => props.onOpen?.(h.id)}>
                    {h.fullName}
                  </button>
                ) : (
                  h.fullName
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h3>{k.consents}</h3>
      {card.consents.length === 0 ? <p className="muted">{k.noConsents}</p> : null}
      <ul className="contact-card__consents">
        {card.consents.map((c) => (
          <li key={c.id}>
            {contactsText.purposes[c.purpose]}, ред. {c.wordingVersion}:{' '}
            {k.given(formatInstant(c.givenAt, timeZone), c.givenBy)}
            {c.withdrawnAt ? (
              `; ${k.withdrawn(formatInstant(c.withdrawnAt, timeZone))}`
            ) : mayCall(role, 'contacts.withdrawConsent') ? (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => void act(() => call('contacts.withdrawConsent', { consentId: c.id }))}
              >
                {k.withdraw}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {!card.erased && mayCall(role, 'contacts.giveConsent') ? (
        <form
          className="contact-card__form"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => call('contacts.giveConsent', { id: card.id, purpose, wordingVersion: wording }));
          }}
        >
          <select
            aria-label={contactsText.segments.consent}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value as typeof purpose)}
          >
            {CONSENT_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {contactsText.purposes[p]}
              </option>
            ))}
          </select>
          <Field id="consent-wording" label={k.wordingVersion}>
            {(a) => (
              <input
                id="consent-wording"
                {...a}
                value={wording}
                onChange={(e) => setWording(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" className="btn">
            {k.giveConsent}
          </button>
        </form>
      ) : null}

      <VolunteerPanel
        contactId={card.id}
        onMoved={() => void act(() => call('contacts.get', { id: card.id }))}
      />

      <RecordAssignments links={{ contactId: card.id }} />

      <h3>{k.timeline}</h3>
      <form
        className="contact-card__form"
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const next = await call('contacts.addNote', { id: card.id, text: note });
            setNote('');
            return next;
          });
        }}
      >
        <Field id="contact-note" label={k.note}>
          {(a) => <input id="contact-note" {...a} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit" className="btn">
          {k.addNote}
        </button>
      </form>
      <ol className="contact-card__timeline">
        {card.timeline.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <span className="muted">
              {entry.at.length === 10 ? formatDate(entry.at) : formatInstant(entry.at, timeZone)}
            </span>{' '}
            {entry.title}
          </li>
        ))}
      </ol>

      <div className="actions">
        {mayCall(role, 'contacts.personalData') ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              void act(async () => {
                const d = await call('contacts.personalData', { id: card.id });
                await deliverFile(d.name, 'application/json', textAsBase64(d.json));
              })
            }
          >
            {k.personalData}
          </button>
        ) : null}
        {!card.erased && mayCall(role, 'contacts.erase') ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              if (window.confirm(k.eraseConfirm))
                void act(async () => {
                  await call('contacts.erase', { id: card.id });
                  return call('contacts.get', { id: card.id });
                });
            }}
          >
            {k.erase}
          </button>
        ) : null}
      </div>
    </aside>
  );
}

import { useEffect, useState } from 'react';
import {
  CONSENT_PURPOSES,
  type ContactCard,
  type ContactFieldDef,
  type ContactFields,
} from '../../../../shared/api/contacts';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Dialog } from '../../components/Dialog';
import { Check, Field } from '../../components/Field';
import { contactsText, errorText, fieldErrors, formatDate, parseDate } from '../../i18n';
import {
  channelFields,
  channelsOf,
  EmailsEditor,
  FieldValuesEditor,
  SocialsEditor,
  type ChannelsDraft,
} from './ContactChannels';

const k = contactsText.form;
type Purpose = (typeof CONSENT_PURPOSES)[number];

const TEXT_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'address',
  'region',
  'district',
  'settlement',
  'street',
  'house',
  'flat',
  'socialCategory',
  'source',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

interface Draft extends Record<TextField, string>, ChannelsDraft {
  phones: string[];
  birthDate: string;
  statuses: string[];
  tags: string;
  comment: string;
  consents: Purpose[];
  wording: string;
}

function draftOf(c: ContactCard | null): Draft {
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, c?.[f] ?? ''])) as Record<TextField, string>;
  return {
    ...text,
    ...channelsOf(c),
    phones: c && c.phones.length > 0 ? c.phones.map((p) => p.raw) : [''],
    birthDate: c?.birthDate ? formatDate(c.birthDate) : '',
    statuses: c?.statuses ?? [],
    tags: c?.tags.join(', ') ?? '',
    comment: c?.comment ?? '',
    consents: [],
    wording: '',
  };
}

/** The contract's fields of a draft, or the errors found before asking the server, keyed by field. */
function fieldsOf(
  d: Draft,
  defs: readonly ContactFieldDef[],
  before: Readonly<Record<string, string>> | null,
): ContactFields | Record<string, string> {
  const birthDate = d.birthDate.trim() ? parseDate(d.birthDate) : null;
  if (d.birthDate.trim() && !birthDate) return { birthDate: k.badDate };
  if (d.consents.length > 0 && !d.wording.trim()) return { wording: k.needWording };
  const channels = channelFields(d, defs, before);
  if ('errors' in channels) return channels.errors;
  return {
    ...channels,
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, d[f]])),
    phones: d.phones.map((p) => p.trim()).filter(Boolean),
    birthDate,
    statuses: d.statuses,
    tags: [
      ...new Set(
        d.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    comment: d.comment,
  };
}

/** Where a field's error is shown and focus goes: «phones.1» is the second phone's input. */
const inputId = (field: string) => `contact-form-${field.replace(/\./g, '-')}`;

/**
 * A contact created or edited at the desk: every field of the card, several phones, statuses from the
 * office's list, tags, and for a new contact the consents given as it is written down. A refused field is
 * named under its input and takes the focus.
 */
export function ContactForm(props: {
  card: ContactCard | null;
  onClose(): void;
  onSaved(card: ContactCard): void;
}) {
  const { card } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(card));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const statusList = useCall('contacts.statuses', {});
  const defs = useCall('contactFields.list', {}).data ?? [];
  // A status the office has since dropped from its list stays on the contact and shows by its code.
  const statuses = [
    ...(statusList.data ?? []),
    ...draft.statuses
      .filter((c) => !statusList.data?.some((s) => s.code === c))
      .map((code) => ({ code, name: code })),
  ];
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  useEffect(() => {
    const first = Object.keys(errors)[0];
    if (first) document.getElementById(inputId(first))?.focus();
  }, [errors]);

  async function submit(): Promise<void> {
    const fields = fieldsOf(draft, defs, card ? channelsOf(card).values : null);
    if (!('phones' in fields)) {
      setErrors(fields as Record<string, string>);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let saved = card
        ? await call('contacts.update', { id: card.id, fields })
        : await call('contacts.create', fields);
      for (const purpose of draft.consents)
        saved = await call('contacts.giveConsent', { id: saved.id, purpose, wordingVersion: draft.wording });
      props.onSaved(saved);
    } catch (err) {
      setBusy(false);
      // An edit's fields are under «fields.» in the contract; the form names them without it.
      if (isCallError(err))
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrors(err)).map(([f, m]) => [f.replace(/^fields\./, ''), m]),
          ),
        );
      setError(errorText(err));
    }
  }

  const text = (f: TextField | 'comment', wide = false) => (
    <Field id={inputId(f)} label={k[f]} error={errors[f]} className={wide ? 'contact-form__wide' : undefined}>
      {(a) => (
        <input id={inputId(f)} {...a} value={draft[f]} onChange={(e) => set({ [f]: e.target.value })} />
      )}
    </Field>
  );

  return (
    <Dialog
      id="contact-form"
      title={card ? k.titleEdit : k.titleNew}
      submitLabel={card ? k.save : k.create}
      busy={busy}
      error={error}
      wide
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <div className="contact-form">
        {text('lastName')}
        {text('firstName')}
        {text('middleName')}
        <fieldset className="contact-form__wide contact-form__phones">
          <legend>{k.phones}</legend>
          {draft.phones.map((p, i) => (
            <div key={i} className="contact-form__phone">
              <Field id={inputId(`phones.${i}`)} label={k.phone(i + 1)} error={errors[`phones.${i}`]}>
                {(a) => (
                  <input
                    id={inputId(`phones.${i}`)}
                    type="tel"
                    {...a}
                    value={p}
                    onChange={(e) =>
                      set({ phones: draft.phones.map((x, j) => (j === i ? e.target.value : x)) })
                    }
                  />
                )}
              </Field>
              {draft.phones.length > 1 ? (
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  aria-label={`${k.removePhone} ${i + 1}`}
                  onClick={() => set({ phones: draft.phones.filter((_, j) => j !== i) })}
                >
                  ✕
                </button>
              ) : null}
            </div>
          ))}
          {draft.phones.length < 10 ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => set({ phones: [...draft.phones, ''] })}
            >
              {k.addPhone}
            </button>
          ) : null}
        </fieldset>
        <EmailsEditor draft={draft} set={set} errors={errors} inputId={inputId} />
        <SocialsEditor draft={draft} set={set} errors={errors} inputId={inputId} />
        {text('address', true)}
        {text('region')}
        {text('district')}
        {text('settlement')}
        {text('street')}
        {text('house')}
        {text('flat')}
        <Field id={inputId('birthDate')} label={k.birthDate} hint={k.birthDateHint} error={errors.birthDate}>
          {(a) => (
            <input
              id={inputId('birthDate')}
              {...a}
              value={draft.birthDate}
              onChange={(e) => set({ birthDate: e.target.value })}
            />
          )}
        </Field>
        {text('socialCategory')}
        {text('source')}
        <FieldValuesEditor draft={draft} set={set} errors={errors} inputId={inputId} defs={defs} />
        <fieldset className="contact-form__wide contact-form__checks">
          <legend>{k.statuses}</legend>
          {statuses.map((s) => (
            <Check
              key={s.code}
              id={`contact-form-status-${s.code}`}
              label={s.name}
              checked={draft.statuses.includes(s.code)}
              onChange={(on) =>
                set({
                  statuses: on ? [...draft.statuses, s.code] : draft.statuses.filter((x) => x !== s.code),
                })
              }
            />
          ))}
        </fieldset>
        <Field
          id={inputId('tags')}
          label={k.tags}
          hint={k.tagsHint}
          error={errors.tags}
          className="contact-form__wide"
        >
          {(a) => (
            <input
              id={inputId('tags')}
              {...a}
              value={draft.tags}
              onChange={(e) => set({ tags: e.target.value })}
            />
          )}
        </Field>
        <Field
          id={inputId('comment')}
          label={k.comment}
          error={errors.comment}
          className="contact-form__wide"
        >
          {(a) => (
            <textarea
              id={inputId('comment')}
              rows={2}
              {...a}
              value={draft.comment}
              onChange={(e) => set({ comment: e.target.value })}
            />
          )}
        </Field>
        {card ? null : (
          <fieldset className="contact-form__wide contact-form__checks">
            <legend>{k.consents}</legend>
            {CONSENT_PURPOSES.map((p) => (
              <Check
                key={p}
                id={`contact-form-consent-${p}`}
                label={contactsText.purposes[p]}
                checked={draft.consents.includes(p)}
                onChange={(on) =>
                  set({ consents: on ? [...draft.consents, p] : draft.consents.filter((x) => x !== p) })
                }
              />
            ))}
            <Field id={inputId('wording')} label={contactsText.card.wordingVersion} error={errors.wording}>
              {(a) => (
                <input
                  id={inputId('wording')}
                  {...a}
                  value={draft.wording}
                  onChange={(e) => set({ wording: e.target.value })}
                />
              )}
            </Field>
          </fieldset>
        )}
      </div>
    </Dialog>
  );
}

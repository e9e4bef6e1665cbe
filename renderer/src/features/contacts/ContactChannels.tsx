import {
  EMAIL_KINDS,
  type ContactCard,
  type ContactFieldDef,
  type ContactFields,
} from '../../../../shared/api/contacts';
import { normalizeSocial, SOCIAL_NETWORKS, type SocialNetwork } from '../../../../shared/domain/socials';
import { Field } from '../../components/Field';
import { contactsText, formatDate, parseDate } from '../../i18n';

const k = contactsText.fields;
type EmailKind = (typeof EMAIL_KINDS)[number];

/** The card's e-mails, links and own fields as the form edits them: text as typed. */
export interface ChannelsDraft {
  emails: { email: string; kind: EmailKind }[];
  socials: { network: SocialNetwork; handle: string }[];
  /** By field id: the value as typed (a date as ДД.ММ.ГГГГ). */
  values: Record<string, string>;
}

export function channelsOf(c: ContactCard | null): ChannelsDraft {
  return {
    emails: c && c.emails.length > 0 ? c.emails.map(({ email, kind }) => ({ email, kind })) : [],
    socials: c?.socials.map(({ network, handle }) => ({ network, handle })) ?? [],
    values: Object.fromEntries(
      (c?.fieldValues ?? []).map((v) => [
        v.fieldId,
        v.type === 'date' ? formatDate(String(v.value)) : String(v.value),
      ]),
    ),
  };
}

/**
 * The contract's part of a draft, or the errors found before asking the server, keyed as the server
 * names them (`socials.1.handle`, `fieldValues.<id>`).
 */
export function channelFields(
  d: ChannelsDraft,
  defs: readonly ContactFieldDef[],
  /**
   * The values as the card had them (null: a new contact): only a changed one is sent. A required field
   * must be filled on a new contact and cannot be emptied; one the card never had stays empty.
   */
  before: Readonly<Record<string, string>> | null,
): Pick<ContactFields, 'emails' | 'socials' | 'fieldValues'> | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  d.socials.forEach((s, i) => {
    if (s.handle.trim() && normalizeSocial(s.network, s.handle) === null)
      errors[`socials.${i}.handle`] = k.badSocial[s.network];
  });
  const fieldValues: Record<string, string | null> = {};
  for (const def of defs) {
    const raw = (d.values[def.id] ?? '').trim();
    const was = (before?.[def.id] ?? '').trim();
    if (def.required && raw === '' && (before === null || was !== ''))
      errors[`fieldValues.${def.id}`] = k.requiredEmpty;
    if (raw === was) continue;
    if (def.type === 'date' && raw && !parseDate(raw)) errors[`fieldValues.${def.id}`] = k.badDate;
    fieldValues[def.id] = raw === '' ? null : def.type === 'date' ? parseDate(raw) : raw;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    emails: d.emails.filter((e) => e.email.trim()).map((e) => ({ email: e.email.trim(), kind: e.kind })),
    socials: d.socials.filter((s) => s.handle.trim()),
    fieldValues,
  };
}

interface EditorProps {
  draft: ChannelsDraft;
  set(p: Partial<ChannelsDraft>): void;
  errors: Record<string, string>;
  inputId(field: string): string;
}

const replace = <T,>(list: readonly T[], i: number, next: T): T[] => list.map((x, j) => (j === i ? next : x));

function RemoveButton(props: { label: string; onClick(): void }) {
  return (
    <button
      type="button"
      className="btn btn--ghost btn--small"
      aria-label={props.label}
      onClick={props.onClick}
    >
      ✕
    </button>
  );
}

/** Several e-mails, each with its kind; the first is the one letters go to. */
export function EmailsEditor({ draft, set, errors, inputId }: EditorProps) {
  return (
    <fieldset className="contact-form__wide contact-form__channels">
      <legend>{k.emails}</legend>
      {draft.emails.map((e, i) => (
        <div key={i} className="contact-form__channel">
          <Field
            id={inputId(`emails.${i}.email`)}
            label={`${k.emails} ${i + 1}`}
            error={errors[`emails.${i}.email`]}
          >
            {(a) => (
              <input
                id={inputId(`emails.${i}.email`)}
                type="email"
                {...a}
                value={e.email}
                onChange={(ev) => set({ emails: replace(draft.emails, i, { ...e, email: ev.target.value }) })}
              />
            )}
          </Field>
          <select
            aria-label={`${k.emails} ${i + 1}: ${k.type.toLowerCase()}`}
            value={e.kind}
            onChange={(ev) =>
              set({ emails: replace(draft.emails, i, { ...e, kind: ev.target.value as EmailKind }) })
            }
          >
            {EMAIL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {k.emailKinds[kind]}
              </option>
            ))}
          </select>
          <RemoveButton
            label={`${k.removeItem} ${k.emails} ${i + 1}`}
            onClick={() => set({ emails: draft.emails.filter((_, j) => j !== i) })}
          />
        </div>
      ))}
      {draft.emails.length < 10 ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            set({ emails: [...draft.emails, { email: '', kind: draft.emails.length ? 'work' : 'personal' }] })
          }
        >
          {k.addEmail}
        </button>
      ) : null}
    </fieldset>
  );
}

/** VK, Telegram and OK links, checked as typed. */
export function SocialsEditor({ draft, set, errors, inputId }: EditorProps) {
  return (
    <fieldset className="contact-form__wide contact-form__channels">
      <legend>{k.socials}</legend>
      {draft.socials.map((s, i) => (
        <div key={i} className="contact-form__channel">
          <select
            aria-label={`${k.socials} ${i + 1}`}
            value={s.network}
            onChange={(ev) =>
              set({ socials: replace(draft.socials, i, { ...s, network: ev.target.value as SocialNetwork }) })
            }
          >
            {SOCIAL_NETWORKS.map((n) => (
              <option key={n} value={n}>
                {k.networks[n]}
              </option>
            ))}
          </select>
          <Field
            id={inputId(`socials.${i}.handle`)}
            label={k.networks[s.network]}
            hint={k.socialHint[s.network]}
            error={errors[`socials.${i}.handle`]}
          >
            {(a) => (
              <input
                id={inputId(`socials.${i}.handle`)}
                {...a}
                value={s.handle}
                onChange={(ev) =>
                  set({ socials: replace(draft.socials, i, { ...s, handle: ev.target.value }) })
                }
              />
            )}
          </Field>
          <RemoveButton
            label={`${k.removeItem} ${k.socials} ${i + 1}`}
            onClick={() => set({ socials: draft.socials.filter((_, j) => j !== i) })}
          />
        </div>
      ))}
      {draft.socials.length < 10 ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => set({ socials: [...draft.socials, { network: 'telegram', handle: '' }] })}
        >
          {k.addSocial}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The office's own fields, each by its type: a list as a choice of its values. */
export function FieldValuesEditor({
  draft,
  set,
  errors,
  inputId,
  defs,
}: EditorProps & { defs: readonly ContactFieldDef[] }) {
  if (defs.length === 0) return null;
  const put = (id: string, v: string) => set({ values: { ...draft.values, [id]: v } });
  return (
    <fieldset className="contact-form__wide contact-form__own">
      <legend>{k.ownFields}</legend>
      {defs.map((def) => {
        const id = inputId(`fieldValues.${def.id}`);
        const value = draft.values[def.id] ?? '';
        return (
          <Field
            key={def.id}
            id={id}
            label={def.required ? `${def.name} (${k.requiredMark})` : def.name}
            error={errors[`fieldValues.${def.id}`]}
          >
            {(a) =>
              def.type === 'list' ? (
                <select id={id} {...a} value={value} onChange={(e) => put(def.id, e.target.value)}>
                  <option value="">—</option>
                  {def.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  {...a}
                  inputMode={def.type === 'number' ? 'decimal' : undefined}
                  placeholder={def.type === 'date' ? k.datePlaceholder : undefined}
                  value={value}
                  onChange={(e) => put(def.id, e.target.value)}
                />
              )
            }
          </Field>
        );
      })}
    </fieldset>
  );
}

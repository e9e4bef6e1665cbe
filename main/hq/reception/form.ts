import type { WebApplicationFields } from '../../../db/schema-desk';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';
import { emailKey } from '../../../shared/domain/text';
import { webReceptionText as T } from '../../../shared/i18n/ru/web-reception';
import type { WebSettings } from './settings';

/**
 * The form's fields as a browser posts them (`application/x-www-form-urlencoded`), read into an
 * application or into errors, each naming its field in the citizen's words. A field the form does not
 * have (an office id, say) refuses the whole post: the office is HQ's choice, never the sender's.
 */

export type ApplicationKind = 'appeal' | 'volunteer';

/** A place the form offers: `region|district|settlement` as the select's value. */
export interface Place {
  region: string;
  district: string;
  settlement: string;
}

export const placeValue = (p: Place): string => [p.region, p.district, p.settlement].join('|');

export function placeLabel(p: Place): string {
  return [p.region, p.district, p.settlement].filter((s) => s !== '').join(', ');
}

/** What HQ keeps of a submitted application and hands to the office: the office row's own fields. */
export type ApplicationFields = WebApplicationFields;

export interface FormErrors {
  /** Per field of the form, the message shown beside it. */
  fields: Record<string, string>;
}

export const FORM_FIELDS = [
  'surname',
  'first_name',
  'patronymic',
  'email',
  'phone',
  'postal_address',
  'place',
  'text',
  'consent',
  'source',
  'started',
  'website',
] as const;

const LIMITS: Record<string, number> = {
  surname: 100,
  first_name: 100,
  patronymic: 100,
  email: 254,
  phone: 40,
  postal_address: 500,
  source: 100,
};

const trimmed = (v: string | undefined): string => (v ?? '').replace(/\s+/g, ' ').trim();

/** A valid phone as E.164, Russian national forms read as such; null when it is not a phone. */
function phoneOf(raw: string): string | null {
  const p = parsePhoneNumberFromString(raw, 'RU');
  return p?.isValid() ? p.number : null;
}

const EmailSchema = z.string().email();

/**
 * Reads the posted fields. `places` is the form's list (empty: the form asks for no place). Returns the
 * fields or the errors; the honeypot and the timing are checked by the caller, which knows the secret.
 */
export function readApplication(
  kind: ApplicationKind,
  form: Record<string, string>,
  places: readonly Place[],
  settings: WebSettings,
): { ok: true; fields: ApplicationFields } | { ok: false; errors: FormErrors } {
  const errors: Record<string, string> = {};
  const unknown = Object.keys(form).find((k) => !(FORM_FIELDS as readonly string[]).includes(k));
  if (unknown) return { ok: false, errors: { fields: { form: T.errors.unknownField(unknown) } } };
  const labels: Record<string, string> = {
    surname: T.fields.surname,
    first_name: T.fields.firstName,
    patronymic: T.fields.patronymic,
    email: T.fields.email,
    phone: T.fields.phone,
    postal_address: T.fields.postalAddress,
    source: 'source',
  };
  const value: Record<string, string> = {};
  for (const [name, max] of Object.entries(LIMITS)) {
    value[name] = trimmed(form[name]);
    if (value[name].length > max) errors[name] = T.errors.tooLong(labels[name]!, max);
  }
  const textLabel = kind === 'appeal' ? T.fields.text : T.fields.volunteerText;
  const text = (form.text ?? '').replace(/\r\n?/g, '\n').trim();
  if (kind === 'appeal' && text === '') errors.text = T.errors.required(textLabel);
  if (text.length > settings.maxTextChars) errors.text = T.errors.tooLong(textLabel, settings.maxTextChars);
  if (!value.surname && !errors.surname) errors.surname = T.errors.required(T.fields.surname);
  if (!value.first_name && !errors.first_name) errors.first_name = T.errors.required(T.fields.firstName);
  const email = value.email ? emailKey(value.email) : null;
  if (email && !errors.email && !EmailSchema.safeParse(email).success) errors.email = T.errors.email;
  const phone = value.phone ? phoneOf(value.phone) : null;
  if (value.phone && !phone && !errors.phone) errors.phone = T.errors.phone;
  if (kind === 'appeal' && !email && !value.postal_address && !errors.email && !errors.postal_address)
    errors.email = T.errors.contact;
  if (kind === 'volunteer' && !email && !phone && !errors.email && !errors.phone)
    errors.email = T.errors.noCodeChannel;
  let place: Place | null = null;
  const chosen = form.place ?? '';
  if (places.length > 0) {
    place = places.find((p) => placeValue(p) === chosen) ?? null;
    if (!place) errors.place = T.errors.place;
  }
  if (form.consent !== 'yes') errors.consent = T.errors.consent;
  if (Object.keys(errors).length > 0) return { ok: false, errors: { fields: errors } };
  const orNull = (s: string): string | null => (s === '' ? null : s);
  return {
    ok: true,
    fields: {
      surname: value.surname!,
      first_name: value.first_name!,
      patronymic: orNull(value.patronymic!),
      email,
      phone,
      postal_address: orNull(value.postal_address!),
      region: place ? orNull(place.region) : null,
      district: place ? orNull(place.district) : null,
      settlement: place ? orNull(place.settlement) : null,
      text,
      source: orNull(value.source!),
    },
  };
}

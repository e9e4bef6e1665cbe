import { contactRow, phoneRowsOf, readCard } from './card-read';
import type { WriteDb } from '../../db/sql';
import type { ContactTable } from '../../db/schema';
import type { ContactFields } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { addressKey, emailKey, fullName, nameKey, normalizePhone } from '../../shared/domain/text';
import {
  audit,
  insertSynced,
  newSyncColumns,
  patchOf,
  stamp,
  updateSynced,
  type Stamp,
} from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { addPhone, leavePlaceholder, NO_CONTACT_DETAILS } from './contacts';
import { contactSummary } from './queries';
import { indexForSearch } from '../appeals/register';
import { appealsOfApplicant } from '../appeals/queries';
import { checkBirthDate } from './normalize';
import { officeRow, officeToday } from '../office/queries';
import { putFirstEmail, setEmails, setSocials } from './emails';
import { checkFieldValues, checkRequired, fieldDefsById, setFieldValues } from './fields';

/** Phones as typed, each normalised; one that is not a phone is refused, naming its place. */
export function normalizePhones(raws: readonly string[]): { phone: string; raw: string }[] {
  const out = new Map<string, string>();
  raws.forEach((raw, i) => {
    const phone = normalizePhone(raw);
    if (!phone) throw new ApiError('validation', `phones.${i}: not a phone number`, { field: `phones.${i}` });
    if (!out.has(phone)) out.set(phone, raw);
  });
  return [...out].map(([phone, raw]) => ({ phone, raw }));
}

/** Makes the contact's phones exactly these: new ones added, missing ones tombstoned. */
function setPhones(
  db: WriteDb,
  officeId: string,
  contactId: string,
  phones: { phone: string; raw: string }[],
  st: Stamp,
): void {
  const current = phoneRowsOf(db, contactId);
  const wanted = new Set(phones.map((p) => p.phone));
  for (const p of current)
    if (!wanted.has(p.phone)) updateSynced(db, 'contact_phones', p.id, { deleted_at: st.now }, st);
  const have = new Set(current.map((p) => p.phone));
  for (const p of phones) if (!have.has(p.phone)) addPhone(db, officeId, contactId, p.phone, p.raw, st);
}

export function addLabelRow(
  db: WriteDb,
  officeId: string,
  contactId: string,
  kind: 'status' | 'tag',
  value: string,
  st: Stamp,
): void {
  insertSynced(db, 'contact_labels', {
    ...newSyncColumns(st, officeId),
    contact_id: contactId,
    kind,
    value,
  });
}

/** Makes the contact's statuses (or tags) exactly these. */
export function setLabels(
  db: WriteDb,
  officeId: string,
  contactId: string,
  kind: 'status' | 'tag',
  values: readonly string[],
  st: Stamp,
): void {
  const current = db.all(
    db.qb
      .selectFrom('contact_labels')
      .select(['id', 'value'])
      .where('contact_id', '=', contactId)
      .where('kind', '=', kind)
      .where('deleted_at', 'is', null),
  );
  const wanted = new Set(values);
  for (const l of current)
    if (!wanted.has(l.value)) updateSynced(db, 'contact_labels', l.id, { deleted_at: st.now }, st);
  const have = new Set(current.map((l) => l.value));
  for (const v of wanted) if (!have.has(v)) addLabelRow(db, officeId, contactId, kind, v, st);
}

/** The contact table's columns for the given fields; names and keys recomputed from the result. */
export function columnsFor(f: ContactFields, before: ContactTable | null): Partial<ContactTable> {
  const { patch, set } = patchOf<ContactTable>();
  set('last_name', f.lastName);
  set('first_name', f.firstName);
  set('middle_name', f.middleName);
  set('region', f.region);
  set('district', f.district);
  set('settlement', f.settlement);
  set('street', f.street);
  set('house', f.house);
  set('flat', f.flat);
  set('birth_date', f.birthDate);
  set('social_category', f.socialCategory);
  set('source', f.source);
  set('comment', f.comment);
  if (f.email !== undefined) Object.assign(patch, { email: f.email, email_key: emailKey(f.email) });
  if (f.address !== undefined)
    Object.assign(patch, { address: f.address, address_key: addressKey(f.address) });
  if (f.lastName !== undefined || f.firstName !== undefined || f.middleName !== undefined) {
    const parts = {
      lastName: f.lastName !== undefined ? f.lastName : before?.last_name,
      firstName: f.firstName !== undefined ? f.firstName : before?.first_name,
      middleName: f.middleName !== undefined ? f.middleName : before?.middle_name,
    };
    Object.assign(patch, { full_name: fullName(parts), name_key: nameKey(parts) });
  }
  return patch;
}

/** Every personal column of a contact, empty: a new contact's start, and what an erasure leaves. */
export const BLANK_CONTACT = {
  last_name: null,
  first_name: null,
  middle_name: null,
  name_key: null,
  address: null,
  address_key: null,
  email: null,
  email_key: null,
  social_category: null,
  comment: null,
  ...NO_CONTACT_DETAILS,
} as const satisfies Partial<ContactTable>;

/** The fields with `email` set to the first of `emails` when those are given. */
const withFirstEmail = (f: ContactFields): ContactFields =>
  f.emails ? { ...f, email: f.emails[0]?.email ?? null } : f;

/** The e-mails, links and custom values of a card's write; the values were checked before. */
function writeChannels(
  db: WriteDb,
  officeId: string,
  contactId: string,
  f: ContactFields,
  values: ReturnType<typeof checkFieldValues>,
  st: Stamp,
): void {
  if (f.emails) setEmails(db, officeId, contactId, f.emails, st);
  else if (f.email !== undefined) putFirstEmail(db, officeId, contactId, f.email, st);
  if (f.socials) setSocials(db, officeId, contactId, f.socials, st);
  setFieldValues(db, officeId, contactId, values, st);
}

export function createContact(db: WriteDb, officeId: string, input: ContactFields, st: Stamp): ContactTable {
  const f = withFirstEmail(input);
  const defs = fieldDefsById(db);
  const values = checkFieldValues(defs, f.fieldValues ?? {});
  checkRequired(defs, values);
  const phones = normalizePhones(f.phones ?? []);
  const cols = columnsFor(f, null);
  const row: ContactTable = {
    ...newSyncColumns(st, officeId),
    ...BLANK_CONTACT,
    full_name: '',
    ...cols,
  };
  insertSynced(db, 'contacts', row);
  for (const p of phones) addPhone(db, officeId, row.id, p.phone, p.raw, st);
  for (const s of new Set(f.statuses ?? [])) addLabelRow(db, officeId, row.id, 'status', s, st);
  for (const t of new Set(f.tags ?? [])) addLabelRow(db, officeId, row.id, 'tag', t, st);
  writeChannels(db, officeId, row.id, f, values, st);
  return row;
}

function requireName(f: ContactFields, before: ContactTable | null): void {
  const last = f.lastName !== undefined ? f.lastName : before?.last_name;
  const first = f.firstName !== undefined ? f.firstName : before?.first_name;
  if (!last && !first) throw new ApiError('validation', 'lastName: required', { field: 'lastName' });
}

export function create(ctx: CallContext, input: ParsedInput<'contacts.create'>): Output<'contacts.create'> {
  requireName(input, null);
  return ctx.store.transaction((db) => {
    checkBirthDate(input.birthDate, officeToday(ctx, officeRow(db)));
    const office = officeRow(db);
    const row = createContact(db, office.id, input, stamp(ctx));
    audit(db, ctx, office.id, 'contacts.create', 'contact', row.id);
    return readCard(db, row.id);
  });
}

/** The contact's fields its appeals are found by in the registry's search (`ftsBody`). */
const SEARCHED = ['lastName', 'firstName', 'middleName', 'email', 'emails', 'address', 'phones'] as const;

/**
 * The applicant's appeals indexed again with the corrected name, phones, address: the registry then finds
 * them by the new name, as sync already does when the change reaches another computer.
 */
function searchAppealsAgain(db: WriteDb, contactId: string): void {
  const applicant = contactSummary(db, contactId);
  for (const appeal of appealsOfApplicant(db, contactId)) indexForSearch(db, appeal, applicant);
}

export function update(ctx: CallContext, input: ParsedInput<'contacts.update'>): Output<'contacts.update'> {
  return ctx.store.transaction((db) => {
    const before = contactRow(db, input.id);
    if (before.erased_at) throw new ApiError('invalid_state', 'the contact was erased');
    requireName(input.fields, before);
    checkBirthDate(input.fields.birthDate, officeToday(ctx, officeRow(db)));
    const st = stamp(ctx);
    const f = withFirstEmail(input.fields);
    const values = checkFieldValues(fieldDefsById(db), f.fieldValues ?? {});
    const patch = columnsFor(f, before);
    leavePlaceholder(before, patch, (f.phones?.length ?? 0) > 0);
    if (Object.keys(patch).length > 0) updateSynced(db, 'contacts', before.id, patch, st);
    if (f.phones) setPhones(db, before.office_id, before.id, normalizePhones(f.phones), st);
    if (f.statuses) setLabels(db, before.office_id, before.id, 'status', f.statuses, st);
    if (f.tags) setLabels(db, before.office_id, before.id, 'tag', f.tags, st);
    writeChannels(db, before.office_id, before.id, f, values, st);
    if (SEARCHED.some((k) => f[k] !== undefined)) searchAppealsAgain(db, before.id);
    audit(db, ctx, before.office_id, 'contacts.update', 'contact', before.id, Object.keys(f));
    return readCard(db, before.id);
  });
}

/** Opening a card is a read of personal data: logged (152-FZ Art. 19). */
export function get(ctx: CallContext, input: ParsedInput<'contacts.get'>): Output<'contacts.get'> {
  return ctx.store.transaction((db) => {
    const card = readCard(db, input.id);
    audit(db, ctx, officeRow(db).id, 'contacts.get', 'contact', input.id);
    return card;
  });
}

export function addNote(
  ctx: CallContext,
  input: ParsedInput<'contacts.addNote'>,
): Output<'contacts.addNote'> {
  return ctx.store.transaction((db) => {
    const c = contactRow(db, input.id);
    const st = stamp(ctx);
    insertSynced(db, 'contact_notes', {
      ...newSyncColumns(st, c.office_id),
      contact_id: c.id,
      at: st.now,
      user_id: ctx.actor?.userId ?? null,
      text: input.text,
    });
    audit(db, ctx, c.office_id, 'contacts.addNote', 'contact', c.id);
    return readCard(db, c.id);
  });
}

export function giveConsent(
  ctx: CallContext,
  input: ParsedInput<'contacts.giveConsent'>,
): Output<'contacts.giveConsent'> {
  return ctx.store.transaction((db) => {
    const c = contactRow(db, input.id);
    if (c.erased_at) throw new ApiError('invalid_state', 'the contact was erased');
    const st = stamp(ctx);
    insertSynced(db, 'contact_consents', {
      ...newSyncColumns(st, c.office_id),
      contact_id: c.id,
      purpose: input.purpose,
      wording_version: input.wordingVersion,
      given_at: st.now,
      given_by: ctx.actor?.userId ?? null,
      withdrawn_at: null,
      withdrawn_by: null,
    });
    audit(db, ctx, c.office_id, 'contacts.giveConsent', 'contact', c.id, { purpose: input.purpose });
    return readCard(db, c.id);
  });
}

export function withdrawConsent(
  ctx: CallContext,
  input: ParsedInput<'contacts.withdrawConsent'>,
): Output<'contacts.withdrawConsent'> {
  return ctx.store.transaction((db) => {
    const k = db.get(db.qb.selectFrom('contact_consents').selectAll().where('id', '=', input.consentId));
    if (!k) throw new ApiError('not_found', 'no such consent', { field: 'consentId' });
    if (k.withdrawn_at) throw new ApiError('invalid_state', 'the consent is already withdrawn');
    const st = stamp(ctx);
    updateSynced(
      db,
      'contact_consents',
      k.id,
      { withdrawn_at: st.now, withdrawn_by: ctx.actor?.userId ?? null },
      st,
    );
    audit(db, ctx, k.office_id, 'contacts.withdrawConsent', 'contact', k.contact_id, { purpose: k.purpose });
    return readCard(db, k.contact_id);
  });
}

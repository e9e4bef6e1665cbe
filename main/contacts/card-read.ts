/**
 * A contact as its card shows it: the row, phones, statuses and tags, consents and the timeline of
 * appeals, events and notes. Read by the card, the duplicates view and the writes that answer with it.
 */
import type { ReadDb } from '../../db/sql';
import type { ContactConsentTable, ContactTable } from '../../db/schema';
import type { Consent, ContactCard, TimelineEntry } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import { contactText } from '../../shared/i18n/ru/contacts';
import { mergedCampaignEntries } from '../campaigns/merge';
import { emailsOf, socialsOf } from './emails';
import { fieldValuesOf } from './fields';
import { volunteerTimeline } from '../volunteers/queries';

export function contactRow(db: ReadDb, id: string): ContactTable {
  const c = db.get(
    db.qb.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!c) throw new ApiError('not_found', 'no such contact', { field: 'id' });
  return c;
}

export function labelsOf(db: ReadDb, contactId: string, kind: 'status' | 'tag'): string[] {
  return db
    .all(
      db.qb
        .selectFrom('contact_labels')
        .select('value')
        .where('contact_id', '=', contactId)
        .where('kind', '=', kind)
        .where('deleted_at', 'is', null)
        .orderBy('created_at'),
    )
    .map((r) => r.value);
}

export function phoneRowsOf(db: ReadDb, contactId: string): { id: string; phone: string; raw: string }[] {
  return db.all(
    db.qb
      .selectFrom('contact_phones')
      .select(['id', 'phone', 'raw'])
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at'),
  );
}

export function toConsent(r: ContactConsentTable, names: Map<string, string>): Consent {
  return {
    id: r.id,
    purpose: r.purpose as Consent['purpose'],
    wordingVersion: r.wording_version,
    givenAt: r.given_at,
    givenBy: r.given_by ? (names.get(r.given_by) ?? null) : null,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by ? (names.get(r.withdrawn_by) ?? null) : null,
  };
}

/** The card without its timeline: what the duplicates view puts side by side. */
export function cardCore(
  db: ReadDb,
  c: ContactTable,
): Omit<ContactCard, 'timeline' | 'consents' | 'household'> {
  return {
    id: c.id,
    fullName: c.full_name,
    lastName: c.last_name,
    firstName: c.first_name,
    middleName: c.middle_name,
    phones: phoneRowsOf(db, c.id).map(({ phone, raw }) => ({ phone, raw })),
    email: c.email,
    emails: emailsOf(db, c.id),
    socials: socialsOf(db, c.id),
    fieldValues: fieldValuesOf(db, c.id),
    address: c.address,
    region: c.region,
    district: c.district,
    settlement: c.settlement,
    street: c.street,
    house: c.house,
    flat: c.flat,
    birthDate: c.birth_date,
    socialCategory: c.social_category,
    statuses: labelsOf(db, c.id, 'status'),
    tags: labelsOf(db, c.id, 'tag'),
    source: c.source,
    comment: c.comment,
    erased: c.erased_at !== null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function consentsOf(db: ReadDb, contactId: string): ContactConsentTable[] {
  return db.all(
    db.qb
      .selectFrom('contact_consents')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null)
      .orderBy('given_at'),
  );
}

export function readCard(db: ReadDb, id: string): ContactCard {
  const c = contactRow(db, id);
  const names = new Map(
    db.all(db.qb.selectFrom('users').select(['id', 'full_name'])).map((u) => [u.id, u.full_name]),
  );
  const consents = consentsOf(db, id);
  const timeline: TimelineEntry[] = [
    { at: c.created_at, kind: 'created', title: contactText.created(c.source), refId: null },
  ];
  for (const a of db.all(
    db.qb
      .selectFrom('appeals')
      .select(['id', 'registered_on', 'reg_number', 'summary'])
      .where('applicant_id', '=', id)
      .where('deleted_at', 'is', null),
  ))
    timeline.push({
      at: a.registered_on,
      kind: 'appeal',
      title: `${a.reg_number} — ${a.summary}`,
      refId: a.id,
    });
  for (const n of db.all(
    db.qb
      .selectFrom('contact_notes')
      .select(['at', 'text', 'user_id'])
      .where('contact_id', '=', id)
      .where('deleted_at', 'is', null),
  ))
    timeline.push({ at: n.at, kind: 'note', title: n.text, refId: null });
  for (const k of consents) {
    timeline.push({
      at: k.given_at,
      kind: 'consent_given',
      title: contactText.consentGiven(k.purpose, k.wording_version),
      refId: null,
    });
    if (k.withdrawn_at)
      timeline.push({
        at: k.withdrawn_at,
        kind: 'consent_withdrawn',
        title: contactText.consentWithdrawn(k.purpose),
        refId: null,
      });
  }
  for (const m of db.all(
    db.qb
      .selectFrom('contact_merges')
      .select(['id', 'created_at', 'undone_at', 'moved'])
      .where('kept_id', '=', id)
      .where('deleted_at', 'is', null),
  )) {
    timeline.push({
      at: m.created_at,
      kind: 'merge',
      title: contactText.merged(m.undone_at !== null),
      refId: m.id,
    });
    if (m.undone_at === null) timeline.push(...mergedCampaignEntries(db, m));
  }
  timeline.push(...volunteerTimeline(db, id));
  timeline.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    ...cardCore(db, c),
    consents: consents.map((k) => toConsent(k, names)),
    household: householdOf(db, c),
    timeline,
  };
}

/** Other people of the base at the contact's address: the same normalised address key. */
export function householdOf(
  db: ReadDb,
  c: Pick<ContactTable, 'id' | 'address_key'>,
): { id: string; fullName: string }[] {
  if (!c.address_key) return [];
  return db
    .rawAll<{ id: string; full_name: string }>(
      `SELECT id, full_name FROM contacts
       WHERE address_key = ? AND id <> ? AND deleted_at IS NULL AND erased_at IS NULL AND placeholder = 0
       ORDER BY name_key, id LIMIT 50`,
      c.address_key,
      c.id,
    )
    .map((r) => ({ id: r.id, fullName: r.full_name }));
}

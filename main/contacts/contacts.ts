import { phonesOf, toContactSummary, contactSummary, lookupContacts } from './queries';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactTable } from '../../db/schema';
import type { ContactSummary } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { ParsedInput } from '../../shared/api/index';
import { addressKey, emailKey, fullName, nameKey, normalizePhone } from '../../shared/domain/text';
import { insertSynced, newSyncColumns, type Stamp, updateSynced } from '../kernel/bookkeeping';
import type { FacetBatch } from './facets';
import { putFirstEmail } from './emails';

/** The contact base's fields a contact made at the desk starts without. */
export const NO_CONTACT_DETAILS = {
  birth_date: null,
  region: null,
  district: null,
  settlement: null,
  street: null,
  house: null,
  flat: null,
  source: null,
  erased_at: null,
  placeholder: 0,
  email_failing_at: null,
} as const satisfies Partial<ContactTable>;

type Applicant = ParsedInput<'appeals.register'>['applicant'];

/**
 * The applicant of a new appeal: the chosen contact (its missing details filled in from the form), or a new
 * contact — unless strong matches exist and the assistant has not confirmed that this is someone else.
 * `facets`, in a bulk write, is told of each contact created or changed.
 */
export function resolveApplicant(
  db: WriteDb,
  officeId: string,
  a: Applicant,
  st: Stamp,
  facets?: FacetBatch,
): ContactSummary {
  const phone = a.phone ? normalizePhone(a.phone) : null;
  if (a.phone && !phone)
    throw new ApiError('validation', 'applicant.phone: not a phone number', { field: 'applicant.phone' });
  if (a.contactId) {
    const c = db.rawGet<ContactTable>(
      'SELECT * FROM contacts WHERE id = ? AND deleted_at IS NULL',
      a.contactId,
    );
    if (!c) throw new ApiError('not_found', 'no such contact', { field: 'applicant.contactId' });
    const filled = fillMissing(db, c, a, phone, st, facets);
    return toContactSummary(filled, phonesOf(db, [c.id]).get(c.id) ?? []);
  }
  if (!a.forceNew) {
    const strong = lookupContacts(db, {
      phone: a.phone ?? undefined,
      email: a.email ?? undefined,
      lastName: a.lastName ?? undefined,
      firstName: a.firstName ?? undefined,
      middleName: a.middleName ?? undefined,
      address: a.address ?? undefined,
      limit: 10,
    }).filter((c) => c.matchedBy !== 'name');
    if (strong.length > 0)
      throw new ApiError(
        'applicant_match',
        'this applicant may already be in the contacts; choose one or confirm a new contact',
        {
          field: 'applicant',
          details: { candidates: strong },
        },
      );
  }
  // The sync columns last: properties after a leading spread are added one by one by V8's runtime.
  const row: ContactTable = {
    last_name: a.lastName ?? null,
    first_name: a.firstName ?? null,
    middle_name: a.middleName ?? null,
    full_name: fullName(a),
    name_key: nameKey(a),
    address: a.address ?? null,
    address_key: addressKey(a.address),
    email: a.email ?? null,
    email_key: emailKey(a.email),
    social_category: a.socialCategory ?? null,
    comment: null,
    ...NO_CONTACT_DETAILS,
    ...newSyncColumns(st, officeId),
  };
  // Nothing given: the appeal's placeholder, out of the contact base until its details arrive.
  if (!row.full_name && !row.address && !row.email && !phone) row.placeholder = 1;
  facets?.created(row.id);
  insertSynced(db, 'contacts', row);
  if (phone && a.phone) addPhone(db, officeId, row.id, phone, a.phone, st);
  if (row.email) putFirstEmail(db, officeId, row.id, row.email, st);
  return toContactSummary(row, phone ? [phone] : []);
}

export function addPhone(
  db: WriteDb,
  officeId: string,
  contactId: string,
  phone: string,
  raw: string,
  st: Stamp,
): void {
  insertSynced(db, 'contact_phones', { contact_id: contactId, phone, raw, ...newSyncColumns(st, officeId) });
}

/**
 * A placeholder (the contact of an appeal registered without an applicant) joins the contact base once a
 * name, e-mail or address is written to it, or `moreDetails` (a phone, a merged contact's rows) arrive:
 * the patch then clears the mark.
 */
export function leavePlaceholder(
  c: Pick<ContactTable, 'placeholder'>,
  patch: Partial<ContactTable>,
  moreDetails: boolean,
): void {
  if (c.placeholder && (patch.full_name || patch.address || patch.email || moreDetails))
    patch.placeholder = 0;
}

/** Fills in what the contact lacks and the form gives; returns the contact as it now is. */
function fillMissing(
  db: WriteDb,
  c: ContactTable,
  a: Applicant,
  phone: string | null,
  st: Stamp,
  facets?: FacetBatch,
): ContactTable {
  const patch: Partial<ContactTable> = {};
  if (!c.address && a.address)
    Object.assign(patch, { address: a.address, address_key: addressKey(a.address) });
  if (!c.email && a.email) Object.assign(patch, { email: a.email, email_key: emailKey(a.email) });
  if (!c.middle_name && a.middleName) patch.middle_name = a.middleName;
  if (!c.social_category && a.socialCategory) patch.social_category = a.socialCategory;
  if (patch.middle_name) {
    const parts = { lastName: c.last_name, firstName: c.first_name, middleName: patch.middle_name };
    Object.assign(patch, { full_name: fullName(parts), name_key: nameKey(parts) });
  }
  const newPhone = phone && a.phone && !hasPhone(db, c.id, phone) ? { phone, raw: a.phone } : null;
  leavePlaceholder(c, patch, !!newPhone);
  if (Object.keys(patch).length > 0) {
    facets?.changing(c.id);
    updateSynced(db, 'contacts', c.id, patch, st);
  }
  if (newPhone) {
    facets?.changing(c.id);
    addPhone(db, c.office_id, c.id, newPhone.phone, newPhone.raw, st);
  }
  if (patch.email) putFirstEmail(db, c.office_id, c.id, patch.email, st);
  return { ...c, ...patch };
}

/** Fills in details that arrived later (Art. 11 part 1 cured): given fields replace the stored ones. */
export function updateApplicantDetails(
  db: WriteDb,
  st: Stamp,
  contactId: string,
  d: {
    lastName?: string | null;
    firstName?: string | null;
    address?: string | null;
    email?: string | null;
    phone?: string | null;
  },
): ContactSummary {
  const c = db.get(db.qb.selectFrom('contacts').selectAll().where('id', '=', contactId));
  if (!c) throw new ApiError('not_found', 'no such contact');
  const phone = d.phone ? normalizePhone(d.phone) : null;
  if (d.phone && !phone) throw new ApiError('validation', 'phone: not a phone number', { field: 'phone' });
  const patch: Partial<ContactTable> = {};
  if (d.lastName || d.firstName) {
    const parts = {
      lastName: d.lastName ?? c.last_name,
      firstName: d.firstName ?? c.first_name,
      middleName: c.middle_name,
    };
    Object.assign(patch, {
      last_name: parts.lastName,
      first_name: parts.firstName,
      full_name: fullName(parts),
      name_key: nameKey(parts),
    });
  }
  if (d.address) Object.assign(patch, { address: d.address, address_key: addressKey(d.address) });
  if (d.email) Object.assign(patch, { email: d.email, email_key: emailKey(d.email) });
  const newPhone = phone && d.phone && !hasPhone(db, c.id, phone) ? { phone, raw: d.phone } : null;
  leavePlaceholder(c, patch, !!newPhone);
  if (Object.keys(patch).length > 0) updateSynced(db, 'contacts', c.id, patch, st);
  if (newPhone) addPhone(db, c.office_id, c.id, newPhone.phone, newPhone.raw, st);
  if (patch.email) putFirstEmail(db, c.office_id, c.id, patch.email, st);
  return contactSummary(db, c.id);
}

/** Whether the contact already holds this (normalised) phone, live or not: a phone is never added twice. */
function hasPhone(db: ReadDb, contactId: string, phone: string): boolean {
  return !!db.get(
    db.qb
      .selectFrom('contact_phones')
      .select('id')
      .where('contact_id', '=', contactId)
      .where('phone', '=', phone),
  );
}

/**
 * The contacts' read side shared with other domains: an applicant's summary as cards show it, and the
 * lookup the registration form asks while a phone, e-mail or name is typed.
 */
import type { ReadDb } from '../../db/sql';
import type { ContactTable } from '../../db/schema';
import type { ContactSummary } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { addressKey, emailKey, foldText, nameKey, normalizePhone } from '../../shared/domain/text';
import type { ReadContext } from '../kernel/context';
import { segmentFilter, whereOf } from './filter';

type MatchedBy = 'phone' | 'email' | 'name_address' | 'name';

type Candidate = ContactSummary & { matchedBy: MatchedBy; appealsCount: number };

/** Upper bound for a prefix range over folded keys. */
const prefixEnd = (p: string): string => p + '\uffff';

export function phonesOf(db: ReadDb, contactIds: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (contactIds.length === 0) return out;
  const rows = db.all(
    db.qb
      .selectFrom('contact_phones')
      .select(['contact_id', 'phone'])
      .where('contact_id', 'in', contactIds)
      .where('deleted_at', 'is', null)
      .orderBy('created_at'),
  );
  for (const r of rows) out.set(r.contact_id, [...(out.get(r.contact_id) ?? []), r.phone]);
  return out;
}

export function toContactSummary(c: ContactTable, phones: string[]): ContactSummary {
  return {
    id: c.id,
    fullName: c.full_name,
    lastName: c.last_name,
    firstName: c.first_name,
    middleName: c.middle_name,
    address: c.address,
    email: c.email,
    phones,
    socialCategory: c.social_category,
  };
}

export function contactSummary(db: ReadDb, id: string): ContactSummary {
  const c = db.get(db.qb.selectFrom('contacts').selectAll().where('id', '=', id));
  if (!c) throw new ApiError('not_found', 'no such contact');
  return toContactSummary(c, phonesOf(db, [id]).get(id) ?? []);
}

/**
 * Who this applicant may already be: the same phone or e-mail, or the same name at the same address are
 * strong matches; the same surname (prefix) is offered as a weaker one while the assistant types.
 */
export function lookupContacts(db: ReadDb, input: ParsedInput<'contacts.lookup'>): Candidate[] {
  const found = new Map<string, MatchedBy>();
  const add = (ids: { id: string }[], by: MatchedBy): void => {
    for (const { id } of ids) if (!found.has(id)) found.set(id, by);
  };
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone)
    add(
      db.all(
        db.qb
          .selectFrom('contact_phones')
          .select('contact_id as id')
          .where('phone', '=', phone)
          .where('deleted_at', 'is', null)
          .limit(input.limit),
      ),
      'phone',
    );
  // Live contacts whose keys equal the given ones, by the index on those keys.
  const byKeys = (keys: { name_key?: string; address_key?: string }) => {
    let q = db.qb.selectFrom('contacts').select('id').where('deleted_at', 'is', null);
    for (const [column, value] of Object.entries(keys) as ['name_key' | 'address_key', string][])
      q = q.where(column, '=', value);
    return db.all(q.limit(input.limit));
  };
  // Any of a contact's e-mails; `contacts.email_key` too, for a first address written before the list.
  const email = emailKey(input.email);
  if (email)
    add(
      db.rawAll<{ id: string }>(
        `SELECT e.contact_id AS id FROM contact_emails e JOIN contacts c ON c.id = e.contact_id
         WHERE e.email_key = ? AND e.deleted_at IS NULL AND c.deleted_at IS NULL
         UNION SELECT id FROM contacts WHERE email_key = ? AND deleted_at IS NULL LIMIT ?`,
        email,
        email,
        input.limit,
      ),
      'email',
    );
  const name = nameKey(input);
  const addr = addressKey(input.address);
  if (name && addr && input.firstName) add(byKeys({ name_key: name, address_key: addr }), 'name_address');
  if (input.lastName && foldText(input.lastName).trim().length >= 2) {
    const prefix = nameKey(input) ?? '';
    add(
      db.all(
        db.qb
          .selectFrom('contacts')
          .select('id')
          .where('name_key', '>=', prefix)
          .where('name_key', '<', prefixEnd(prefix))
          .where('deleted_at', 'is', null)
          .orderBy('name_key')
          .limit(input.limit),
      ),
      'name',
    );
  }
  const ids = [...found.keys()].slice(0, input.limit);
  if (ids.length === 0) return [];
  const contacts = db.all(db.qb.selectFrom('contacts').selectAll().where('id', 'in', ids));
  const phones = phonesOf(db, ids);
  const counts = new Map(
    db
      .all(
        db.qb
          .selectFrom('appeals')
          .select((eb) => ['applicant_id', eb.fn.countAll<number>().as('n')])
          .where('applicant_id', 'in', ids)
          .where('deleted_at', 'is', null)
          .groupBy('applicant_id'),
      )
      .map((r) => [r.applicant_id, Number(r.n)]),
  );
  const order: MatchedBy[] = ['phone', 'email', 'name_address', 'name'];
  return contacts
    .map((c) => ({
      ...toContactSummary(c, phones.get(c.id) ?? []),
      matchedBy: found.get(c.id)!,
      appealsCount: counts.get(c.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        order.indexOf(a.matchedBy) - order.indexOf(b.matchedBy) || a.fullName.localeCompare(b.fullName, 'ru'),
    );
}

export function lookup(ctx: ReadContext, input: ParsedInput<'contacts.lookup'>): Output<'contacts.lookup'> {
  return lookupContacts(ctx.store.read, input);
}

/** The live contacts a saved segment selects now, by the same condition its count and export read. */
export function segmentContactIds(db: ReadDb, segmentId: string): string[] {
  const w = whereOf(segmentFilter(db, segmentId));
  return db
    .rawAll<{ id: string }>(`SELECT c.id FROM contacts c WHERE ${w.sql} ORDER BY c.id`, ...w.params)
    .map((r) => r.id);
}

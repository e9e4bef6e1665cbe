/**
 * Where an imported row goes: the database, or (a dry run) an overlay that answers as if the rows had been
 * written. Both match a row to a contact the same way and add only what the contact lacks.
 */
import { sameName } from './same-name';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactTable, SyncColumns } from '../../db/schema';
import { idSequence } from '../../shared/util/ids';
import { newSyncColumns, syncedInserter, updateSynced, type Stamp } from '../kernel/bookkeeping';
import { addPhone, NO_CONTACT_DETAILS } from './contacts';
import { addLabelRow } from './card';
import { putFirstEmail } from './emails';
import { setFieldValues, valueId } from './fields';
import type { TypedValue } from './values';
import type { FacetBatch } from './facets';
import { type KnownKeys, nameAddressKey } from './known-keys';
import type { ImportedContact } from './normalize';

interface ContactState {
  row: Pick<ContactTable, MergeColumn | 'id' | 'name_key'>;
  phones: Set<string>;
  labels: Set<string>;
  /** The office's own fields the contact has a value of. */
  fields: Set<string>;
}

const MERGE_COLUMNS = [
  'first_name',
  'middle_name',
  'email',
  'email_key',
  'address',
  'address_key',
  'region',
  'district',
  'settlement',
  'street',
  'house',
  'flat',
  'birth_date',
  'social_category',
  'comment',
] as const;
type MergeColumn = (typeof MERGE_COLUMNS)[number];

const labelKey = (kind: 'status' | 'tag', value: string): string => `${kind}\u001f${value}`;

function columnsOf(c: ImportedContact): Pick<ContactTable, MergeColumn> {
  return {
    first_name: c.firstName,
    middle_name: c.middleName,
    email: c.email,
    email_key: c.emailKey,
    address: c.address,
    address_key: c.addressKey,
    region: c.region,
    district: c.district,
    settlement: c.settlement,
    street: c.street,
    house: c.house,
    flat: c.flat,
    birth_date: c.birthDate,
    social_category: c.socialCategory,
    comment: c.comment,
  };
}

/**
 * The contact a row matches: by phone, then e-mail (each only a contact of the same name), then name and
 * address. `known` (an import's filter of the base's keys) skips the lookups that certainly find nothing.
 */
function findInDb(db: ReadDb, c: ImportedContact, known?: KnownKeys): string | null {
  for (const { phone } of c.phones) {
    if (known && !known.mayHave('phone', phone)) continue;
    const hit = db
      .rawAll<{ id: string; name_key: string | null }>(
        `SELECT p.contact_id AS id, c.name_key FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
         WHERE p.phone = ? AND p.deleted_at IS NULL AND c.deleted_at IS NULL AND c.erased_at IS NULL`,
        phone,
      )
      .find((h) => sameName(h.name_key, c.nameKey));
    if (hit) return hit.id;
  }
  if (c.emailKey && (!known || known.mayHave('email', c.emailKey))) {
    const hit = db
      .rawAll<{ id: string; name_key: string | null }>(
        'SELECT id, name_key FROM contacts WHERE email_key = ? AND deleted_at IS NULL AND erased_at IS NULL',
        c.emailKey,
      )
      .find((h) => sameName(h.name_key, c.nameKey));
    if (hit) return hit.id;
  }
  if (
    c.nameKey &&
    c.addressKey &&
    (!known || known.mayHave('nameAddress', nameAddressKey(c.nameKey, c.addressKey)))
  ) {
    const hit = db.rawGet<{ id: string }>(
      'SELECT id FROM contacts WHERE address_key = ? AND name_key = ? AND deleted_at IS NULL AND erased_at IS NULL LIMIT 1',
      c.addressKey,
      c.nameKey,
    );
    if (hit) return hit.id;
  }
  return null;
}

function stateInDb(db: ReadDb, id: string): ContactState {
  const row = db.rawGet<ContactState['row']>(
    `SELECT id, name_key, ${MERGE_COLUMNS.join(', ')} FROM contacts WHERE id = ?`,
    id,
  )!;
  const phones = new Set(
    db
      .rawAll<{ phone: string }>(
        'SELECT phone FROM contact_phones WHERE contact_id = ? AND deleted_at IS NULL',
        id,
      )
      .map((p) => p.phone),
  );
  const labels = new Set(
    db
      .rawAll<{
        kind: 'status' | 'tag';
        value: string;
      }>('SELECT kind, value FROM contact_labels WHERE contact_id = ? AND deleted_at IS NULL', id)
      .map((l) => labelKey(l.kind, l.value)),
  );
  const fields = new Set(
    db
      .rawAll<{ field_id: string }>(
        'SELECT field_id FROM contact_field_values WHERE contact_id = ? AND deleted_at IS NULL',
        id,
      )
      .map((v) => v.field_id),
  );
  return { row, phones, labels, fields };
}

interface Additions {
  patch: Partial<ContactTable>;
  phones: ImportedContact['phones'];
  labels: ['status' | 'tag', string][];
  fields: ImportedContact['fields'];
}

/**
 * What a row adds to a contact it matched: empty fields filled (the office's own too), new phones and
 * labels. Nothing is overwritten.
 */
function additions(s: ContactState, c: ImportedContact): Additions {
  const cols = columnsOf(c);
  const patch: Partial<ContactTable> = {};
  for (const k of MERGE_COLUMNS)
    if (s.row[k] === null && cols[k] !== null) (patch as Record<string, unknown>)[k] = cols[k];
  const phones = c.phones.filter((p) => !s.phones.has(p.phone));
  const labels: ['status' | 'tag', string][] = [
    ...c.statuses.map((v) => ['status', v] as ['status', string]),
    ...c.tags.map((v) => ['tag', v] as ['tag', string]),
  ].filter(([k, v]) => !s.labels.has(labelKey(k, v)));
  const fields = c.fields.filter(([id]) => !s.fields.has(id));
  return { patch, phones, labels, fields };
}

export interface Target {
  find(c: ImportedContact): string | null;
  state(id: string): ContactState;
  /** Writes a new contact; returns its id. */
  create(c: ImportedContact): string;
  merge(id: string, a: Additions): void;
}

/**
 * A new contact's row: the sync columns with the rest assigned onto them, keys in the order the change log
 * has always had. Rows an import writes by the million are not spread: with this many keys a spread
 * object took 23 µs to build, bind and serialise, one assigned onto the sync columns 3.6 µs.
 */
function newContactRow(c: ImportedContact, sync: SyncColumns): ContactTable {
  return Object.assign(
    sync,
    { last_name: c.lastName, full_name: c.fullName, name_key: c.nameKey },
    NO_CONTACT_DETAILS,
    columnsOf(c),
    { source: c.source },
  );
}

/**
 * Writes through the bookkeeping: every row with its change-log entry, inside the batch's transaction.
 * `known`, when given, learns every key written, so later rows of the same import still find these;
 * `facets`, when given, is told of every contact created or changed (the batch keeps the segment counts).
 */
export function dbTarget(
  db: WriteDb,
  officeId: string,
  st: Stamp,
  known?: KnownKeys,
  facets?: FacetBatch,
): Target {
  // Rows a batch creates go through one prepared statement per table; the columns are the rows' own.
  let contacts: ((row: ContactTable) => void) | null = null;
  const phones = syncedInserter(db, 'contact_phones', PHONE_COLUMNS);
  const labels = syncedInserter(db, 'contact_labels', LABEL_COLUMNS);
  const emails = syncedInserter(db, 'contact_emails', EMAIL_COLUMNS);
  const values = syncedInserter(db, 'contact_field_values', VALUE_COLUMNS);
  // The batch's new rows take ids in the order they are written (see `idSequence`).
  const nextId = idSequence(st.nowMs);
  const sync = (): SyncColumns => newSyncColumns(st, officeId, nextId());
  return {
    find: (c) => findInDb(db, c, known),
    state: (id) => stateInDb(db, id),
    create(c) {
      const row = newContactRow(c, sync());
      contacts ??= syncedInserter(db, 'contacts', Object.keys(row) as (keyof ContactTable)[]);
      contacts(row);
      facets?.created(row.id);
      for (const p of c.phones)
        phones(Object.assign(sync(), { contact_id: row.id, phone: p.phone, raw: p.raw }));
      for (const v of c.statuses)
        labels(Object.assign(sync(), { contact_id: row.id, kind: 'status' as const, value: v }));
      for (const v of c.tags)
        labels(Object.assign(sync(), { contact_id: row.id, kind: 'tag' as const, value: v }));
      if (c.email && c.emailKey)
        emails(
          Object.assign(sync(), {
            contact_id: row.id,
            email: c.email,
            email_key: c.emailKey,
            kind: 'personal' as const,
            position: 0,
            failing_at: null,
          }),
        );
      for (const [fieldId, v] of c.fields)
        values(
          Object.assign(newSyncColumns(st, officeId, valueId(row.id, fieldId)), {
            contact_id: row.id,
            field_id: fieldId,
            ...v,
          }),
        );
      if (known) learn(known, row, c.phones);
      return row.id;
    },
    merge(id, a) {
      facets?.changing(id);
      if (Object.keys(a.patch).length > 0) {
        const row = updateSynced(db, 'contacts', id, a.patch, st);
        if (known) learn(known, row, []);
      }
      for (const p of a.phones) addPhone(db, officeId, id, p.phone, p.raw, st);
      for (const [k, v] of a.labels) addLabelRow(db, officeId, id, k, v, st);
      if (a.patch.email) putFirstEmail(db, officeId, id, a.patch.email, st);
      if (a.fields.length > 0) setFieldValues(db, officeId, id, new Map<string, TypedValue>(a.fields), st);
      if (known) for (const p of a.phones) known.add('phone', p.phone);
    },
  };
}

const SYNC_COLUMNS = ['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'deleted_at'] as const;
const PHONE_COLUMNS = [...SYNC_COLUMNS, 'contact_id', 'phone', 'raw'] as const;
const LABEL_COLUMNS = [...SYNC_COLUMNS, 'contact_id', 'kind', 'value'] as const;
const EMAIL_COLUMNS = [
  ...SYNC_COLUMNS,
  'contact_id',
  'email',
  'email_key',
  'kind',
  'position',
  'failing_at',
] as const;
const VALUE_COLUMNS = [
  ...SYNC_COLUMNS,
  'contact_id',
  'field_id',
  'value_text',
  'value_num',
  'value_date',
] as const;

function learn(
  known: KnownKeys,
  row: Pick<ContactTable, 'email_key' | 'name_key' | 'address_key'>,
  phones: readonly { phone: string }[],
): void {
  for (const p of phones) known.add('phone', p.phone);
  if (row.email_key) known.add('email', row.email_key);
  if (row.name_key && row.address_key)
    known.add('nameAddress', nameAddressKey(row.name_key, row.address_key));
}

/** A dry run: the base is read, never written; what the import would have written is kept in memory. */
export function dryTarget(db: ReadDb): Target {
  const states = new Map<string, ContactState>();
  const byPhone = new Map<string, string[]>();
  const byEmail = new Map<string, string[]>();
  const byNameAddress = new Map<string, string>();
  let seq = 0;
  const index = (
    id: string,
    c: {
      phones: { phone: string }[];
      emailKey: string | null;
      nameKey: string | null;
      addressKey: string | null;
    },
  ): void => {
    const add = (m: Map<string, string[]>, key: string): void => {
      const ids = m.get(key);
      if (!ids) m.set(key, [id]);
      else if (!ids.includes(id)) ids.push(id);
    };
    for (const { phone } of c.phones) add(byPhone, phone);
    if (c.emailKey) add(byEmail, c.emailKey);
    if (c.nameKey && c.addressKey) byNameAddress.set(`${c.nameKey}\u001f${c.addressKey}`, id);
  };
  const state = (id: string): ContactState => {
    let s = states.get(id);
    if (!s) {
      s = stateInDb(db, id);
      states.set(id, s);
    }
    return s;
  };
  return {
    find(c) {
      const sameAs = (ids: string[] | undefined): string | undefined =>
        ids?.find((id) => sameName(state(id).row.name_key, c.nameKey));
      for (const { phone } of c.phones) {
        const id = sameAs(byPhone.get(phone));
        if (id) return id;
      }
      const email = c.emailKey ? sameAs(byEmail.get(c.emailKey)) : undefined;
      if (email) return email;
      const na = c.nameKey && c.addressKey && byNameAddress.get(`${c.nameKey}\u001f${c.addressKey}`);
      if (na) return na;
      return findInDb(db, c);
    },
    state,
    create(c) {
      const id = `dry-${++seq}`;
      states.set(id, {
        row: { id, name_key: c.nameKey, ...columnsOf(c) },
        phones: new Set(c.phones.map((p) => p.phone)),
        labels: new Set([
          ...c.statuses.map((v) => labelKey('status', v)),
          ...c.tags.map((v) => labelKey('tag', v)),
        ]),
        fields: new Set(c.fields.map(([id]) => id)),
      });
      index(id, c);
      return id;
    },
    merge(id, a) {
      const s = state(id);
      Object.assign(s.row, a.patch);
      for (const p of a.phones) s.phones.add(p.phone);
      for (const [k, v] of a.labels) s.labels.add(labelKey(k, v));
      for (const [f] of a.fields) s.fields.add(f);
      index(id, {
        phones: a.phones,
        emailKey: (a.patch.email_key as string | undefined) ?? null,
        nameKey: null,
        addressKey: null,
      });
    },
  };
}

export type Outcome = 'created' | 'merged' | 'unchanged';

/**
 * Writes one row to the target: a new contact, additions to the matching one, or nothing. `joined`, when
 * given, is told the contact the row ended at, whichever it was.
 */
export function applyRow(t: Target, c: ImportedContact, joined?: (contactId: string) => void): Outcome {
  const id = t.find(c);
  if (!id) {
    const created = t.create(c);
    joined?.(created);
    return 'created';
  }
  joined?.(id);
  const a = additions(t.state(id), c);
  if (
    Object.keys(a.patch).length === 0 &&
    a.phones.length === 0 &&
    a.labels.length === 0 &&
    a.fields.length === 0
  )
    return 'unchanged';
  t.merge(id, a);
  return 'merged';
}

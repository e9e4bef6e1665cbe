import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactTable, SyncedTable } from '../../db/schema';
import { MERGE_FIELDS, type DuplicatePair, type MergeField } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { fullName, nameKey } from '../../shared/domain/text';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { mergeMemberships, undoMemberships, type MergedMembership } from '../campaigns/merge';
import { cardCore, contactRow, readCard } from './card-read';
import { putFirstEmail } from './emails';
import { leavePlaceholder } from './contacts';

const live = (alias: string): string =>
  `${alias}.deleted_at IS NULL AND ${alias}.erased_at IS NULL AND ${alias}.placeholder = 0`;

/** Pairs that look like one person, strongest evidence first; each pair once, the older contact first. */
export function duplicatePairs(
  db: ReadDb,
  limit: number,
): { a: string; b: string; matchedBy: DuplicatePair['matchedBy'] }[] {
  const queries: [DuplicatePair['matchedBy'], string][] = [
    [
      'phone',
      `SELECT DISTINCT p1.contact_id AS a, p2.contact_id AS b FROM contact_phones p1
       JOIN contact_phones p2 ON p2.phone = p1.phone AND p2.contact_id > p1.contact_id AND p2.deleted_at IS NULL
       JOIN contacts c1 ON c1.id = p1.contact_id AND ${live('c1')}
       JOIN contacts c2 ON c2.id = p2.contact_id AND ${live('c2')}
       WHERE p1.deleted_at IS NULL LIMIT ?`,
    ],
    [
      'email',
      `SELECT c1.id AS a, c2.id AS b FROM contacts c1
       JOIN contacts c2 ON c2.email_key = c1.email_key AND c2.id > c1.id AND ${live('c2')}
       WHERE c1.email_key IS NOT NULL AND ${live('c1')} LIMIT ?`,
    ],
    [
      'name_address',
      `SELECT c1.id AS a, c2.id AS b FROM contacts c1
       JOIN contacts c2 ON c2.name_key = c1.name_key AND c2.address_key = c1.address_key AND c2.id > c1.id
         AND ${live('c2')}
       WHERE c1.address_key IS NOT NULL AND ${live('c1')} LIMIT ?`,
    ],
  ];
  const seen = new Set<string>();
  const out: { a: string; b: string; matchedBy: DuplicatePair['matchedBy'] }[] = [];
  for (const [matchedBy, sql] of queries) {
    for (const { a, b } of db.rawAll<{ a: string; b: string }>(sql, limit)) {
      const key = `${a}|${b}`;
      if (seen.has(key) || out.length >= limit) continue;
      seen.add(key);
      out.push({ a, b, matchedBy });
    }
  }
  return out;
}

export function duplicates(
  ctx: ReadContext,
  input: ParsedInput<'contacts.duplicates'>,
): Output<'contacts.duplicates'> {
  const db = ctx.store.read;
  return duplicatePairs(db, input.limit).map((p) => ({
    a: cardCore(db, contactRow(db, p.a)),
    b: cardCore(db, contactRow(db, p.b)),
    matchedBy: p.matchedBy,
  }));
}

/** The columns each choosable field carries; an address moves with its structured parts. */
const FIELD_COLUMNS: Record<MergeField, (keyof ContactTable)[]> = {
  lastName: ['last_name'],
  firstName: ['first_name'],
  middleName: ['middle_name'],
  email: ['email', 'email_key'],
  address: ['address', 'address_key', 'region', 'district', 'settlement', 'street', 'house', 'flat'],
  birthDate: ['birth_date'],
  socialCategory: ['social_category'],
  source: ['source'],
  comment: ['comment'],
};

/** The contact's own columns (not its id or sync stamps): what an undo puts back. */
const OWN_COLUMNS = [
  ...new Set(Object.values(FIELD_COLUMNS).flat()),
  'full_name',
  'name_key',
] as (keyof ContactTable)[];

interface Moved {
  /** Rows re-pointed from the merged contact to the kept one, by table. */
  moved: Partial<Record<Keyed | 'contact_consents' | 'contact_notes', string[]>>;
  /** Rows of the merged contact the kept one already had (same phone, label, event): tombstoned. */
  dropped: Partial<Record<Keyed, string[]>>;
  appeals: string[];
  /** The merged contact's campaigns, as the merge moved them (absent in merges recorded before). */
  campaigns?: MergedMembership[];
}

type Keyed =
  | 'contact_phones'
  | 'contact_labels'
  | 'event_participants'
  | 'contact_emails'
  | 'contact_socials'
  | 'contact_field_values';

/** What makes two rows of a table one: the kept contact's row stays, the merged one's is dropped. */
const KEYED: Record<Keyed, string> = {
  contact_phones: 'phone',
  contact_labels: "kind || ':' || value",
  // One participation an event: where both attended, the kept contact's stays.
  event_participants: 'event_id',
  contact_emails: 'email_key',
  contact_socials: "network || ':' || handle",
  // One value a field: the kept contact's.
  contact_field_values: 'field_id',
};

function mergeInto(
  db: WriteDb,
  ctx: CallContext,
  st: Stamp,
  keep: ContactTable,
  merged: ContactTable,
  take: readonly MergeField[],
  automatic: boolean,
): string {
  const patch: Partial<ContactTable> = {};
  for (const f of take)
    for (const col of FIELD_COLUMNS[f]) (patch as Record<string, unknown>)[col] = merged[col];
  const names = {
    lastName: 'last_name' in patch ? patch.last_name : keep.last_name,
    firstName: 'first_name' in patch ? patch.first_name : keep.first_name,
    middleName: 'middle_name' in patch ? patch.middle_name : keep.middle_name,
  };
  Object.assign(patch, { full_name: fullName(names), name_key: nameKey(names) });
  leavePlaceholder(keep, patch, !merged.placeholder);
  updateSynced(db, 'contacts', keep.id, patch, st);

  const record: Moved = { moved: {}, dropped: {}, appeals: [] };
  const tables = Object.keys(KEYED) as Keyed[];
  const have = Object.fromEntries(
    tables.map((t) => [
      t,
      new Set(
        db
          .rawAll<{ k: string }>(
            `SELECT ${KEYED[t]} AS k FROM ${t} WHERE contact_id = ? AND deleted_at IS NULL`,
            keep.id,
          )
          .map((r) => r.k),
      ),
    ]),
  ) as Record<Keyed, Set<string>>;
  for (const table of tables) {
    for (const r of db.rawAll<{ id: string; k: string }>(
      `SELECT id, ${KEYED[table]} AS k FROM ${table} WHERE contact_id = ? AND deleted_at IS NULL`,
      merged.id,
    )) {
      if (have[table].has(r.k)) {
        updateSynced(db, table, r.id, { deleted_at: st.now }, st);
        (record.dropped[table] ??= []).push(r.id);
      } else {
        updateSynced(db, table, r.id, { contact_id: keep.id }, st);
        (record.moved[table] ??= []).push(r.id);
      }
    }
  }
  for (const table of ['contact_consents', 'contact_notes'] as const)
    for (const { id } of db.rawAll<{ id: string }>(
      `SELECT id FROM ${table} WHERE contact_id = ? AND deleted_at IS NULL`,
      merged.id,
    )) {
      updateSynced(db, table, id, { contact_id: keep.id }, st);
      (record.moved[table] ??= []).push(id);
    }
  for (const { id } of db.rawAll<{ id: string }>(
    'SELECT id FROM appeals WHERE applicant_id = ?',
    merged.id,
  )) {
    updateSynced(db, 'appeals', id, { applicant_id: keep.id }, st);
    record.appeals.push(id);
  }
  record.campaigns = mergeMemberships(db, st, keep.id, merged.id);
  // The e-mail taken from the merged contact is the kept one's first again.
  if (take.includes('email')) putFirstEmail(db, keep.office_id, keep.id, merged.email, st);
  updateSynced(db, 'contacts', merged.id, { deleted_at: st.now }, st);
  const row = newSyncColumns(st, keep.office_id);
  insertSynced(db, 'contact_merges', {
    ...row,
    kept_id: keep.id,
    merged_id: merged.id,
    kept_before: JSON.stringify(keep),
    moved: JSON.stringify(record),
    merged_by: ctx.actor?.userId ?? null,
    automatic: automatic ? 1 : 0,
    undone_at: null,
  });
  audit(db, ctx, keep.office_id, automatic ? 'contacts.autoMerge' : 'contacts.merge', 'contact', keep.id, {
    merged: merged.id,
    take,
  });
  return row.id;
}

function liveContact(db: ReadDb, id: string, field: string): ContactTable {
  const c = db.get(
    db.qb.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!c) throw new ApiError('not_found', 'no such contact', { field });
  if (c.erased_at) throw new ApiError('invalid_state', 'the contact was erased', { field });
  return c;
}

export function merge(ctx: CallContext, input: ParsedInput<'contacts.merge'>): Output<'contacts.merge'> {
  if (input.keepId === input.mergeId)
    throw new ApiError('validation', 'mergeId: a contact cannot be merged into itself', { field: 'mergeId' });
  return ctx.store.transaction((db) => {
    const keep = liveContact(db, input.keepId, 'keepId');
    const merged = liveContact(db, input.mergeId, 'mergeId');
    const mergeId = mergeInto(db, ctx, stamp(ctx), keep, merged, input.take, false);
    return { mergeId, contact: readCard(db, keep.id) };
  });
}

export function undoMerge(
  ctx: CallContext,
  input: ParsedInput<'contacts.undoMerge'>,
): Output<'contacts.undoMerge'> {
  return ctx.store.transaction((db) => {
    const m = db.get(
      db.qb
        .selectFrom('contact_merges')
        .selectAll()
        .where('id', '=', input.mergeId)
        .where('deleted_at', 'is', null),
    );
    if (!m) throw new ApiError('not_found', 'no such merge', { field: 'mergeId' });
    if (m.undone_at) throw new ApiError('invalid_state', 'the merge is already undone');
    const keep = db.get(db.qb.selectFrom('contacts').selectAll().where('id', '=', m.kept_id));
    if (!keep || keep.deleted_at || keep.erased_at)
      throw new ApiError('invalid_state', 'the kept contact was merged further or erased; undo that first');
    const st = stamp(ctx);
    const before = JSON.parse(m.kept_before) as ContactTable;
    const restore: Partial<ContactTable> = {};
    for (const col of OWN_COLUMNS) (restore as Record<string, unknown>)[col] = before[col];
    // A merge recorded before placeholders were marked kept a contact of the base.
    restore.placeholder = before.placeholder ?? 0;
    updateSynced(db, 'contacts', keep.id, restore, st);
    updateSynced(db, 'contacts', m.merged_id, { deleted_at: null }, st);
    const record = JSON.parse(m.moved) as Moved;
    for (const [table, ids] of Object.entries(record.moved) as [SyncedTable, string[]][])
      for (const id of ids) updateSynced(db, table as 'contact_phones', id, { contact_id: m.merged_id }, st);
    for (const [table, ids] of Object.entries(record.dropped) as [SyncedTable, string[]][])
      for (const id of ids) updateSynced(db, table as 'contact_phones', id, { deleted_at: null }, st);
    for (const id of record.appeals) updateSynced(db, 'appeals', id, { applicant_id: m.merged_id }, st);
    undoMemberships(db, st, record.campaigns ?? []);
    updateSynced(db, 'contact_merges', m.id, { undone_at: st.now }, st);
    audit(db, ctx, m.office_id, 'contacts.undoMerge', 'contact', m.kept_id, { merged: m.merged_id });
    return { ok: true as const };
  });
}

/** Fields the kept contact lacks and the other has: what an automatic merge takes. */
function blanksFilled(keep: ContactTable, other: ContactTable): MergeField[] {
  return MERGE_FIELDS.filter((f) => {
    const col = FIELD_COLUMNS[f][0]!;
    return keep[col] === null && other[col] !== null;
  });
}

/** Same phone, merged without asking — only when the office has turned this on. The older contact is kept. */
export function autoMerge(ctx: CallContext): Output<'contacts.autoMerge'> {
  return ctx.store.transaction((db) => {
    if (officeRow(db).contact_auto_merge_phone !== 1)
      throw new ApiError('invalid_state', 'automatic merging of phone duplicates is turned off');
    const st = stamp(ctx);
    let merged = 0;
    for (;;) {
      const pairs = duplicatePairs(db, 500).filter((p) => p.matchedBy === 'phone');
      if (pairs.length === 0) break;
      const touched = new Set<string>();
      for (const p of pairs) {
        if (touched.has(p.a) || touched.has(p.b)) continue;
        touched.add(p.a).add(p.b);
        const keep = contactRow(db, p.a);
        const other = contactRow(db, p.b);
        mergeInto(db, ctx, st, keep, other, blanksFilled(keep, other), true);
        merged++;
      }
    }
    return { merged };
  });
}

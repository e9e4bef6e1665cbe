import type { ReadDb } from '../../db/sql';
import type { ContactFilter, ContactRow, Segment } from '../../shared/api/contacts';
import { ContactFilterSchema } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { foldText, looksLikePhone, nameSearchStems, normalizePhone } from '../../shared/domain/text';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { countByFacets } from './facets';
import { existsOf, filterFields, type FieldSql } from './field-filter';
import { listedFieldValues } from './fields';

export interface Where {
  sql: string;
  params: unknown[];
}

/** Upper bound of a prefix range over folded keys. */
const prefixEnd = (p: string): string => p + '\uffff';

/**
 * A filter as one WHERE clause over `contacts c`. Every condition reads an index (district, source, labels,
 * consents, appeals by applicant), so a count over an HQ's two million contacts stays an index walk.
 */
export function whereOf(f: ContactFilter, fields: readonly FieldSql[] = []): Where {
  // The base's live contacts: the conditions of its partial indexes (`contacts_live` and the facets').
  const sql = ['c.deleted_at IS NULL', 'c.erased_at IS NULL', 'c.placeholder = 0'];
  const params: unknown[] = [];
  const q = f.q?.trim();
  if (q) {
    const phone = looksLikePhone(q) ? normalizePhone(q) : null;
    if (phone) {
      sql.push('c.id IN (SELECT contact_id FROM contact_phones WHERE phone = ? AND deleted_at IS NULL)');
      params.push(phone);
    } else {
      // The surname's start is a range of the name index; further words (a first name) are looked for in it.
      const [first = foldText(q), ...rest] = nameSearchStems(q);
      sql.push(
        'c.name_key >= ? AND c.name_key < ?',
        ...rest.map(() => "instr(' ' || replace(c.name_key, '-', ' '), ?) > 0"),
      );
      params.push(first, prefixEnd(first), ...rest.map((w) => ' ' + w));
    }
  }
  for (const kind of ['statuses', 'tags'] as const) {
    const values = f[kind];
    if (values && values.length > 0) {
      sql.push(
        `c.id IN (SELECT contact_id FROM contact_labels WHERE kind = ? AND value IN (${values.map(() => '?').join(', ')}) AND deleted_at IS NULL)`,
      );
      params.push(kind === 'statuses' ? 'status' : 'tag', ...values);
    }
  }
  const columns = [
    ['source', 'source'],
    ['region', 'region'],
    ['district', 'district'],
    ['settlement', 'settlement'],
    ['socialCategory', 'social_category'],
  ] as const;
  for (const [key, column] of columns) {
    const v = f[key];
    if (v) {
      sql.push(`c.${column} = ?`);
      params.push(v);
    }
  }
  if (f.hasPhone !== undefined)
    sql.push(
      `${f.hasPhone ? '' : 'NOT '}EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL)`,
    );
  if (f.consent) {
    sql.push(
      `c.id ${f.consent.given ? '' : 'NOT '}IN (SELECT contact_id FROM contact_consents WHERE purpose = ? AND withdrawn_at IS NULL AND deleted_at IS NULL)`,
    );
    params.push(f.consent.purpose);
  }
  if (f.appealed) {
    const cond = ['a.deleted_at IS NULL'];
    if (f.appealed.since) {
      cond.push('a.registered_on >= ?');
      params.push(f.appealed.since);
    }
    if (f.appealed.topicPrefix) {
      cond.push('a.id IN (SELECT appeal_id FROM appeal_topics WHERE code >= ? AND code < ?)');
      params.push(f.appealed.topicPrefix, prefixEnd(f.appealed.topicPrefix));
    }
    sql.push(`c.id IN (SELECT a.applicant_id FROM appeals a WHERE ${cond.join(' AND ')})`);
  }
  // The office's own fields: checked against their definitions by `filterFields` beforehand.
  const custom = existsOf(fields);
  sql.push(...custom.sql);
  params.push(...custom.params);
  return { sql: sql.join(' AND '), params };
}

/**
 * Without a condition on an indexed column the planner would read every wide contact row; the live-contacts
 * index `contacts_live` holds the id of every live contact, so counting walks it instead.
 */
function countSource(f: ContactFilter): string {
  const narrowed = f.q || f.district || f.source || f.socialCategory || f.region || f.settlement;
  return narrowed ? 'contacts c' : 'contacts c INDEXED BY contacts_live';
}

/** How many live contacts a filter selects: from the facet counts when they answer it, else by SQL. */
export function countContacts(db: ReadDb, f: ContactFilter): number {
  return countByFacets(db, f) ?? countBySql(db, f);
}

/** A contact outside the base (deleted, erased, a placeholder): the condition of `contacts_out_of_base`. */
const OUT_OF_BASE = 'd.deleted_at IS NOT NULL OR d.erased_at IS NOT NULL OR d.placeholder <> 0';
/** The live-contacts terms alone: a filter whose clause is this asks nothing of the contact's row. */
const BASE_ONLY = whereOf({}).sql;

export function countBySql(db: ReadDb, f: ContactFilter): number {
  const fields = filterFields(db, f.fields);
  if (fields.length > 0) {
    // The narrowest condition's stretch of its index drives; each of its contacts' value of every other
    // field is looked up on the field-first covering index (one live row a contact and field; a third
    // less than on the contact-first one at 2M contacts). Joined in this order, never leaving the planner
    // a walk over the whole base.
    const [drive, ...rest] = [...fields].sort((a, b) => a.rank - b.rank);
    const joins = rest.map(
      (r, i) =>
        `CROSS JOIN contact_field_values v${i} INDEXED BY contact_field_values_field ON v${i}.contact_id = v.contact_id AND ${r.test.replace(/\bv\./g, `v${i}.`)}`,
    );
    const w = whereOf(f);
    const params = [...rest.flatMap((r) => r.params), ...drive!.params];
    if (w.sql === BASE_ONLY) {
      // Nothing else asked of the contact: the ones left are counted unless they are outside the base,
      // looked up in that small index (after the last join, so only for contacts every condition kept).
      const last = rest.length > 0 ? `v${rest.length - 1}` : 'v';
      return db.rawGet<{ n: number }>(
        `SELECT count(*) AS n FROM contact_field_values v ${joins.join(' ')}
         WHERE ${drive!.test} AND NOT EXISTS (SELECT 1 FROM contacts d INDEXED BY contacts_out_of_base
           WHERE d.id = ${last}.contact_id AND (${OUT_OF_BASE}))`,
        ...params,
      )!.n;
    }
    // Other conditions on the contact: the contacts left are read.
    return db.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM contact_field_values v ${joins.join(' ')}
       CROSS JOIN contacts c ON c.id = v.contact_id WHERE ${drive!.test} AND ${w.sql}`,
      ...params,
      ...w.params,
    )!.n;
  }
  const w = whereOf(f);
  return db.rawGet<{ n: number }>(`SELECT count(*) AS n FROM ${countSource(f)} WHERE ${w.sql}`, ...w.params)!
    .n;
}

/** Rows for lists and exports: phones and labels gathered per contact. */
export function contactRows(db: ReadDb, ids: readonly string[]): ContactRow[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const phones = new Map<string, string[]>();
  for (const p of db.rawAll<{ contact_id: string; phone: string }>(
    `SELECT contact_id, phone FROM contact_phones WHERE contact_id IN (${marks}) AND deleted_at IS NULL ORDER BY created_at`,
    ...ids,
  ))
    phones.set(p.contact_id, [...(phones.get(p.contact_id) ?? []), p.phone]);
  const labels = new Map<string, { statuses: string[]; tags: string[] }>();
  for (const l of db.rawAll<{ contact_id: string; kind: string; value: string }>(
    `SELECT contact_id, kind, value FROM contact_labels WHERE contact_id IN (${marks}) AND deleted_at IS NULL ORDER BY created_at`,
    ...ids,
  )) {
    const e = labels.get(l.contact_id) ?? { statuses: [], tags: [] };
    (l.kind === 'status' ? e.statuses : e.tags).push(l.value);
    labels.set(l.contact_id, e);
  }
  const rows = db.rawAll<{
    id: string;
    full_name: string;
    email: string | null;
    address: string | null;
    district: string | null;
    source: string | null;
  }>(`SELECT id, full_name, email, address, district, source FROM contacts WHERE id IN (${marks})`, ...ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const l = labels.get(id);
    return [
      {
        id,
        fullName: r.full_name,
        phones: phones.get(id) ?? [],
        email: r.email,
        address: r.address,
        district: r.district,
        statuses: l?.statuses ?? [],
        tags: l?.tags ?? [],
        source: r.source,
      },
    ];
  });
}

export function list(ctx: ReadContext, input: ParsedInput<'contacts.list'>): Output<'contacts.list'> {
  const db = ctx.store.read;
  const w = whereOf(input.filter, filterFields(db, input.filter.fields));
  const ids = db
    .rawAll<{
      id: string;
    }>(
      `SELECT c.id FROM contacts c WHERE ${w.sql} ORDER BY c.name_key, c.id LIMIT ? OFFSET ?`,
      ...w.params,
      input.limit,
      input.offset,
    )
    .map((r) => r.id);
  const rows = contactRows(db, ids);
  if (input.fieldIds.length > 0) {
    const values = listedFieldValues(db, ids, input.fieldIds);
    for (const r of rows) r.fieldValues = values.get(r.id) ?? {};
  }
  return { rows, total: countContacts(db, input.filter) };
}

export function count(ctx: ReadContext, input: ParsedInput<'contacts.count'>): Output<'contacts.count'> {
  return { count: countContacts(ctx.store.read, input.filter) };
}

function segmentRow(db: ReadDb, id: string): Segment {
  const r = db.get(
    db.qb.selectFrom('contact_segments').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such segment', { field: 'segmentId' });
  return {
    id: r.id,
    name: r.name,
    filter: ContactFilterSchema.parse(JSON.parse(r.filter)),
    updatedAt: r.updated_at,
  };
}

export function segmentFilter(db: ReadDb, id: string): ContactFilter {
  return segmentRow(db, id).filter;
}

export function listSegments(ctx: ReadContext): Output<'segments.list'> {
  const db = ctx.store.read;
  return db
    .all(db.qb.selectFrom('contact_segments').select('id').where('deleted_at', 'is', null).orderBy('name'))
    .map(({ id }) => {
      const s = segmentRow(db, id);
      return { ...s, count: countContacts(db, s.filter) };
    });
}

export function saveSegment(ctx: CallContext, input: ParsedInput<'segments.save'>): Output<'segments.save'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    filterFields(db, input.filter.fields);
    const st = stamp(ctx);
    const filter = JSON.stringify(input.filter);
    let id = input.id;
    if (id) {
      segmentRow(db, id);
      updateSynced(db, 'contact_segments', id, { name: input.name, filter }, st);
    } else {
      const row = { ...newSyncColumns(st, office.id), name: input.name, filter };
      id = row.id;
      insertSynced(db, 'contact_segments', row);
    }
    audit(db, ctx, office.id, 'segments.save', 'segment', id);
    return segmentRow(db, id);
  });
}

export function deleteSegment(
  ctx: CallContext,
  input: ParsedInput<'segments.delete'>,
): Output<'segments.delete'> {
  return ctx.store.transaction((db) => {
    const s = segmentRow(db, input.id);
    const st = stamp(ctx);
    updateSynced(db, 'contact_segments', s.id, { deleted_at: st.now }, st);
    audit(db, ctx, officeRow(db).id, 'segments.delete', 'segment', s.id);
    return { ok: true as const };
  });
}

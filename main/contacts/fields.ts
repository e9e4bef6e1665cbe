/**
 * The office's own contact fields: their definitions (Settings → Поля контактов) and a contact's values.
 * A value is kept in the column of its field's type (`value_text` for text and list, `value_num`,
 * `value_date`), so a segment's condition compares like with like on that column's index.
 */
import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ContactFieldTable } from '../../db/schema';
import type { ContactFieldDef, ContactFieldType } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { typedValue, valueOf, type FieldValue, type TypedValue } from './values';

export function toFieldDef(r: ContactFieldTable): ContactFieldDef {
  return {
    id: r.id,
    name: r.name,
    type: r.type,
    options: JSON.parse(r.options) as string[],
    required: r.required === 1,
    position: r.position,
  };
}

/** The office's live fields, in their order. */
export function fieldDefs(db: ReadDb): ContactFieldDef[] {
  return db
    .all(
      db.qb
        .selectFrom('contact_fields')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('position')
        .orderBy('id'),
    )
    .map(toFieldDef);
}

export function fieldDefsById(db: ReadDb): Map<string, ContactFieldDef> {
  return new Map(fieldDefs(db).map((d) => [d.id, d]));
}

const PROBLEM: Record<ContactFieldType, string> = {
  text: 'expected text',
  number: 'not a number',
  date: 'not a date (YYYY-MM-DD or DD.MM.YYYY)',
  list: 'not one of the list’s values',
};

/** Checks every given value against its field before anything is written; a bad one names its field. */
export function checkFieldValues(
  defs: ReadonlyMap<string, ContactFieldDef>,
  values: Readonly<Record<string, FieldValue | null>>,
): Map<string, TypedValue | null> {
  const out = new Map<string, TypedValue | null>();
  for (const [id, raw] of Object.entries(values)) {
    const field = `fieldValues.${id}`;
    const def = defs.get(id);
    if (!def) throw new ApiError('validation', `${field}: no such field`, { field });
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      if (def.required) throw new ApiError('validation', `${field} (${def.name}): required`, { field });
      out.set(id, null);
      continue;
    }
    const v = typedValue(def, raw);
    if (!v) throw new ApiError('validation', `${field} (${def.name}): ${PROBLEM[def.type]}`, { field });
    out.set(id, v);
  }
  return out;
}

/** A new contact must have every required field. */
export function checkRequired(
  defs: ReadonlyMap<string, ContactFieldDef>,
  values: ReadonlyMap<string, TypedValue | null>,
): void {
  for (const d of defs.values())
    if (d.required && !values.get(d.id)) {
      const field = `fieldValues.${d.id}`;
      throw new ApiError('validation', `${field} (${d.name}): required`, { field });
    }
}

interface ValueRow extends TypedValue {
  id: string;
  field_id: string;
}

/** A contact's live values by field. */
export function valueRowsOf(db: ReadDb, contactId: string): ValueRow[] {
  return db.rawAll<ValueRow>(
    `SELECT id, field_id, value_text, value_num, value_date FROM contact_field_values
     WHERE contact_id = ? AND deleted_at IS NULL ORDER BY hlc`,
    contactId,
  );
}

const same = (a: TypedValue, b: TypedValue): boolean =>
  a.value_text === b.value_text && a.value_num === b.value_num && a.value_date === b.value_date;

/**
 * A contact's value of a field has one id, derived from the two: two computers setting it offline write
 * the same row, and sync settles it field by field like any other, never leaving two values.
 */
export function valueId(contactId: string, fieldId: string): string {
  const h = createHash('sha256').update(`${contactId}:${fieldId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Writes checked values: a changed one updated, a cleared one tombstoned, a new one added. */
export function setFieldValues(
  db: WriteDb,
  officeId: string,
  contactId: string,
  values: ReadonlyMap<string, TypedValue | null>,
  st: Stamp,
): void {
  for (const [fieldId, v] of values) {
    // The contact's row of the field, live first: a merge may have brought one under another id.
    const rows = db.rawAll<ValueRow & { deleted_at: string | null }>(
      `SELECT id, field_id, value_text, value_num, value_date, deleted_at FROM contact_field_values
       WHERE contact_id = ? AND field_id = ? ORDER BY deleted_at IS NOT NULL, hlc DESC`,
      contactId,
      fieldId,
    );
    const [row, ...others] = rows;
    for (const r of others)
      if (!r.deleted_at) updateSynced(db, 'contact_field_values', r.id, { deleted_at: st.now }, st);
    if (!v) {
      if (row && !row.deleted_at)
        updateSynced(db, 'contact_field_values', row.id, { deleted_at: st.now }, st);
    } else if (!row)
      insertSynced(db, 'contact_field_values', {
        ...newSyncColumns(st, officeId, valueId(contactId, fieldId)),
        contact_id: contactId,
        field_id: fieldId,
        ...v,
      });
    else if (row.deleted_at || !same(row, v))
      updateSynced(db, 'contact_field_values', row.id, { ...v, deleted_at: null }, st);
  }
}

/** The card's values, in the fields' order. */
export function fieldValuesOf(
  db: ReadDb,
  contactId: string,
): { fieldId: string; name: string; type: ContactFieldType; value: FieldValue }[] {
  const byField = new Map(valueRowsOf(db, contactId).map((r) => [r.field_id, r]));
  return fieldDefs(db).flatMap((d) => {
    const r = byField.get(d.id);
    return r ? [{ fieldId: d.id, name: d.name, type: d.type, value: valueOf(r) }] : [];
  });
}

/** The values of some fields for a page of contacts (the list's field columns): by contact, then field. */
export function listedFieldValues(
  db: ReadDb,
  contactIds: readonly string[],
  fieldIds: readonly string[],
): Map<string, Record<string, FieldValue>> {
  const defs = fieldDefsById(db);
  fieldIds.forEach((id, i) => {
    if (!defs.has(id))
      throw new ApiError('validation', `fieldIds.${i}: no such field`, { field: `fieldIds.${i}` });
  });
  const out = new Map<string, Record<string, FieldValue>>();
  if (contactIds.length === 0) return out;
  const marks = (n: readonly unknown[]): string => n.map(() => '?').join(', ');
  for (const r of db.rawAll<TypedValue & { contact_id: string; field_id: string }>(
    `SELECT contact_id, field_id, value_text, value_num, value_date FROM contact_field_values
     WHERE contact_id IN (${marks(contactIds)}) AND field_id IN (${marks(fieldIds)}) AND deleted_at IS NULL`,
    ...contactIds,
    ...fieldIds,
  )) {
    const row = out.get(r.contact_id) ?? {};
    row[r.field_id] = valueOf(r);
    out.set(r.contact_id, row);
  }
  return out;
}

export function list(ctx: ReadContext): Output<'contactFields.list'> {
  return fieldDefs(ctx.store.read);
}

export function save(
  ctx: CallContext,
  input: ParsedInput<'contactFields.save'>,
): Output<'contactFields.save'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const defs = fieldDefs(db);
    const clash = defs.find((d) => d.id !== input.id && d.name.toLowerCase() === input.name.toLowerCase());
    if (clash) throw new ApiError('conflict', 'name: a field with this name exists', { field: 'name' });
    const cols = {
      name: input.name,
      type: input.type,
      options: JSON.stringify(input.type === 'list' ? input.options : []),
      required: input.required ? 1 : 0,
    };
    let id = input.id;
    if (id) {
      const before = defs.find((d) => d.id === id);
      if (!before) throw new ApiError('not_found', 'no such field', { field: 'id' });
      // Values are kept in the column of their type: a field with values keeps its type.
      if (before.type !== input.type && hasValues(db, before.id))
        throw new ApiError('invalid_state', 'type: the field has values; its type stays', { field: 'type' });
      updateSynced(db, 'contact_fields', id, cols, st);
    } else {
      const row = {
        ...cols,
        position: defs.length === 0 ? 0 : Math.max(...defs.map((d) => d.position)) + 1,
        ...newSyncColumns(st, office.id),
      };
      id = row.id;
      insertSynced(db, 'contact_fields', row);
    }
    if (input.position !== undefined) reorder(db, id, input.position, st);
    audit(db, ctx, office.id, 'contactFields.save', 'contact_field', id, { name: input.name });
    return fieldDefs(db);
  });
}

function hasValues(db: ReadDb, fieldId: string): boolean {
  return !!db.rawGet(
    'SELECT 1 AS x FROM contact_field_values WHERE field_id = ? AND deleted_at IS NULL LIMIT 1',
    fieldId,
  );
}

/** Puts the field at `position` of the list and numbers the list again from 0. */
function reorder(db: WriteDb, id: string, position: number, st: Stamp): void {
  const ids = fieldDefs(db)
    .map((d) => d.id)
    .filter((x) => x !== id);
  ids.splice(Math.min(position, ids.length), 0, id);
  const now = new Map(fieldDefs(db).map((d) => [d.id, d.position]));
  ids.forEach((x, i) => {
    if (now.get(x) !== i) updateSynced(db, 'contact_fields', x, { position: i }, st);
  });
}

export function remove(
  ctx: CallContext,
  input: ParsedInput<'contactFields.delete'>,
): Output<'contactFields.delete'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    const def = fieldDefs(db).find((d) => d.id === input.id);
    if (!def) throw new ApiError('not_found', 'no such field', { field: 'id' });
    updateSynced(db, 'contact_fields', def.id, { deleted_at: st.now }, st);
    for (const { id } of db.rawAll<{ id: string }>(
      'SELECT id FROM contact_field_values WHERE field_id = ? AND deleted_at IS NULL',
      def.id,
    ))
      updateSynced(db, 'contact_field_values', id, { deleted_at: st.now }, st);
    audit(db, ctx, office.id, 'contactFields.delete', 'contact_field', def.id, { name: def.name });
    return fieldDefs(db);
  });
}

/**
 * A segment's conditions on the office's own fields (equals, contains, a range, one of a list) as SQL over
 * `contact_field_values`. A condition reads the index of its field's type column: (field, value,
 * contact) to walk the contacts it selects, or the contact's covering index (contact, field, …) to test
 * one contact. A count over two million contacts walks the most selective condition's stretch of its
 * index and tests the others per contact, never the whole base.
 */
import type { ReadDb } from '../../db/sql';
import type { ContactFieldDef, FieldCondition } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import { fieldDefsById } from './fields';
import { typedValue, type TypedValue } from './values';

export interface FieldSql {
  /** A test of one value row `v`: `v.field_id = ? AND v.value_num >= ? …`. */
  test: string;
  params: unknown[];
  /** How narrow the condition is likely to be: the count drives from the lowest. */
  rank: number;
}

const COLUMN = { text: 'value_text', list: 'value_text', number: 'value_num', date: 'value_date' } as const;
const RANK = { equals: 0, in: 1, range: 2, contains: 3 } as const;

/** An operand as a value of the field's column, or a refusal naming it. */
function operand(def: ContactFieldDef, raw: string | number, field: string): unknown {
  const v: TypedValue | null = typedValue(def, raw);
  if (!v) throw new ApiError('validation', `${field}: not a value of the field «${def.name}»`, { field });
  return v.value_num ?? v.value_date ?? v.value_text;
}

/** Each condition checked against its field and turned into SQL; a bad one names its place in the filter. */
export function fieldConditions(
  defs: ReadonlyMap<string, ContactFieldDef>,
  conds: readonly FieldCondition[],
  at = 'filter.fields',
): FieldSql[] {
  return conds.map((c, i) => {
    const def = defs.get(c.fieldId);
    if (!def)
      throw new ApiError('validation', `${at}.${i}.fieldId: no such field`, { field: `${at}.${i}.fieldId` });
    const col = `v.${COLUMN[def.type]}`;
    // The column's IS NOT NULL lets the planner take its index (partial on it) for any operator.
    const head = ['v.field_id = ?', 'v.deleted_at IS NULL', `${col} IS NOT NULL`];
    const params: unknown[] = [def.id];
    if (c.op === 'equals') {
      head.push(`${col} = ?`);
      params.push(operand(def, c.value, `${at}.${i}.value`));
    } else if (c.op === 'in') {
      head.push(`${col} IN (${c.values.map(() => '?').join(', ')})`);
      params.push(...c.values.map((v, j) => operand(def, v, `${at}.${i}.values.${j}`)));
    } else if (c.op === 'range') {
      if (def.type !== 'number' && def.type !== 'date')
        throw new ApiError('validation', `${at}.${i}.op: a range needs a number or a date field`, {
          field: `${at}.${i}.op`,
        });
      if (c.from !== undefined) {
        head.push(`${col} >= ?`);
        params.push(operand(def, c.from, `${at}.${i}.from`));
      }
      if (c.to !== undefined) {
        head.push(`${col} <= ?`);
        params.push(operand(def, c.to, `${at}.${i}.to`));
      }
    } else {
      if (def.type === 'number' || def.type === 'date')
        throw new ApiError('validation', `${at}.${i}.op: “contains” needs a text or list field`, {
          field: `${at}.${i}.op`,
        });
      // SQLite's lower() folds Latin letters only: the text is looked for as typed, in lower case and
      // with a capital first letter, which finds «школа» in «Школа № 5» and «Школа» in «Старая школа».
      const v = c.value;
      const forms = [...new Set([v, v.toLowerCase(), v[0]!.toUpperCase() + v.slice(1).toLowerCase()])];
      head.push(`(${forms.map(() => `instr(${col}, ?) > 0`).join(' OR ')})`);
      params.push(...forms);
    }
    return { test: head.join(' AND '), params, rank: RANK[c.op] };
  });
}

/** The conditions as tests of contact `c`: each an EXISTS on the contact's covering index. */
export function existsOf(conds: readonly FieldSql[]): { sql: string[]; params: unknown[] } {
  return {
    sql: conds.map(
      (f) => `EXISTS (SELECT 1 FROM contact_field_values v WHERE v.contact_id = c.id AND ${f.test})`,
    ),
    params: conds.flatMap((f) => f.params),
  };
}

/** A condition on a field the office has since removed (a saved segment's): it selects nobody. */
const NOBODY: FieldSql = { test: '0', params: [], rank: 0 };

/** The filter's field conditions of this database, checked (none: an empty list). */
export function filterFields(db: ReadDb, conds: readonly FieldCondition[] | undefined): FieldSql[] {
  if (!conds || conds.length === 0) return [];
  const defs = fieldDefsById(db);
  const removed = (id: string): boolean =>
    !defs.has(id) && !!db.rawGet('SELECT 1 AS x FROM contact_fields WHERE id = ?', id);
  const live = conds.filter((c) => !removed(c.fieldId));
  return live.length < conds.length ? [NOBODY] : fieldConditions(defs, live);
}

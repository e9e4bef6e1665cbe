/**
 * The read side of наказы избирателей: a наказ as the screens show it, the register's filter and pages by
 * territory, what a наказ is tied to, and its history. Write modules import these; these import none.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { MandateTable } from '../../db/schema';
import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { Mandate, MandateFilter } from '../../shared/api/mandates';
import type { MandateState } from '../../shared/domain/mandates';
import { ftsQuery } from '../../shared/domain/text';
import { nameOf } from '../classifier/queries';
import type { ReadContext } from '../kernel/context';
import { decodeCursor, encodeCursor } from '../kernel/cursor';

export type MandateRow = MandateTable & { body_name: string | null };

export function loadMandate(db: ReadDb, id: string): MandateTable {
  const m = db.get(
    db.qb.selectFrom('mandates').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!m) throw new ApiError('not_found', 'no such наказ', { field: 'id' });
  return m;
}

export function mandateQuery(db: ReadDb) {
  return db.qb
    .selectFrom('mandates as m')
    .leftJoin('bodies as b', 'b.id', 'm.body_id')
    .selectAll('m')
    .select('b.name as body_name');
}

export function toMandate(db: ReadDb, m: MandateRow): Mandate {
  return {
    id: m.id,
    number: m.number,
    text: m.text,
    givers: m.givers,
    district: m.district,
    settlement: m.settlement,
    address: m.address,
    topic: m.topic,
    topicName: m.topic ? nameOf(db, m.topic) : null,
    bodyId: m.body_id,
    bodyName: m.body_name,
    planYear: m.plan_year,
    budgetLine: m.budget_line,
    status: m.status as MandateState,
    statusReason: m.status_reason,
    statusOn: m.status_on,
    givenOn: m.given_on,
    responsibleId: m.responsible_id,
  };
}

export function mandateOf(db: ReadDb, id: string): Mandate {
  const m = db.get(mandateQuery(db).where('m.id', '=', id).where('m.deleted_at', 'is', null));
  if (!m) throw new ApiError('not_found', 'no such наказ', { field: 'id' });
  return toMandate(db, m);
}

/** The register's territory keys, as the indexes of migration «mandates» have them. */
const DISTRICT = sql<string>`coalesce(m.district, '')`;
const SETTLEMENT = sql<string>`coalesce(m.settlement, '')`;

/**
 * The register's filter, on the наказ alone (alias `m`). A district is matched whole (`''` is the наказы
 * with none), so the territory and a status are one range of `mandates_territory_status`.
 */
export function mandateConditions(f: MandateFilter): RawBuilder<SqlBool> {
  const c: RawBuilder<unknown>[] = [sql`m.deleted_at IS NULL`];
  if (f.district !== undefined) c.push(sql`${DISTRICT} = ${f.district}`);
  if (f.settlement !== undefined) c.push(sql`${SETTLEMENT} = ${f.settlement}`);
  if (f.status?.length) c.push(sql`m.status IN (${sql.join(f.status)})`);
  if (f.year !== undefined) c.push(sql`m.plan_year = ${f.year}`);
  if (f.bodyId) c.push(sql`m.body_id = ${f.bodyId}`);
  if (f.q) {
    const match = ftsQuery(f.q);
    if (!match) throw new ApiError('validation', 'q: no words to search for', { field: 'q' });
    // Within a territory, its index range is walked and each наказ checked against the words' rows (`+`
    // keeps the planner off the rowid): a common word would otherwise fetch and sort every наказ it is in.
    const plus = sql.raw(f.district !== undefined || f.settlement !== undefined ? '+' : '');
    c.push(sql`${plus}m.rowid IN (SELECT rowid FROM mandate_fts WHERE mandate_fts MATCH ${match})`);
  }
  if (f.linked)
    c.push(sql`m.id IN (SELECT l.mandate_id FROM mandate_links l WHERE l.target_id = ${f.linked.targetId}
      AND l.kind = ${f.linked.kind} AND l.deleted_at IS NULL)`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}

export function countMandates(db: ReadDb, f: MandateFilter): number {
  const r = db.get(
    db.qb
      .selectFrom('mandates as m')
      .where(mandateConditions(f))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return Number(r?.n ?? 0);
}

/** Every наказ the filter finds, in the register's order: the report reads these. */
export function mandatesIn(db: ReadDb, f: MandateFilter): Mandate[] {
  return db
    .all(
      mandateQuery(db).where(mandateConditions(f)).orderBy(DISTRICT).orderBy(SETTLEMENT).orderBy('m.number'),
    )
    .map((m) => toMandate(db, m));
}

/** A page of the register, grouped by territory: district, then settlement, then number. */
export function listMandates(ctx: ReadContext, i: ParsedInput<'mandates.list'>): Output<'mandates.list'> {
  const db = ctx.store.read;
  let q = mandateQuery(db).where(mandateConditions(i));
  if (i.cursor) {
    const [d, s, n, id] = decodeCursor(i.cursor, 4, 'the register of наказы');
    q = q.where(
      sql<SqlBool>`(${DISTRICT}, ${SETTLEMENT}, m.number, m.id) > (${d}, ${s}, ${Number(n)}, ${id})`,
    );
  }
  const rows = db.all(
    q
      .orderBy(DISTRICT)
      .orderBy(SETTLEMENT)
      .orderBy('m.number')
      .orderBy('m.id')
      .limit(i.limit + 1),
  );
  const page = rows.slice(0, i.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((m) => toMandate(db, m)),
    total: countMandates(db, i),
    nextCursor:
      rows.length > i.limit && last
        ? encodeCursor([last.district ?? '', last.settlement ?? '', String(last.number), last.id])
        : null,
  };
}

export function listDistricts(ctx: ReadContext): Output<'mandates.districts'> {
  return ctx.store.read.rawAll<{ district: string | null; count: number }>(
    `SELECT nullif(coalesce(district, ''), '') AS district, count(*) AS count FROM mandates
      WHERE deleted_at IS NULL GROUP BY coalesce(district, '') ORDER BY coalesce(district, '')`,
  );
}

/** The names of the voters from the contact base who gave each of these наказы, by наказ. */
export function contactNamesOf(db: ReadDb, mandateIds: readonly string[]): Map<string, string[]> {
  const rows = db.rawAll<{ mandate_id: string; full_name: string }>(
    `SELECT l.mandate_id, c.full_name FROM mandate_links l JOIN contacts c ON c.id = l.target_id
      WHERE l.kind = 'contact' AND l.deleted_at IS NULL AND l.mandate_id IN (SELECT value FROM json_each(?))
      ORDER BY l.created_at, l.id`,
    JSON.stringify(mandateIds),
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.mandate_id, [...(out.get(r.mandate_id) ?? []), r.full_name]);
  return out;
}

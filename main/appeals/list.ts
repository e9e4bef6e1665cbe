import { sql, type SelectQueryBuilder } from 'kysely';
import type { ReadDb } from '../../db/sql';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import type { DB } from '../../db/schema';
import type { AppealFilter } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { ftsQuery } from '../../shared/domain/text';
import { lateRegistration, toRow } from './queries';
import type { ReadContext } from '../kernel/context';
import { decodeCursor, encodeCursor } from '../kernel/cursor';
import { officeCalendar, officeRow, officeToday } from '../office/queries';

type Query = SelectQueryBuilder<DB & { u: DB['users'] }, 'appeals' | 'u', object>;

const SORT_COLUMNS = {
  regNumber: 'appeals.reg_number',
  registeredOn: 'appeals.registered_on',
  receivedOn: 'appeals.received_on',
  dueDate: 'appeals.due_date',
  applicantName: 'appeals.applicant_name',
  status: 'appeals.status',
  kind: 'appeals.kind',
  channel: 'appeals.channel',
  responsibleName: 'u.full_name',
} as const;

const prefixEnd = (p: string): string => p + '\uffff';

/**
 * Open appeals, written as a literal so the planner can match it to the partial index over open appeals
 * (a bound parameter would not be known to equal 'closed' when the statement is prepared).
 */
const OPEN = sql<boolean>`appeals.status <> 'closed'`;

/** Sorts an index gives in order (with the id after the column), so a page can be read off it. */
const INDEXED_SORTS: ReadonlySet<string> = new Set([
  'registeredOn',
  'receivedOn',
  'dueDate',
  'applicantName',
]);

/**
 * How many search or topic matches make it cheaper to read the registry in sort order and keep the matches
 * than to fetch every match and sort them: past a few thousand, a page turns up within a short stretch of
 * the index, while sorting costs one row read per match (measured on the 1M-appeal bench).
 */
export const MANY_MATCHES = 3000;

/** Whether a subquery yields at least `n` rows; the count stops there, so it costs at most `n` steps. */
function atLeast(db: ReadDb, from: string, params: unknown[], n: number): boolean {
  const r = db.rawGet<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${n})`,
    ...params,
  );
  return (r?.n ?? 0) >= n;
}

/** For a list page: the database to probe match counts in, and whether the sort can be read off an index. */
interface PagePlan {
  db: ReadDb;
  indexedSort: boolean;
}

function base(db: ReadDb): Query {
  return db.qb
    .selectFrom('appeals')
    .leftJoin('users as u', 'u.id', 'appeals.responsible_id')
    .where('appeals.deleted_at', 'is', null) as unknown as Query;
}

/** The day the filters are read on: today's date for «overdue», the calendar for «registered late». */
interface FilterDay {
  db: ReadDb;
  today: string;
  calendar: () => ProductionCalendar;
}

function filterDay(ctx: ReadContext): FilterDay {
  const db = ctx.store.read;
  const office = officeRow(db);
  return { db, today: officeToday(ctx, office), calendar: () => officeCalendar(ctx, office) };
}

/**
 * The registry's filters as one WHERE clause; the same clause counts and lists. With a page plan, topic and
 * search filters take the form that suits how many rows they match (the rows are the same either way).
 */
function applyFilter(q: Query, f: AppealFilter, at: FilterDay, plan?: PagePlan): Query {
  const { today } = at;
  if (f.officeIds) q = q.where('appeals.office_id', 'in', f.officeIds);
  if (f.status?.length) q = q.where('appeals.status', 'in', f.status);
  if (f.open === true) q = q.where(OPEN);
  if (f.open === false) q = q.where('appeals.status', '=', 'closed');
  if (f.responsibleId) q = q.where('appeals.responsible_id', '=', f.responsibleId);
  if (f.unassigned === true) q = q.where('appeals.responsible_id', 'is', null);
  if (f.channel?.length) q = q.where('appeals.channel', 'in', f.channel);
  if (f.kind?.length) q = q.where('appeals.kind', 'in', f.kind);
  if (f.receivedFrom) q = q.where('appeals.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('appeals.received_on', '<=', f.receivedTo);
  if (f.dueFrom) q = q.where('appeals.due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('appeals.due_date', '<=', f.dueTo);
  if (f.overdue === true) q = q.where(OPEN).where('appeals.due_date', '<', today);
  if (f.overdue === false)
    q = q.where((eb) => eb.or([eb('appeals.status', '=', 'closed'), eb('appeals.due_date', '>=', today)]));
  if (f.registeredLate !== undefined) {
    const late = lateRegistration(at.db, at.calendar(), 'appeals');
    const [before, after] = late.sql.split('?') as [string, string];
    const cond = sql<boolean>`${sql.raw(before)}${late.param}${sql.raw(after)}`;
    q = q.where(f.registeredLate ? cond : sql<boolean>`NOT ${cond}`);
  }
  if (f.topic) {
    const [from, to] = [f.topic, prefixEnd(f.topic)];
    const topicRows = 'appeal_topics WHERE code >= ? AND code < ?';
    // Many matches: test each appeal met in sort order. Few: fetch the matching appeals and sort them.
    if (plan?.indexedSort && atLeast(plan.db, topicRows, [from, to], MANY_MATCHES))
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('appeal_topics')
            .select('appeal_topics.code')
            .whereRef('appeal_topics.appeal_id', '=', 'appeals.id')
            .where('appeal_topics.code', '>=', from)
            .where('appeal_topics.code', '<', to),
        ),
      );
    else
      q = q.where('appeals.id', 'in', (eb) =>
        eb
          .selectFrom('appeal_topics')
          .select('appeal_topics.appeal_id')
          .where('appeal_topics.code', '>=', from)
          .where('appeal_topics.code', '<', to),
      );
  }
  if (f.q) {
    const match = ftsQuery(f.q);
    if (!match) throw new ApiError('validation', 'filter.q: nothing to search for', { field: 'filter.q' });
    q = q.where(
      sql<boolean>`${sql.raw(plan && manyFound(plan, match) ? '+' : '')}appeals.rowid IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ${match})`,
    );
  }
  return q;
}

/**
 * Whether a search finds many appeals. If so, a unary plus keeps the planner from driving the query by the
 * match list: it reads the sort index and tests membership instead. The words without their prefix stars are
 * counted first: that count streams and stops early, while a prefix query first merges the lists of every
 * matching word; and the exact matches are among the prefix matches, so enough of them settles it.
 */
function manyFound(plan: PagePlan, match: string): boolean {
  if (!plan.indexedSort) return false;
  const fts = 'appeal_fts WHERE appeal_fts MATCH ?';
  const exact = match.replace(/\*/g, '');
  return (
    (exact !== match && atLeast(plan.db, fts, [exact], MANY_MATCHES)) ||
    atLeast(plan.db, fts, [match], MANY_MATCHES)
  );
}

export function list(ctx: ReadContext, input: ParsedInput<'appeals.list'>): Output<'appeals.list'> {
  const db = ctx.store.read;
  const at = filterDay(ctx);
  const { today } = at;
  const column = SORT_COLUMNS[input.sort.field];
  // Only the responsible's name can be null (a LEFT JOIN); every other sort column is NOT NULL, and sorting
  // by the bare column lets an index give the order instead of sorting every matching row.
  const key =
    input.sort.field === 'responsibleName'
      ? sql<string>`coalesce(${sql.ref(column)}, '')`
      : sql<string>`${sql.ref(column)}`;
  const desc = input.sort.dir === 'desc';
  const dir = desc ? 'desc' : 'asc';
  const plan = { db, indexedSort: INDEXED_SORTS.has(input.sort.field) };
  let q = applyFilter(base(db), input.filter, at, plan);
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor, 2, 'this registry');
    // A row value: the planner turns it into one index range, where the OR of two terms would filter.
    q = q.where(sql<boolean>`(${key}, appeals.id) ${sql.raw(desc ? '<' : '>')} (${value ?? ''}, ${id})`);
  }
  // The page's rows are found first by rowid alone, so whatever must be sorted is a key and a rowid, and an
  // index holding the filter and sort columns answers it without reading the rows; then only they are read.
  const pageRowids = q
    .select(sql<number>`appeals.rowid`.as('r'))
    .orderBy(key, dir)
    .orderBy('appeals.id', dir)
    .limit(input.limit + 1);
  const rows = db.all(
    base(db)
      .where(sql<boolean>`appeals.rowid IN (${pageRowids})`)
      .select([
        'appeals.id',
        'appeals.office_id',
        'appeals.reg_number',
        'appeals.registered_on',
        'appeals.received_on',
        'appeals.channel',
        'appeals.kind',
        'appeals.status',
        'appeals.applicant_name',
        'appeals.applicant_phone',
        'appeals.summary',
        'appeals.topics',
        'appeals.due_date',
        'appeals.responsible_id',
        'u.full_name as responsible_name',
      ])
      .select(key.as('sort_key'))
      .orderBy(key, dir)
      .orderBy('appeals.id', dir),
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => toRow(r as never, today)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}

export function count(ctx: ReadContext, input: ParsedInput<'appeals.count'>): Output<'appeals.count'> {
  const db = ctx.store.read;
  const r = db.get(
    applyFilter(base(db), input.filter, filterDay(ctx)).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { count: Number(r?.n ?? 0) };
}

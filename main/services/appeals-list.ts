import { sql, type SelectQueryBuilder } from 'kysely';
import type { ReadDb } from '../../db/sql';
import type { DB } from '../../db/schema';
import type { AppealFilter } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { ftsQuery } from '../../shared/domain/text';
import { toRow } from './appeals';
import type { CallContext } from './context';
import { officeRow, officeToday } from './office';

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

function base(db: ReadDb): Query {
  return db.qb
    .selectFrom('appeals')
    .leftJoin('users as u', 'u.id', 'appeals.responsible_id')
    .where('appeals.deleted_at', 'is', null) as unknown as Query;
}

/** The registry's filters as one WHERE clause; the same clause counts and lists. */
function applyFilter(q: Query, f: AppealFilter, today: string): Query {
  if (f.status?.length) q = q.where('appeals.status', 'in', f.status);
  if (f.open === true) q = q.where('appeals.status', '!=', 'closed');
  if (f.open === false) q = q.where('appeals.status', '=', 'closed');
  if (f.responsibleId) q = q.where('appeals.responsible_id', '=', f.responsibleId);
  if (f.channel?.length) q = q.where('appeals.channel', 'in', f.channel);
  if (f.kind?.length) q = q.where('appeals.kind', 'in', f.kind);
  if (f.receivedFrom) q = q.where('appeals.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('appeals.received_on', '<=', f.receivedTo);
  if (f.dueFrom) q = q.where('appeals.due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('appeals.due_date', '<=', f.dueTo);
  if (f.overdue === true) q = q.where('appeals.status', '!=', 'closed').where('appeals.due_date', '<', today);
  if (f.overdue === false)
    q = q.where((eb) => eb.or([eb('appeals.status', '=', 'closed'), eb('appeals.due_date', '>=', today)]));
  if (f.topic) {
    const topic = f.topic;
    q = q.where('appeals.id', 'in', (eb) =>
      eb
        .selectFrom('appeal_topics')
        .select('appeal_topics.appeal_id')
        .where('appeal_topics.code', '>=', topic)
        .where('appeal_topics.code', '<', prefixEnd(topic)),
    );
  }
  if (f.q) {
    const match = ftsQuery(f.q);
    if (!match) throw new ApiError('validation', 'filter.q: nothing to search for', { field: 'filter.q' });
    q = q.where(
      sql<boolean>`appeals.rowid IN (SELECT rowid FROM appeal_fts WHERE appeal_fts MATCH ${match})`,
    );
  }
  return q;
}

type CursorValue = [string | null, string];

function encodeCursor(v: CursorValue): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function decodeCursor(c: string): CursorValue {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[1] === 'string' &&
      (v[0] === null || typeof v[0] === 'string')
    )
      return [v[0], v[1]];
  } catch {
    // falls through to the error below: a cursor is opaque and only ours are valid
  }
  throw new ApiError('validation', 'cursor: not a cursor this registry issued', { field: 'cursor' });
}

export function list(ctx: CallContext, input: ParsedInput<'appeals.list'>): Output<'appeals.list'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const column = SORT_COLUMNS[input.sort.field];
  const key = sql<string>`coalesce(${sql.ref(column)}, '')`;
  const desc = input.sort.dir === 'desc';
  let q = applyFilter(base(db), input.filter, today);
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor);
    const v = value ?? '';
    q = q.where((eb) =>
      eb.or([
        eb(key, desc ? '<' : '>', v),
        eb.and([eb(key, '=', v), eb('appeals.id', desc ? '<' : '>', id)]),
      ]),
    );
  }
  const rows = db.all(
    q
      .select([
        'appeals.id',
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
      .orderBy(key, desc ? 'desc' : 'asc')
      .orderBy('appeals.id', desc ? 'desc' : 'asc')
      .limit(input.limit + 1),
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => toRow(r as never, today)),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}

export function count(ctx: CallContext, input: ParsedInput<'appeals.count'>): Output<'appeals.count'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const r = db.get(
    applyFilter(base(db), input.filter, today).select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { count: Number(r?.n ?? 0) };
}

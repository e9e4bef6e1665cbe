import type { Output, ParsedInput } from '../../shared/api/index';
import { ApiError } from '../../shared/api/define';
import type { TaskFilter } from '../../shared/api/tasks';
import { QUEUE_WAITS, type QueueFilter, type QueueWait } from '../../shared/api/workflow';
import { sql } from 'kysely';
import type { ReadDb } from '../../db/sql';
import { stamp, updateSynced, audit } from '../kernel/bookkeeping';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { toRow } from '../appeals/queries';
import { moveAssignmentTask } from '../assignments/tasks';
import { decodeCursor, encodeCursor } from '../kernel/cursor';

/**
 * An open task, written as a literal so the planner can match it to the partial indexes over open tasks
 * (a bound parameter is not known to equal 'open' when the statement is prepared).
 */
const OPEN_TASK = sql<boolean>`t.status = 'open'`;

/**
 * The deputy's queue is his open tasks' appeals; the filter narrows it to some of what they wait for, or to
 * the appeals already past their control date. The list and the home screen's figures read this one query.
 */
export function queueQuery(db: ReadDb, f: QueueFilter, today: string) {
  let q = db.qb
    .selectFrom('tasks as t')
    .innerJoin('appeals', 'appeals.id', 't.appeal_id')
    .where(OPEN_TASK)
    .where('t.kind', 'in', f.waitingFor?.length ? f.waitingFor : [...QUEUE_WAITS]);
  if (f.overdue) q = q.where('appeals.status', '<>', 'closed').where('appeals.due_date', '<', today);
  return q;
}

/** The queue, oldest waiting first. */
export function deputyQueue(ctx: ReadContext, f: QueueFilter = {}): Output<'workflow.deputyQueue'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const rows = db.all(
    queueQuery(db, f, today)
      .leftJoin('users as u', 'u.id', 'appeals.responsible_id')
      .selectAll('appeals')
      .select([
        't.kind as task_kind',
        't.request_id as task_request_id',
        't.created_at as since',
        'u.full_name as responsible_name',
      ])
      .orderBy('t.created_at')
      .orderBy('t.hlc'),
  );
  return rows.map((r) => ({
    ...toRow(r, today),
    waitingFor: r.task_kind as QueueWait,
    requestId: r.task_request_id,
    since: r.since,
  }));
}

// ---- The Задачи section.

/** Whose open tasks, resolved: one person's (null: nobody's) or, with no `assigneeId`, everyone's. */
export interface OpenTaskFilter {
  assigneeId?: string | null;
  due?: TaskFilter['due'];
  id?: string;
}

/** Open tasks narrowed by the filter; the list and the home screen's figures read this one query. */
export function openTaskQuery(db: ReadDb, f: OpenTaskFilter, today: string) {
  let q = db.qb.selectFrom('tasks as t').where(OPEN_TASK).where('t.deleted_at', 'is', null);
  if (f.id) q = q.where('t.id', '=', f.id);
  if (f.assigneeId !== undefined)
    q =
      f.assigneeId === null
        ? q.where('t.assignee_id', 'is', null)
        : q.where('t.assignee_id', '=', f.assigneeId);
  if (f.due === 'today') q = q.where('t.due_date', '=', today);
  if (f.due === 'overdue') q = q.where('t.due_date', '<', today);
  return q;
}

/**
 * The list's order: overdue first, then by due date, tasks with no date last; then by creation, and the id
 * makes it total. Written as the indexes of migration «list-pages» have it, so a page is an index walk.
 */
const DUE_KEY = sql<string>`coalesce(t.due_date, '9999-12-31')`;
const ORDER_KEY = sql<string>`(${DUE_KEY}, t.created_at, t.id)`;

type TaskPage = Output<'tasks.list'>;

/** A page of open tasks after `cursor` (where the previous page ended), and how many there are in all. */
function taskPage(ctx: ReadContext, filter: OpenTaskFilter, limit: number, cursor?: string | null): TaskPage {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  let q = openTaskQuery(db, filter, today);
  if (cursor) {
    const [due, created, id] = decodeCursor(cursor, 3, 'the task list');
    q = q.where(sql<boolean>`${ORDER_KEY} > (${due}, ${created}, ${id})`);
  }
  const rows = db.all(
    q
      .leftJoin('appeals as a', 'a.id', 't.appeal_id')
      .leftJoin('events as e', 'e.id', 't.event_id')
      .leftJoin('users as u', 'u.id', 't.assignee_id')
      .select([
        't.id',
        't.office_id',
        't.title',
        't.kind',
        't.appeal_id',
        'a.reg_number',
        'a.applicant_name',
        't.event_id',
        'e.title as event_title',
        't.request_id',
        't.assignment_id',
        't.assignee_id',
        'u.full_name as assignee_name',
        't.due_date',
        't.created_at',
      ])
      .select(DUE_KEY.as('due_key'))
      .orderBy(DUE_KEY)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(limit + 1),
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const total = db.get(openTaskQuery(db, filter, today).select((eb) => eb.fn.countAll<number>().as('n')));
  return {
    rows: page.map((t) => ({
      id: t.id,
      officeId: t.office_id,
      title: t.title,
      kind: t.kind as TaskPage['rows'][number]['kind'],
      appealId: t.appeal_id,
      regNumber: t.reg_number,
      applicantName: t.applicant_name,
      eventId: t.event_id,
      eventTitle: t.event_title,
      requestId: t.request_id,
      assignmentId: t.assignment_id ?? null,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      dueDate: t.due_date,
      overdue: !!t.due_date && t.due_date < today,
      createdAt: t.created_at,
    })),
    total: Number(total?.n ?? 0),
    nextCursor: rows.length > limit && last ? encodeCursor([last.due_key, last.created_at, last.id]) : null,
  };
}

/** Whose tasks a caller asks for, or a refusal: only an office head (or admin) sees another's. */
export function taskScope(ctx: ReadContext, i: TaskFilter): OpenTaskFilter {
  const actor = requireActor(ctx);
  const manager = actor.role === 'office_head' || actor.role === 'admin';
  if ((i.everyone || (i.assigneeId !== undefined && i.assigneeId !== actor.userId)) && !manager)
    throw new ApiError('forbidden', 'only an office head sees everyone’s tasks');
  return i.everyone
    ? { due: i.due }
    : { assigneeId: i.assigneeId === undefined ? actor.userId : i.assigneeId, due: i.due };
}

export function listTasks(ctx: ReadContext, i: ParsedInput<'tasks.list'>): Output<'tasks.list'> {
  return taskPage(ctx, taskScope(ctx, i), i.limit, i.cursor);
}

export function reassignTask(ctx: CallContext, i: ParsedInput<'tasks.reassign'>): Output<'tasks.reassign'> {
  ctx.store.transaction((db) => {
    const t = db.get(
      db.qb.selectFrom('tasks').selectAll().where('id', '=', i.id).where('status', '=', 'open'),
    );
    if (!t) throw new ApiError('not_found', 'no such open task', { field: 'id' });
    const u = db.get(db.qb.selectFrom('users').select(['id', 'active']).where('id', '=', i.assigneeId));
    if (!u || u.active !== 1)
      throw new ApiError('validation', 'assigneeId: no such active user', { field: 'assigneeId' });
    const st = stamp(ctx);
    moveAssignmentTask(db, st, t, i.assigneeId);
    updateSynced(db, 'tasks', t.id, { assignee_id: i.assigneeId }, st);
    audit(db, ctx, t.office_id, 'tasks.reassign', 'task', t.id, { from: t.assignee_id, to: i.assigneeId });
  });
  return taskPage(ctx, { id: i.id }, 1).rows[0]!;
}

import type { Output, ParsedInput } from '../../../shared/api/index';
import { ApiError } from '../../../shared/api/define';
import type { TaskKind } from '../../../shared/domain/workflow/appeal';
import { stamp, updateSynced, audit } from '../bookkeeping';
import { requireActor, type CallContext } from '../context';
import { officeRow, officeToday } from '../office';
import { toRow } from '../appeal-card';

type Waiting = Output<'workflow.deputyQueue'>[number]['waitingFor'];
const DEPUTY_TASK_WAITS: Partial<Record<TaskKind, Waiting>> = {
  resolution: 'resolution',
  art11_decision: 'art11_decision',
  reply_approval: 'reply_approval',
  request_approval: 'request_approval',
  answer_resolution: 'answer_resolution',
};

/** The deputy's queue is his open tasks' appeals, oldest waiting first. */
export function deputyQueue(ctx: CallContext): Output<'workflow.deputyQueue'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const rows = db.all(
    db.qb
      .selectFrom('tasks as t')
      .innerJoin('appeals', 'appeals.id', 't.appeal_id')
      .leftJoin('users as u', 'u.id', 'appeals.responsible_id')
      .selectAll('appeals')
      .select([
        't.kind as task_kind',
        't.request_id as task_request_id',
        't.created_at as since',
        'u.full_name as responsible_name',
      ])
      .where('t.status', '=', 'open')
      .where('t.kind', 'in', Object.keys(DEPUTY_TASK_WAITS) as TaskKind[])
      .orderBy('t.created_at')
      .orderBy('t.hlc'),
  );
  return rows.map((r) => ({
    ...toRow(r, today),
    waitingFor: DEPUTY_TASK_WAITS[r.task_kind as TaskKind]!,
    requestId: r.task_request_id,
    since: r.since,
  }));
}

// ---- The Задачи section.

function taskRows(ctx: CallContext, filter: { assigneeId?: string | null; id?: string }, limit: number) {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  let q = db.qb
    .selectFrom('tasks as t')
    .leftJoin('appeals as a', 'a.id', 't.appeal_id')
    .leftJoin('events as e', 'e.id', 't.event_id')
    .leftJoin('users as u', 'u.id', 't.assignee_id')
    .select([
      't.id',
      't.title',
      't.kind',
      't.appeal_id',
      'a.reg_number',
      'a.applicant_name',
      't.event_id',
      'e.title as event_title',
      't.request_id',
      't.assignee_id',
      'u.full_name as assignee_name',
      't.due_date',
      't.created_at',
    ])
    .where('t.status', '=', 'open')
    .where('t.deleted_at', 'is', null);
  if (filter.id) q = q.where('t.id', '=', filter.id);
  if (filter.assigneeId !== undefined)
    q =
      filter.assigneeId === null
        ? q.where('t.assignee_id', 'is', null)
        : q.where('t.assignee_id', '=', filter.assigneeId);
  // Overdue first, then by due date; tasks with no date last.
  const rows = db.all(
    q
      .orderBy((eb) => eb.fn.coalesce('t.due_date', eb.val('9999-12-31')))
      .orderBy('t.created_at')
      .limit(limit),
  );
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    kind: t.kind as Output<'tasks.list'>[number]['kind'],
    appealId: t.appeal_id,
    regNumber: t.reg_number,
    applicantName: t.applicant_name,
    eventId: t.event_id,
    eventTitle: t.event_title,
    requestId: t.request_id,
    assigneeId: t.assignee_id,
    assigneeName: t.assignee_name,
    dueDate: t.due_date,
    overdue: !!t.due_date && t.due_date < today,
    createdAt: t.created_at,
  }));
}

export function listTasks(ctx: CallContext, i: ParsedInput<'tasks.list'>): Output<'tasks.list'> {
  const actor = requireActor(ctx);
  const manager = actor.role === 'office_head' || actor.role === 'admin';
  if ((i.everyone || (i.assigneeId !== undefined && i.assigneeId !== actor.userId)) && !manager)
    throw new ApiError('forbidden', 'only an office head sees everyone’s tasks');
  return taskRows(
    ctx,
    i.everyone ? {} : { assigneeId: i.assigneeId === undefined ? actor.userId : i.assigneeId },
    i.limit,
  );
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
    updateSynced(db, 'tasks', t.id, { assignee_id: i.assigneeId }, stamp(ctx));
    audit(db, ctx, t.office_id, 'tasks.reassign', 'task', t.id, { from: t.assignee_id, to: i.assigneeId });
  });
  return taskRows(ctx, { id: i.id }, 1)[0]!;
}

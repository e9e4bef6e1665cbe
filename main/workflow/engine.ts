import type { ReadDb } from '../../db/sql';
import type { AppealTable, ExternalRequestTable, OfficeTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import { forwardTerm, termFrom, TERMS } from '../../shared/domain/deadlines';
import {
  checkAction,
  checkTransition,
  STATE_TASK,
  TransitionError,
  type AppealAction,
  type AppealState,
  type DueRule,
  type StageLimitKey,
  type StageTask,
} from '../../shared/domain/workflow/appeal';
import { ART11_RULES, type Art11Ground, type Art11Rule } from '../../shared/domain/workflow/art11';
import {
  checkRequestTransition,
  REQUEST_STATE_TASK,
  type RequestAction,
  type RequestState,
} from '../../shared/domain/workflow/request';
import { appealHistory, audit, updateSynced, type Changes } from '../kernel/bookkeeping';
import { stageLimits } from '../office/queries';
import { closeTasks, openTask, openTasks } from '../tasks/tasks';
import { type PersonScope } from '../kernel/scope';
import { appealRow } from '../appeals/queries';
import { officeDate } from '../../shared/util/clock';

/** The deputy of the office: the first active user with that role. */
export function deputyUserId(db: ReadDb): string | null {
  return (
    db.get(
      db.qb
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'deputy')
        .where('active', '=', 1)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .limit(1),
    )?.id ?? null
  );
}

/** A stage's limit in working days from today, never past the appeal's own control date. */
export function stageDue(
  office: OfficeTable,
  calendar: ProductionCalendar,
  today: string,
  controlDate: string,
  limit: StageLimitKey,
): string {
  const d = calendar.addWorkingDays(today, stageLimits(office)[limit]);
  return d < controlDate ? d : controlDate;
}

/** When a stage's task falls due; a stage limit never runs past the appeal's own control date. */
export function dueFor(flow: PersonScope, appeal: AppealTable, rule: DueRule): string {
  const shift = flow.office.deadline_shift;
  switch (rule.kind) {
    case 'stage':
      return stageDue(flow.office, flow.calendar, flow.today, appeal.due_date, rule.limit);
    case 'legal':
      if (rule.term === 'forward')
        return forwardTerm(appeal.registered_on, {
          calendar: flow.calendar,
          shift,
          migration: appeal.kind === 'migration_report',
        }).controlDate;
      // Parts 3, 5, 6 set no term of their own: the notice goes out within the review term.
      return art11NoticeTerm(appeal) === 'within7days'
        ? termFrom(appeal.registered_on, TERMS.art11Notice, flow.calendar, shift).controlDate
        : appeal.due_date;
    case 'control':
      return appeal.due_date;
    default: {
      const never: never = rule;
      throw new Error(`unknown due rule ${JSON.stringify(never)}`);
    }
  }
}

/**
 * 59-FZ Art. 12 p.2: an extension moves the control date, and with it every open task held to the old
 * one — a stage's limit that was capped at it (counted again from the day the task opened, capped at
 * the new date) or a task due at the term itself. The legal 7-day terms stay, and so does the answer
 * owed by a body at its own term.
 */
export function moveTasksWithTerm(flow: PersonScope, before: AppealTable, controlDate: string): void {
  const rules = [...Object.values(STATE_TASK), ...Object.values(REQUEST_STATE_TASK)];
  for (const t of openTasks(flow.db, before.id)) {
    if (t.due_date !== before.due_date) continue;
    const rule = rules.find((r) => r.kind === t.kind)?.due;
    if (!rule) continue;
    if (rule.kind === 'legal' && (rule.term === 'forward' || art11NoticeTerm(before) === 'within7days'))
      continue;
    if (t.kind === 'request_answer' && t.request_id) {
      const r = flow.db.get(
        flow.db.qb.selectFrom('external_requests').select('due_date').where('id', '=', t.request_id),
      );
      if (r?.due_date) continue;
    }
    const due =
      rule.kind === 'stage'
        ? stageDue(
            flow.office,
            flow.calendar,
            officeDate(t.created_at, flow.office.time_zone),
            controlDate,
            rule.limit,
          )
        : controlDate;
    if (due !== t.due_date) updateSynced(flow.db, 'tasks', t.id, { due_date: due }, flow.st);
  }
}

function art11NoticeTerm(appeal: AppealTable): Art11Rule['notice'] {
  const ground = appeal.art11_ground as Art11Ground | null;
  if (!ground || !(ground in ART11_RULES))
    throw new Error(`appeal ${appeal.id} owes an Art. 11 notice but has no ground`);
  return ART11_RULES[ground].notice;
}

function openStageTask(
  flow: PersonScope,
  appeal: AppealTable,
  task: StageTask,
  requestId: string | null,
  due: string,
): void {
  openTask(flow.db, flow.st, flow.office.id, {
    appealId: appeal.id,
    requestId,
    kind: task.kind,
    assigneeId: task.assignee === 'deputy' ? deputyUserId(flow.db) : appeal.responsible_id,
    dueDate: due,
  });
}

function asApiError(e: unknown): never {
  if (e instanceof TransitionError)
    throw new ApiError(e.reason === 'role' ? 'forbidden' : 'invalid_state', e.message, { field: 'id' });
  throw e;
}

/**
 * Refuses a step the table does not allow now before its input is looked at, so that a step out of
 * turn is told so (invalid_state), not that a date or a field of it is wrong.
 */
export function assertAppealAction(flow: PersonScope, appeal: AppealTable, action: AppealAction): void {
  try {
    checkAction(action, appeal.status as AppealState, flow.actor.role);
  } catch (e) {
    asApiError(e);
  }
}

export function assertRequestAction(
  flow: PersonScope,
  request: ExternalRequestTable,
  action: RequestAction,
): void {
  try {
    checkRequestTransition(action, request.status as RequestState, flow.actor.role);
  } catch (e) {
    asApiError(e);
  }
}

/**
 * Moves an appeal along the table: completes the stage it leaves (its task done), enters the new one
 * (its task opened), and writes the history and the audit entry. Closing also ends every task left.
 */
export function moveAppeal(
  flow: PersonScope,
  appeal: AppealTable,
  action: AppealAction,
  to: AppealState,
  patch: Partial<AppealTable> = {},
  comment: string | null = null,
): AppealTable {
  try {
    checkTransition(action, appeal.status as AppealState, to, flow.actor.role);
  } catch (e) {
    asApiError(e);
  }
  const { db, st, actor } = flow;
  const stage = openTasks(db, appeal.id, { requestId: null }).filter((t) => t.kind !== 'extension_notice');
  closeTasks(db, st, stage, 'done', actor.userId);
  const after = updateSynced(db, 'appeals', appeal.id, { ...patch, status: to, stage_since: st.now }, st);
  if (to === 'closed') closeTasks(db, st, openTasks(db, appeal.id), 'cancelled', actor.userId);
  else if (to !== 'in_request') {
    const task = STATE_TASK[to];
    openStageTask(flow, after, task, null, dueFor(flow, after, task.due));
  }
  const changes: Changes = { status: { from: appeal.status, to } };
  for (const [k, v] of Object.entries(patch))
    changes[k] = { from: appeal[k as keyof AppealTable] ?? null, to: v };
  appealHistory(db, flow.ctx, st, flow.office.id, appeal.id, action, changes, comment);
  audit(db, flow.ctx, flow.office.id, `workflow.${action}`, 'appeal', appeal.id);
  return after;
}

/** Moves a request along its own table, with its own tasks; history goes to the appeal's timeline. */
export function moveRequest(
  flow: PersonScope,
  request: ExternalRequestTable,
  action: RequestAction,
  patch: Partial<ExternalRequestTable> = {},
  comment: string | null = null,
): ExternalRequestTable {
  let to: RequestState;
  try {
    to = checkRequestTransition(action, request.status as RequestState, flow.actor.role);
  } catch (e) {
    asApiError(e);
  }
  const { db, st, actor } = flow;
  const changed = to !== request.status;
  if (changed)
    closeTasks(
      db,
      st,
      openTasks(db, request.appeal_id, { requestId: request.id }),
      to === 'cancelled' ? 'cancelled' : 'done',
      actor.userId,
    );
  const after = updateSynced(
    db,
    'external_requests',
    request.id,
    { ...patch, status: to, ...(changed ? { stage_since: st.now } : {}) },
    st,
  );
  if (changed && to !== 'resolved' && to !== 'cancelled') {
    const appeal = appealRow(db, request.appeal_id);
    const task = REQUEST_STATE_TASK[to];
    const due = to === 'sent' && after.due_date ? after.due_date : dueFor(flow, appeal, task.due);
    openStageTask(flow, appeal, task, request.id, due);
  }
  const changes: Changes = changed ? { requestStatus: { from: request.status, to } } : {};
  for (const [k, v] of Object.entries(patch))
    changes[k] = { from: request[k as keyof ExternalRequestTable] ?? null, to: v };
  appealHistory(
    db,
    flow.ctx,
    st,
    flow.office.id,
    request.appeal_id,
    `request.${action}`,
    { request: { from: null, to: request.seq }, ...changes },
    comment,
  );
  audit(db, flow.ctx, flow.office.id, `requests.${action}`, 'request', request.id);
  return after;
}

/** Opens a request task of a new request in `draft` (the request direction's first step). */
export function openDraftTask(flow: PersonScope, appeal: AppealTable, requestId: string): void {
  const task = REQUEST_STATE_TASK.draft;
  openStageTask(flow, appeal, task, requestId, dueFor(flow, appeal, task.due));
}

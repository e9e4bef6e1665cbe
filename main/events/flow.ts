import type { ReadDb } from '../../db/sql';
import type { EventTable, TaskItemTable, TaskTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import { addCalendarDays } from '../../shared/domain/calendar';
import {
  CHECKLIST_ASSIGNEES,
  EVENT_TASK_KIND,
  type ChecklistAssignee,
  type EventStage,
  type StageCriteria,
} from '../../shared/domain/workflow/event';
import { checklistFor } from '../../shared/domain/workflow/event-checklists';
import { eventTaskTitle } from '../../shared/i18n/ru/events';
import { insertSynced, newSyncColumns, updateSynced, type Changes } from '../kernel/bookkeeping';
import { eventStageLimits } from '../office/queries';
import { closeTasks } from '../tasks/tasks';
import { officeChecklists } from './checklists';
import type { WriteScope } from '../kernel/scope';

export function loadEvent(db: ReadDb, id: string): EventTable {
  const e = db.get(
    db.qb.selectFrom('events').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!e) throw new ApiError('not_found', 'no such event', { field: 'id' });
  return e;
}

export function criteria(e: Pick<EventTable, 'transfer_needed'>): StageCriteria {
  return { transferNeeded: e.transfer_needed === 1 };
}

export function eventHistory(
  flow: WriteScope,
  eventId: string,
  action: string,
  changes: Changes = {},
  comment: string | null = null,
): void {
  const { st } = flow;
  insertSynced(flow.db, 'event_history', {
    ...newSyncColumns(st, flow.office.id),
    event_id: eventId,
    at: st.now,
    user_id: flow.actor?.userId ?? null,
    action,
    changes: JSON.stringify(changes),
    comment,
  });
}

/**
 * A checklist item's due date: the event date moved by the item's offset; a day off before or after
 * the event moves to a working day by the office's rule; never before the day the stage was entered.
 */
export function itemDue(flow: WriteScope, eventDate: string, offsetDays: number): string {
  let d = addCalendarDays(eventDate, offsetDays);
  if (offsetDays !== 0 && !flow.calendar.isWorkingDay(d))
    d =
      flow.office.deadline_shift === 'next'
        ? flow.calendar.nextWorkingDay(d)
        : flow.calendar.previousWorkingDay(d);
  return d < flow.today ? flow.today : d;
}

function assigneeOf(e: EventTable, role: ChecklistAssignee): string | null {
  return role === 'escort' ? (e.escort_id ?? e.responsible_id) : e.responsible_id;
}

/**
 * Entering a stage opens its tasks: one for the responsible person and one for the escort, each with
 * its checklist items copied from the template in force. A stage with no checklist still opens a task
 * for the responsible person, due by the stage's limit: no open event is ever without a task.
 */
export function enterStage(flow: WriteScope, e: EventTable, stage: EventStage): void {
  const { db, st, office } = flow;
  const items = checklistFor(stage, e.kind, officeChecklists(db, office.id));
  for (const role of CHECKLIST_ASSIGNEES) {
    const mine = items.filter((i) => i.assignee === role);
    if (mine.length === 0 && !(role === 'responsible' && items.length === 0)) continue;
    const dues = mine.map((i) => itemDue(flow, e.event_date, i.offsetDays));
    const fallback = flow.calendar.addWorkingDays(flow.today, eventStageLimits(office)[stage]);
    const task: TaskTable = {
      ...newSyncColumns(st, office.id),
      appeal_id: null,
      request_id: null,
      kind: EVENT_TASK_KIND[role],
      title: eventTaskTitle(stage, role, e.title),
      assignee_id: assigneeOf(e, role),
      due_date: dues.length ? dues.reduce((a, b) => (a < b ? a : b)) : fallback,
      status: 'open',
      closed_at: null,
      closed_by: null,
      event_id: e.id,
      event_stage: stage,
    };
    insertSynced(db, 'tasks', task);
    mine.forEach((item, position) => {
      const row: TaskItemTable = {
        ...newSyncColumns(st, office.id),
        task_id: task.id,
        event_id: e.id,
        position,
        text: item.text,
        mandatory: item.mandatory ? 1 : 0,
        due_date: dues[position]!,
        done_at: null,
        done_by: null,
      };
      insertSynced(db, 'task_items', row);
    });
  }
}

export function openEventTasks(db: ReadDb, eventId: string): TaskTable[] {
  return db.all(
    db.qb
      .selectFrom('tasks')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null),
  );
}

/** Mandatory items not yet done on the event's open tasks: what holds the stage. */
export function undoneMandatory(db: ReadDb, eventId: string): { id: string; text: string }[] {
  return db.all(
    db.qb
      .selectFrom('task_items as i')
      .innerJoin('tasks as t', 't.id', 'i.task_id')
      .select(['i.id', 'i.text'])
      .where('i.event_id', '=', eventId)
      .where('t.status', '=', 'open')
      .where('i.mandatory', '=', 1)
      .where('i.done_at', 'is', null)
      .where('i.deleted_at', 'is', null)
      .orderBy('t.kind')
      .orderBy('i.position'),
  );
}

/** Ends the open stage's tasks: done when it was completed, cancelled when the work went away. */
export function closeStageTasks(flow: WriteScope, eventId: string, status: 'done' | 'cancelled'): void {
  closeTasks(flow.db, flow.st, openEventTasks(flow.db, eventId), status, flow.actor?.userId ?? null);
}

/** When the escort or the responsible person changes, their open tasks follow. */
export function reassignEventTasks(flow: WriteScope, e: EventTable): void {
  for (const t of openEventTasks(flow.db, e.id)) {
    const role: ChecklistAssignee = t.kind === EVENT_TASK_KIND.escort ? 'escort' : 'responsible';
    const to = assigneeOf(e, role);
    if (to !== t.assignee_id) updateSynced(flow.db, 'tasks', t.id, { assignee_id: to }, flow.st);
  }
}

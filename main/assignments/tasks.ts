/**
 * The tasks a поручение opens in Задачи: one «assignment» task per assignee while it is theirs to do, and
 * one «assignment_review» task for the author while a report waits to be accepted or returned.
 */
import type { AssignmentTable, TaskTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { AssignmentTaskKind } from '../../shared/domain/assignments';
import { assignmentTaskTitle } from '../../shared/i18n/ru/assignments';
import { insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';

export function openAssignmentTask(
  db: WriteDb,
  st: Stamp,
  a: AssignmentTable,
  kind: AssignmentTaskKind,
  assigneeId: string,
  dueDate: string,
  id?: string,
): void {
  insertSynced(db, 'tasks', {
    appeal_id: null,
    request_id: null,
    kind,
    title: assignmentTaskTitle(a.text, kind === 'assignment_review'),
    assignee_id: assigneeId,
    due_date: dueDate,
    status: 'open',
    closed_at: null,
    closed_by: null,
    event_id: null,
    event_stage: null,
    assignment_id: a.id,
    ...newSyncColumns(st, a.office_id, id),
  });
}

export function openAssignmentTasks(
  db: WriteDb,
  st: Stamp,
  a: AssignmentTable,
  kind: AssignmentTaskKind,
): TaskTable[] {
  return db.all(
    db.qb
      .selectFrom('tasks')
      .selectAll()
      .where('assignment_id', '=', a.id)
      .where('kind', '=', kind)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null),
  );
}

/** Ends the поручение's open tasks of a kind (of some assignees only, with `who`). */
export function closeAssignmentTasks(
  db: WriteDb,
  st: Stamp,
  a: AssignmentTable,
  kind: AssignmentTaskKind,
  status: 'done' | 'cancelled',
  by: string | null,
  who?: ReadonlySet<string>,
): void {
  for (const t of openAssignmentTasks(db, st, a, kind))
    if (!who || (t.assignee_id && who.has(t.assignee_id)))
      updateSynced(db, 'tasks', t.id, { status, closed_at: st.now, closed_by: by }, st);
}

/**
 * Задачи gives a поручение's task to another person (`tasks.reassign`): the поручение names the new
 * assignee in place of the old, so its card, reminders and figures follow. Someone already an assignee
 * is refused: they have their own task.
 */
export function moveAssignmentTask(db: WriteDb, st: Stamp, task: TaskTable, to: string): void {
  if (!task.assignment_id || task.kind !== 'assignment') return;
  const a = db.get(db.qb.selectFrom('assignments').selectAll().where('id', '=', task.assignment_id));
  if (!a) return;
  const people = JSON.parse(a.assignees) as string[];
  if (people.includes(to))
    throw new ApiError('validation', 'assigneeId: already an assignee of this assignment', {
      field: 'assigneeId',
    });
  const next = people.map((id) => (id === task.assignee_id ? to : id));
  updateSynced(db, 'assignments', a.id, { assignees: JSON.stringify(next) }, st);
}

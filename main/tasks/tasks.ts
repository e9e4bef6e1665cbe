import type { ReadDb, WriteDb } from '../../db/sql';
import type { TaskTable } from '../../db/schema';
import type { TaskKind } from '../../shared/domain/workflow/appeal';
import { taskTitle } from '../../shared/i18n/ru/tasks';
import { insertSynced, newSyncColumns, type Stamp, updateSynced } from '../kernel/bookkeeping';

export function openTask(
  db: WriteDb,
  st: Stamp,
  officeId: string,
  t: {
    appealId: string;
    requestId?: string | null;
    kind: TaskKind;
    assigneeId: string | null;
    dueDate: string | null;
  },
): TaskTable {
  // The sync columns last: properties after a leading spread are added one by one by V8's runtime.
  const row: TaskTable = {
    appeal_id: t.appealId,
    request_id: t.requestId ?? null,
    kind: t.kind,
    title: taskTitle(t.kind),
    assignee_id: t.assigneeId,
    due_date: t.dueDate,
    status: 'open',
    closed_at: null,
    closed_by: null,
    event_id: null,
    event_stage: null,
    ...newSyncColumns(st, officeId),
  };
  insertSynced(db, 'tasks', row);
  return row;
}

/** Open tasks of an appeal; with `requestId`, only that request's; with `kinds`, only those. */
export function openTasks(
  db: ReadDb,
  appealId: string,
  scope: { requestId?: string | null; kinds?: readonly TaskKind[] } = {},
): TaskTable[] {
  let q = db.qb
    .selectFrom('tasks')
    .selectAll()
    .where('appeal_id', '=', appealId)
    .where('status', '=', 'open');
  if (scope.requestId !== undefined)
    q =
      scope.requestId === null
        ? q.where('request_id', 'is', null)
        : q.where('request_id', '=', scope.requestId);
  if (scope.kinds) q = q.where('kind', 'in', [...scope.kinds]);
  return db.all(q);
}

/** Ends tasks: `done` when their stage was completed, `cancelled` when the work went away. */
export function closeTasks(
  db: WriteDb,
  st: Stamp,
  tasks: readonly TaskTable[],
  status: 'done' | 'cancelled',
  by: string | null,
): void {
  for (const t of tasks) updateSynced(db, 'tasks', t.id, { status, closed_at: st.now, closed_by: by }, st);
}

export function reassignOpenTasks(db: WriteDb, st: Stamp, appealId: string, assigneeId: string | null): void {
  // The deputy's own tasks stay with the deputy when the desk's responsible person changes.
  for (const t of openTasks(db, appealId))
    if (!DEPUTY_TASKS.has(t.kind as TaskKind))
      updateSynced(db, 'tasks', t.id, { assignee_id: assigneeId }, st);
}

const DEPUTY_TASKS = new Set<TaskKind>([
  'art11_decision',
  'resolution',
  'request_approval',
  'answer_resolution',
  'reply_approval',
]);

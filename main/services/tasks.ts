import type { ReadDb, WriteDb } from '../../db/sql';
import type { TaskTable } from '../../db/schema';
import { taskTitle } from '../../shared/i18n/ru/tasks';
import { newId } from '../../shared/util/ids';
import { insertSynced, updateSynced, type Stamp } from './bookkeeping';

export type TaskKind = 'review';

export function openTask(
  db: WriteDb,
  st: Stamp,
  officeId: string,
  t: { appealId: string | null; kind: TaskKind; assigneeId: string | null; dueDate: string | null },
): TaskTable {
  const row: TaskTable = {
    id: newId(st.nowMs),
    office_id: officeId,
    created_at: st.now,
    updated_at: st.now,
    hlc: st.hlc,
    deleted_at: null,
    appeal_id: t.appealId,
    kind: t.kind,
    title: taskTitle(t.kind),
    assignee_id: t.assigneeId,
    due_date: t.dueDate,
    status: 'open',
    closed_at: null,
    closed_by: null,
  };
  insertSynced(db, 'tasks', row);
  return row;
}

function openTaskIds(db: ReadDb, appealId: string): string[] {
  return db
    .all(
      db.qb.selectFrom('tasks').select('id').where('appeal_id', '=', appealId).where('status', '=', 'open'),
    )
    .map((r) => r.id);
}

export function reassignOpenTasks(db: WriteDb, st: Stamp, appealId: string, assigneeId: string | null): void {
  for (const id of openTaskIds(db, appealId)) updateSynced(db, 'tasks', id, { assignee_id: assigneeId }, st);
}

export function cancelOpenTasks(db: WriteDb, st: Stamp, appealId: string, by: string | null): void {
  for (const id of openTaskIds(db, appealId))
    updateSynced(db, 'tasks', id, { status: 'cancelled', closed_at: st.now, closed_by: by }, st);
}

export function tasksOf(db: ReadDb, appealId: string) {
  return db
    .all(
      db.qb
        .selectFrom('tasks')
        .leftJoin('users', 'users.id', 'tasks.assignee_id')
        .select([
          'tasks.id',
          'tasks.title',
          'tasks.kind',
          'tasks.assignee_id',
          'tasks.due_date',
          'tasks.status',
          'tasks.created_at',
          'users.full_name as assignee_name',
        ])
        .where('tasks.appeal_id', '=', appealId)
        .where('tasks.deleted_at', 'is', null)
        .orderBy('tasks.created_at')
        .orderBy('tasks.hlc'),
    )
    .map((t) => ({
      id: t.id,
      title: t.title,
      kind: t.kind,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      dueDate: t.due_date,
      status: t.status,
      createdAt: t.created_at,
    }));
}

/** The tasks' read side: an appeal's tasks as its card shows them. */
import type { ReadDb } from '../../db/sql';

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
          'tasks.request_id',
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
      requestId: t.request_id,
      assigneeId: t.assignee_id,
      assigneeName: t.assignee_name,
      dueDate: t.due_date,
      status: t.status,
      createdAt: t.created_at,
    }));
}

import type { Migration } from './types';

/**
 * The task list is read a page at a time in its own order: overdue first, then by due date, tasks with
 * no date last, then by creation (`tasks.list`). Two partial indexes over the open tasks only hold that
 * order, for everyone's list and for one person's, so a page is a walk of the next hundred entries.
 * Without them every page sorted all open tasks: at a million appeals (49,000 open tasks) about 100 ms
 * for the office head's list, where a walk takes under a millisecond.
 *
 * `status` leads, as in the other indexes over open tasks: the planner matches the list's
 * `status = 'open'` to it and then takes the order from the index.
 */
export const m0016: Migration = {
  version: 16,
  name: 'task-pages',
  up: (db) => {
    db.exec(`
CREATE INDEX tasks_open_order ON tasks (status, coalesce(due_date, '9999-12-31'), created_at, id)
  WHERE status = 'open' AND deleted_at IS NULL;
CREATE INDEX tasks_open_assignee_order
  ON tasks (status, assignee_id, coalesce(due_date, '9999-12-31'), created_at, id)
  WHERE status = 'open' AND deleted_at IS NULL;
`);
  },
};

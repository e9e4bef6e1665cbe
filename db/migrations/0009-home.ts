import type { Migration } from './types';

/**
 * The home screen counts open appeals and open tasks by person, and the deputy's open tasks by kind.
 * Partial indexes over the open rows only (a few thousand among a million) hold every column those
 * counts read — the columns of the index's own condition too, or SQLite would read the row to test
 * them — so each is one walk of a small index in person order, never a read of the rows.
 */
export const m0009: Migration = {
  version: 9,
  name: 'home',
  up: (db) => {
    db.exec(`
CREATE INDEX IF NOT EXISTS appeals_open_responsible ON appeals (responsible_id, status, due_date, deleted_at)
  WHERE status <> 'closed' AND deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS tasks_open_assignee ON tasks (status, assignee_id, due_date, deleted_at)
  WHERE status = 'open' AND deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS tasks_open_kind ON tasks (status, kind, appeal_id) WHERE status = 'open';
`);
  },
};

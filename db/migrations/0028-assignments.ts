import type { Migration } from './types';

/**
 * Поручения: assignments the deputy, the office head or an assistant give to one or several people, with a
 * control date, a priority, optional links (an appeal, an event, a contact, and any other record by its
 * kind and id), a report, the author's acceptance or return, a comment thread and files kept by hash.
 *
 * Each assignee's work is an open task in `tasks` (kind «assignment», `assignment_id`), and the author's
 * check of a report is one too (kind «assignment_review»), so поручения stand in Задачи beside the
 * workflow's tasks, with the same filters, index walks, home figures and reminders.
 *
 * Templates of recurring поручения (weekly, monthly) give one поручение per period: the unique index on
 * (template_id, period) holds that however many times, or on however many passes, it is tried.
 */
/** The sync columns every synced table ends with (written out here: a migration stays as it was). */
const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

export const m0028: Migration = {
  version: 28,
  name: 'assignments',
  up: (db) => {
    db.exec(`
CREATE TABLE assignments (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  control_date TEXT NOT NULL,
  priority TEXT NOT NULL DEFAULT 'normal',
  status TEXT NOT NULL DEFAULT 'new',
  assignees TEXT NOT NULL,
  appeal_id TEXT,
  event_id TEXT,
  contact_id TEXT,
  link_entity TEXT,
  link_id TEXT,
  report_text TEXT,
  reported_at TEXT,
  reported_by TEXT,
  return_reason TEXT,
  returned_at TEXT,
  accepted_at TEXT,
  accepted_by TEXT,
  template_id TEXT,
  period TEXT,
  ${SYNC}
) STRICT;
CREATE UNIQUE INDEX assignments_template_period ON assignments (template_id, period)
  WHERE template_id IS NOT NULL;
-- The reminders' reads: open поручения by control date (status written as literals, as the rules ask).
CREATE INDEX assignments_open_control ON assignments (control_date)
  WHERE status IN ('new', 'in_work', 'returned') AND deleted_at IS NULL;
CREATE INDEX assignments_appeal ON assignments (appeal_id) WHERE appeal_id IS NOT NULL;
CREATE INDEX assignments_event ON assignments (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX assignments_contact ON assignments (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX assignments_link ON assignments (link_entity, link_id) WHERE link_id IS NOT NULL;

CREATE TABLE assignment_comments (
  id TEXT PRIMARY KEY,
  assignment_id TEXT NOT NULL,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX assignment_comments_of ON assignment_comments (assignment_id, created_at);

CREATE TABLE assignment_files (
  id TEXT PRIMARY KEY,
  assignment_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX assignment_files_of ON assignment_files (assignment_id, created_at);

CREATE TABLE assignment_templates (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL,
  text TEXT NOT NULL,
  priority TEXT NOT NULL DEFAULT 'normal',
  assignees TEXT NOT NULL,
  recurrence TEXT NOT NULL,
  day INTEGER NOT NULL,
  term_days INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  ${SYNC}
) STRICT;

ALTER TABLE tasks ADD COLUMN assignment_id TEXT;
CREATE INDEX tasks_assignment ON tasks (assignment_id) WHERE assignment_id IS NOT NULL;
`);
  },
};

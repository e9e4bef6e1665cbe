import type { Migration } from './types';

const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * Events (DOMAIN §5): the card, its participants from the contact base, its history, the office's
 * kinds and checklist templates, and the checklist items copied onto each stage's tasks. Appeals taken
 * at an event point back to it.
 */
export const m0003: Migration = {
  version: 3,
  name: 'events',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN event_stage_limits TEXT NOT NULL DEFAULT '{}';

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  event_date TEXT NOT NULL,
  start_time TEXT,
  end_time TEXT,
  place TEXT,
  address TEXT,
  district TEXT,
  responsible_id TEXT REFERENCES users(id),
  escort_id TEXT REFERENCES users(id),
  transfer_needed INTEGER NOT NULL DEFAULT 0,
  transfer_transport TEXT,
  transfer_out_at TEXT,
  transfer_back_at TEXT,
  expected_count INTEGER,
  actual_count INTEGER,
  programme TEXT,
  agenda TEXT,
  press_release_sent_on TEXT,
  press_answer_on TEXT,
  press_note TEXT,
  outcome TEXT,
  stage TEXT NOT NULL,
  stage_since TEXT NOT NULL,
  cancel_reason TEXT,
  closed_on TEXT,
  created_by TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_stage ON events (stage, event_date);

CREATE TABLE event_participants (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  attended INTEGER NOT NULL DEFAULT 0,
  ${SYNC}
) STRICT;
CREATE INDEX event_participants_event ON event_participants (event_id);
CREATE INDEX event_participants_contact ON event_participants (contact_id);

CREATE TABLE event_history (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES events(id),
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  changes TEXT NOT NULL,
  comment TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX event_history_event ON event_history (event_id, at);

-- The office's edition of the kinds list: shipped codes renamed or hidden, and its own added.
CREATE TABLE event_kinds (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  ${SYNC},
  UNIQUE (office_id, code)
) STRICT;

-- The office's checklist templates per stage and kind ('*' for every kind); items as JSON.
CREATE TABLE checklist_templates (
  id TEXT PRIMARY KEY,
  stage TEXT NOT NULL,
  event_kind TEXT NOT NULL,
  items TEXT NOT NULL,
  ${SYNC},
  UNIQUE (office_id, stage, event_kind)
) STRICT;

ALTER TABLE tasks ADD COLUMN event_id TEXT REFERENCES events(id);
ALTER TABLE tasks ADD COLUMN event_stage TEXT;
CREATE INDEX tasks_event ON tasks (event_id, status);

-- A stage's checklist, copied from the template when the stage is entered: later edits of the
-- template never change work already handed out.
CREATE TABLE task_items (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL REFERENCES tasks(id),
  event_id TEXT NOT NULL REFERENCES events(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  mandatory INTEGER NOT NULL,
  due_date TEXT,
  done_at TEXT,
  done_by TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE INDEX task_items_task ON task_items (task_id, position);
CREATE INDEX task_items_event ON task_items (event_id);

ALTER TABLE appeals ADD COLUMN event_id TEXT REFERENCES events(id);
CREATE INDEX appeals_event ON appeals (event_id) WHERE event_id IS NOT NULL;
`);
  },
};

import type { Migration } from './types';

/**
 * Reminders: each one raised once, keyed by rule, object, due instant and recipient (INSERT … ON CONFLICT DO
 * NOTHING), so two app windows on one file and every restart agree. Derived from the data, so kept in the
 * office's own file and not synced. Plus the office's reminder settings and the index the request scan needs.
 */
export const m0005: Migration = {
  version: 5,
  name: 'reminders',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN reminder_settings TEXT NOT NULL DEFAULT '{}';

CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  due_at TEXT NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES users(id),
  appeal_id TEXT,
  request_id TEXT,
  params TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT,
  notified_at TEXT,
  UNIQUE (rule, entity_id, due_at, recipient_id)
) STRICT;
CREATE INDEX reminders_inbox ON reminders (recipient_id, due_at);
CREATE INDEX reminders_unread ON reminders (recipient_id) WHERE read_at IS NULL;
CREATE INDEX reminders_due ON reminders (due_at);

-- Requests awaiting an answer, by the day they went out: the 25-day scan reads a few days of it.
CREATE INDEX external_requests_sent ON external_requests (status, sent_on) WHERE status = 'sent';
`);
  },
};

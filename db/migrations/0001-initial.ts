import type { Migration } from './types';

/**
 * The first schema. Every synced table carries DESIGN invariant 4: a UUIDv7 `id`, the owning `office_id`,
 * `created_at`/`updated_at` (UTC ISO), an HLC stamp `hlc`, and soft deletion `deleted_at`.
 * Calendar dates are `YYYY-MM-DD` strings in the office's time zone.
 */
const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
CREATE TABLE local_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE offices (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  region TEXT,
  time_zone TEXT NOT NULL,
  deputy_name TEXT NOT NULL,
  address TEXT,
  phone TEXT,
  email TEXT,
  reg_number_format TEXT NOT NULL DEFAULT 'КОД-ГГГГ-NNNNN',
  deadline_shift TEXT NOT NULL DEFAULT 'previous' CHECK (deadline_shift IN ('previous', 'next')),
  ${SYNC}
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('assistant', 'deputy', 'office_head', 'hq_analyst', 'admin')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  ${SYNC}
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_years (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL,
  data TEXT NOT NULL,
  ${SYNC},
  UNIQUE (office_id, year)
) STRICT;

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  last_name TEXT,
  first_name TEXT,
  middle_name TEXT,
  full_name TEXT NOT NULL,
  name_key TEXT,
  address TEXT,
  address_key TEXT,
  email TEXT,
  email_key TEXT,
  social_category TEXT,
  comment TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX contacts_name_key ON contacts (name_key);
CREATE INDEX contacts_email_key ON contacts (email_key) WHERE email_key IS NOT NULL;

CREATE TABLE contact_phones (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  phone TEXT NOT NULL,
  raw TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX contact_phones_phone ON contact_phones (phone);
CREATE INDEX contact_phones_contact ON contact_phones (contact_id);

CREATE TABLE appeals (
  id TEXT PRIMARY KEY,
  reg_number TEXT NOT NULL,
  reg_year INTEGER NOT NULL,
  reg_seq INTEGER NOT NULL,
  registered_on TEXT NOT NULL,
  received_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  kind TEXT NOT NULL,
  is_repeat INTEGER NOT NULL DEFAULT 0,
  is_collective INTEGER NOT NULL DEFAULT 0,
  signatories INTEGER NOT NULL DEFAULT 1,
  is_anonymous INTEGER NOT NULL DEFAULT 0,
  sheets INTEGER NOT NULL DEFAULT 1,
  attachments_note TEXT,
  applicant_id TEXT NOT NULL REFERENCES contacts(id),
  applicant_name TEXT NOT NULL,
  applicant_phone TEXT,
  summary TEXT NOT NULL,
  text TEXT,
  topics TEXT NOT NULL DEFAULT '[]',
  term_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  responsible_id TEXT REFERENCES users(id),
  executor_id TEXT REFERENCES users(id),
  on_control INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  result TEXT,
  closed_on TEXT,
  forwarded_from_body TEXT,
  forwarded_from_number TEXT,
  forwarded_from_date TEXT,
  case_file TEXT,
  created_by TEXT REFERENCES users(id),
  ${SYNC},
  UNIQUE (office_id, reg_number),
  UNIQUE (office_id, reg_year, reg_seq)
) STRICT;
-- The registry reads a page off an index in sort order; every index ends in id, the tie-breaker of each sort.
CREATE INDEX appeals_registered ON appeals (registered_on, id);
-- Covers a received-date range sorted by applicant without reading the rows (the list finds rowids first).
CREATE INDEX appeals_received ON appeals (received_on, applicant_name, id) WHERE deleted_at IS NULL;
CREATE INDEX appeals_due ON appeals (due_date, id);
CREATE INDEX appeals_status_due ON appeals (status, due_date, id);
CREATE INDEX appeals_responsible_due ON appeals (responsible_id, due_date, id);
CREATE INDEX appeals_responsible_registered ON appeals (responsible_id, registered_on, id);
-- Open appeals are a few per cent of an HQ's million: the desk's open and overdue views read only these.
CREATE INDEX appeals_open_due ON appeals (due_date, id) WHERE status <> 'closed';
-- due_date rides along so "overdue, newest first" skips the not-yet-due without reading their rows.
CREATE INDEX appeals_open_registered ON appeals (registered_on, id, due_date) WHERE status <> 'closed';
CREATE INDEX appeals_applicant_name ON appeals (applicant_name, id);
CREATE INDEX appeals_applicant ON appeals (applicant_id);
CREATE INDEX appeals_reg_number ON appeals (reg_number);

-- Derived from appeals.topics for the topic filter; rebuilt from the appeal row, never synced itself.
CREATE TABLE appeal_topics (
  code TEXT NOT NULL,
  appeal_id TEXT NOT NULL REFERENCES appeals(id) ON DELETE CASCADE,
  PRIMARY KEY (code, appeal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX appeal_topics_appeal ON appeal_topics (appeal_id);

-- Contentless full-text index keyed by appeals.rowid; text is normalised (ё→е, й→и, lower case) before it goes in.
CREATE VIRTUAL TABLE appeal_fts USING fts5(
  body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE appeal_history (
  id TEXT PRIMARY KEY,
  appeal_id TEXT NOT NULL REFERENCES appeals(id),
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  action TEXT NOT NULL,
  changes TEXT NOT NULL DEFAULT '{}',
  comment TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX appeal_history_appeal ON appeal_history (appeal_id, at);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  appeal_id TEXT REFERENCES appeals(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  assignee_id TEXT REFERENCES users(id),
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  closed_at TEXT,
  closed_by TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE INDEX tasks_assignee ON tasks (assignee_id, status, due_date);
CREATE INDEX tasks_appeal ON tasks (appeal_id, status);

-- What sync ships: one entry per row change, in HLC order, with the whole row after the change.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  hlc TEXT NOT NULL,
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
  data TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX change_log_hlc ON change_log (hlc);

-- 152-FZ Art. 19: who read or changed which personal data, when, and through which transport.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  office_id TEXT,
  user_id TEXT,
  login TEXT,
  transport TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id TEXT,
  details TEXT
) STRICT;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
`);
  },
};

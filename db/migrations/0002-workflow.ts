import type { Migration } from './types';

const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * The appeal workflow: review outcomes (Art. 11, forwarding), the deputy's resolutions, external
 * requests to outside bodies, the reply, the extension of the term, and attachments stored by hash.
 */
export const m0002: Migration = {
  version: 2,
  name: 'workflow',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN stage_limits TEXT NOT NULL DEFAULT '{}';
ALTER TABLE offices ADD COLUMN deputy_request_days INTEGER NOT NULL DEFAULT 30;

ALTER TABLE appeals ADD COLUMN resubmission_of TEXT REFERENCES appeals(id);
ALTER TABLE appeals ADD COLUMN complained_body TEXT;
ALTER TABLE appeals ADD COLUMN art11_ground TEXT;
ALTER TABLE appeals ADD COLUMN art11_linked TEXT NOT NULL DEFAULT '[]';
ALTER TABLE appeals ADD COLUMN notice_sent_on TEXT;
ALTER TABLE appeals ADD COLUMN notice_form TEXT;
ALTER TABLE appeals ADD COLUMN notice_number TEXT;
ALTER TABLE appeals ADD COLUMN forward_addressee TEXT;
ALTER TABLE appeals ADD COLUMN forward_number TEXT;
ALTER TABLE appeals ADD COLUMN forward_sent_on TEXT;
ALTER TABLE appeals ADD COLUMN forward_notified_on TEXT;
ALTER TABLE appeals ADD COLUMN extension_days INTEGER;
ALTER TABLE appeals ADD COLUMN extension_reason TEXT;
ALTER TABLE appeals ADD COLUMN extended_by TEXT REFERENCES users(id);
ALTER TABLE appeals ADD COLUMN extended_on TEXT;
ALTER TABLE appeals ADD COLUMN extension_notified_on TEXT;
ALTER TABLE appeals ADD COLUMN reply_text TEXT;
ALTER TABLE appeals ADD COLUMN reply_approved_by TEXT REFERENCES users(id);
ALTER TABLE appeals ADD COLUMN reply_approved_on TEXT;
ALTER TABLE appeals ADD COLUMN reply_form TEXT;
ALTER TABLE appeals ADD COLUMN reply_sent_on TEXT;
ALTER TABLE appeals ADD COLUMN reply_number TEXT;
ALTER TABLE appeals ADD COLUMN reply_signatory TEXT;
ALTER TABLE appeals ADD COLUMN reviewed_late INTEGER;
ALTER TABLE appeals ADD COLUMN stage_since TEXT;

CREATE TABLE bodies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  address TEXT,
  email TEXT,
  head TEXT,
  answer_days INTEGER NOT NULL DEFAULT 30,
  ${SYNC}
) STRICT;
CREATE INDEX bodies_name_key ON bodies (name_key);

CREATE TABLE external_requests (
  id TEXT PRIMARY KEY,
  appeal_id TEXT NOT NULL REFERENCES appeals(id),
  seq INTEGER NOT NULL,
  body_id TEXT REFERENCES bodies(id),
  kind TEXT NOT NULL CHECK (kind IN ('deputy_request', 'documents_request')),
  status TEXT NOT NULL,
  text TEXT,
  approved_by TEXT REFERENCES users(id),
  approved_on TEXT,
  sent_on TEXT,
  outgoing_number TEXT,
  due_date TEXT,
  answered_on TEXT,
  answer_number TEXT,
  answer_summary TEXT,
  answer_attachment_id TEXT,
  next_step TEXT,
  stage_since TEXT,
  ${SYNC},
  UNIQUE (appeal_id, seq)
) STRICT;
CREATE INDEX external_requests_appeal ON external_requests (appeal_id);
CREATE INDEX external_requests_status_due ON external_requests (status, due_date);
CREATE INDEX external_requests_body ON external_requests (body_id, status);

-- The deputy's resolutions: on an appeal (to a request or a reply), on a request's answer, on Art. 11 part 5.
CREATE TABLE resolutions (
  id TEXT PRIMARY KEY,
  appeal_id TEXT NOT NULL REFERENCES appeals(id),
  request_id TEXT REFERENCES external_requests(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  resolved_on TEXT NOT NULL,
  text TEXT NOT NULL,
  decision TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX resolutions_appeal ON resolutions (appeal_id);

ALTER TABLE tasks ADD COLUMN request_id TEXT REFERENCES external_requests(id);
CREATE INDEX tasks_open_due ON tasks (status, due_date);

-- Files are kept once, by content hash, in the office's data folder; rows reference them.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  appeal_id TEXT NOT NULL REFERENCES appeals(id),
  request_id TEXT REFERENCES external_requests(id),
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX attachments_appeal ON attachments (appeal_id);
`);
  },
};

import type { Migration } from './types';

/**
 * The deputy's own work beside the citizens' appeals (DOMAIN §10).
 *
 * Наказы избирателей: `mandates` is the register — the text, who gave it (a collective of voters as text;
 * contacts and the event it was recorded at are links), the territory as the contact base writes it
 * (district, settlement, address), the classifier question, the body responsible, the planned year and the
 * budget line, and the status with its reason. `mandate_links` ties a наказ to contacts, appeals, requests,
 * own-initiative requests and events (each shows on the наказ's history); `mandate_history` holds its own
 * actions. All three are synced.
 *
 * The deputy's requests on his own initiative (3-FZ Art. 14 and the regional laws) are `own_requests`, a
 * table of their own rather than `external_requests` with its appeal made optional: SQLite cannot drop a
 * NOT NULL in place, and rebuilding `external_requests` would mean re-creating its statistics triggers,
 * its five indexes and the foreign keys of tasks, resolutions and attachments that point at it, while every
 * query of the appeal's workflow joins it to its appeal. A separate table leaves those flows untouched.
 * The office's jurisdiction (federal or a region's law) names the term `deputy_request_days` holds.
 */
export const m0029: Migration = {
  version: 29,
  name: 'mandates',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN deputy_jurisdiction TEXT NOT NULL DEFAULT 'federal';

CREATE TABLE mandates (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  givers TEXT,
  district TEXT,
  settlement TEXT,
  address TEXT,
  topic TEXT,
  body_id TEXT REFERENCES bodies(id),
  plan_year INTEGER,
  budget_line TEXT,
  status TEXT NOT NULL,
  status_reason TEXT,
  status_on TEXT NOT NULL,
  given_on TEXT NOT NULL,
  responsible_id TEXT REFERENCES users(id),
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- The register by territory, in its order (district, settlement, number): a district and a status are one
-- index range already in that order; the whole register is a walk of the second.
CREATE INDEX mandates_territory_status ON mandates
  (coalesce(district, ''), status, coalesce(settlement, ''), number, id) WHERE deleted_at IS NULL;
CREATE INDEX mandates_territory ON mandates
  (coalesce(district, ''), coalesce(settlement, ''), number, id) WHERE deleted_at IS NULL;
CREATE INDEX mandates_number ON mandates (number) WHERE deleted_at IS NULL;
CREATE INDEX mandates_year ON mandates (plan_year, status) WHERE deleted_at IS NULL;
CREATE INDEX mandates_body ON mandates (body_id) WHERE deleted_at IS NULL;

CREATE TABLE mandate_links (
  id TEXT PRIMARY KEY,
  mandate_id TEXT NOT NULL REFERENCES mandates(id),
  kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX mandate_links_mandate ON mandate_links (mandate_id, kind) WHERE deleted_at IS NULL;
CREATE INDEX mandate_links_target ON mandate_links (target_id, kind) WHERE deleted_at IS NULL;

CREATE TABLE mandate_history (
  id TEXT PRIMARY KEY,
  mandate_id TEXT NOT NULL REFERENCES mandates(id),
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  changes TEXT NOT NULL,
  comment TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX mandate_history_mandate ON mandate_history (mandate_id, at);

CREATE TABLE own_requests (
  id TEXT PRIMARY KEY,
  number INTEGER NOT NULL,
  body_id TEXT REFERENCES bodies(id),
  text TEXT,
  legal_basis TEXT,
  status TEXT NOT NULL,
  responsible_id TEXT REFERENCES users(id),
  approved_by TEXT,
  approved_on TEXT,
  sent_on TEXT,
  outgoing_number TEXT,
  term_days INTEGER,
  due_date TEXT,
  answered_on TEXT,
  answer_number TEXT,
  answer_summary TEXT,
  stage_since TEXT NOT NULL,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX own_requests_order ON own_requests (coalesce(due_date, ''), id) WHERE deleted_at IS NULL;
-- Awaiting an answer, by the day they went out and by the day the answer is due: the reminders' ranges.
CREATE INDEX own_requests_sent ON own_requests (status, sent_on) WHERE status = 'sent';
CREATE INDEX own_requests_due ON own_requests (status, due_date) WHERE status = 'sent';

CREATE TABLE own_request_history (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES own_requests(id),
  at TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  changes TEXT NOT NULL,
  comment TEXT,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX own_request_history_request ON own_request_history (request_id, at);
`);
  },
};

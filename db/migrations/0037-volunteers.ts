import type { Migration } from './types';

const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * Volunteers and supporters who signed up on the web reception's second form: a candidate per
 * application (the contact, where it came from, the consent as the form recorded it, the stage of the
 * pipeline new → checked → interview → accepted / declined), and each step taken (the contact's
 * timeline reads them). Rows an office makes from an application have ids derived from the
 * application's, so two computers of the office that both take it write the same rows.
 * The office names its volunteer coordinator (`offices.volunteer_coordinator_id`); nobody named, the
 * office head gets the candidate's task.
 */
export const m0037: Migration = {
  version: 37,
  name: 'volunteers',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN volunteer_coordinator_id TEXT;

CREATE TABLE volunteer_candidates (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  application_id TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('new', 'checked', 'interview', 'accepted', 'declined')),
  stage_at TEXT NOT NULL,
  form TEXT NOT NULL,
  campaign TEXT,
  region TEXT,
  district TEXT,
  consent_version TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  consent_at TEXT NOT NULL,
  task_id TEXT,
  interview_at TEXT,
  event_id TEXT,
  decline_reason TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX volunteer_candidates_stage ON volunteer_candidates (stage, stage_at) WHERE deleted_at IS NULL;
CREATE INDEX volunteer_candidates_contact ON volunteer_candidates (contact_id);

CREATE TABLE volunteer_steps (
  id TEXT PRIMARY KEY,
  candidate_id TEXT NOT NULL REFERENCES volunteer_candidates(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  stage TEXT NOT NULL CHECK (stage IN ('new', 'checked', 'interview', 'accepted', 'declined')),
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  interview_at TEXT,
  reason TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX volunteer_steps_contact ON volunteer_steps (contact_id, at);
`);
  },
};

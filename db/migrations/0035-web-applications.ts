import type { Migration } from './types';

/**
 * Applications from the public web reception at HQ (интернет-приёмная). HQ writes each confirmed
 * application as a row of the office that serves the applicant's place, and the office's next sync
 * brings it here, where it waits in «Входящие» to be registered as an appeal (or a volunteer's contact).
 * The office records what it did with it (`appeal_id`, `contact_id`, or the reason it is not an
 * appeal); that travels back to HQ by the same sync, and the citizen's status page reads it there.
 */
export const m0035: Migration = {
  version: 35,
  name: 'web-applications',
  up: (db) => {
    db.exec(`
CREATE TABLE web_applications (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('appeal', 'volunteer')),
  surname TEXT NOT NULL,
  first_name TEXT NOT NULL,
  patronymic TEXT,
  email TEXT,
  phone TEXT,
  postal_address TEXT,
  region TEXT,
  district TEXT,
  settlement TEXT,
  text TEXT NOT NULL,
  source TEXT,
  consent_version TEXT NOT NULL,
  consent_text TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  confirmed_by TEXT NOT NULL CHECK (confirmed_by IN ('email', 'sms')),
  repeat_of TEXT,
  state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'registered', 'rejected')),
  appeal_id TEXT,
  contact_id TEXT,
  rejected_reason TEXT,
  handled_by TEXT,
  handled_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX web_applications_waiting ON web_applications (office_id, state, submitted_at)
  WHERE deleted_at IS NULL;
`);
  },
};

import type { Migration } from './types';

const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * The contact model of an office coming from a CRM: several e-mails and social-network links per contact,
 * fields the office defines itself, and their values.
 *
 * E-mails: `contact_emails` holds every address of a contact, in order, with its kind and the moment the
 * sending side found it failing. `contacts.email` stays as the first of them (the applicant's address
 * appeals, letters and duplicates read). Each existing address moves into the new table under its
 * contact's own id, so every computer of an office migrating on its own makes the same row.
 *
 * Custom fields: `contact_fields` defines them (name, type, the values of a list, required, order);
 * `contact_field_values` holds one typed value per contact and field, indexed by field and value so a
 * segment's condition on a field is a walk of that field's values.
 */
export const m0031: Migration = {
  version: 31,
  name: 'contact-model',
  up: (db) => {
    db.exec(`
CREATE TABLE contact_emails (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('personal', 'work', 'other')),
  position INTEGER NOT NULL,
  failing_at TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX contact_emails_key ON contact_emails (email_key, contact_id) WHERE deleted_at IS NULL;
CREATE INDEX contact_emails_contact ON contact_emails (contact_id, position);

INSERT INTO contact_emails
  (id, contact_id, email, email_key, kind, position, failing_at, office_id, created_at, updated_at, hlc, deleted_at)
SELECT id, id, email, coalesce(email_key, lower(trim(email))), 'personal', 0, NULL,
  office_id, created_at, updated_at, hlc, NULL
FROM contacts WHERE email IS NOT NULL AND trim(email) <> '';

CREATE TABLE contact_socials (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  network TEXT NOT NULL CHECK (network IN ('vk', 'telegram', 'ok')),
  handle TEXT NOT NULL,
  position INTEGER NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX contact_socials_contact ON contact_socials (contact_id, position);
CREATE INDEX contact_socials_handle ON contact_socials (network, handle) WHERE deleted_at IS NULL;

CREATE TABLE contact_fields (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'list')),
  -- JSON array of the list's values; [] for the other types.
  options TEXT NOT NULL DEFAULT '[]',
  required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  ${SYNC}
) STRICT;
CREATE INDEX contact_fields_order ON contact_fields (office_id, position, id) WHERE deleted_at IS NULL;

-- One column per type: text and list values in value_text, numbers in value_num, ISO dates in value_date.
CREATE TABLE contact_field_values (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  field_id TEXT NOT NULL REFERENCES contact_fields(id),
  value_text TEXT,
  value_num REAL,
  value_date TEXT,
  ${SYNC}
) STRICT;
-- A contact's values (the card, an export's page): covering.
CREATE INDEX contact_field_values_contact
  ON contact_field_values (contact_id, field_id, deleted_at, value_text, value_num, value_date);
-- A field's value of one contact (a segment's second condition, looked up per contact): covering, and
-- field first, so the lookups of one condition stay within that field's part of the index.
CREATE INDEX contact_field_values_field
  ON contact_field_values (field_id, contact_id, deleted_at, value_text, value_num, value_date);
-- A field's values in order, tombstones apart (deleted_at in the key keeps the walk covering).
CREATE INDEX contact_field_values_text ON contact_field_values (field_id, deleted_at, value_text, contact_id)
  WHERE value_text IS NOT NULL;
CREATE INDEX contact_field_values_num ON contact_field_values (field_id, deleted_at, value_num, contact_id)
  WHERE value_num IS NOT NULL;
CREATE INDEX contact_field_values_date ON contact_field_values (field_id, deleted_at, value_date, contact_id)
  WHERE value_date IS NOT NULL;
`);
  },
};

import type { Migration } from './types';

const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

/**
 * The contact base: the card's structured address, birth date and source; statuses and tags as rows (so a
 * segment count reads an index, not two million JSON arrays); consents (152-FZ Art. 9); merges kept with
 * what they changed, so they can be undone; saved segments; column mappings remembered per file layout.
 */
export const m0006: Migration = {
  version: 6,
  name: 'contacts',
  up: (db) => {
    db.exec(`
ALTER TABLE contacts ADD COLUMN birth_date TEXT;
ALTER TABLE contacts ADD COLUMN region TEXT;
ALTER TABLE contacts ADD COLUMN district TEXT;
ALTER TABLE contacts ADD COLUMN settlement TEXT;
ALTER TABLE contacts ADD COLUMN street TEXT;
ALTER TABLE contacts ADD COLUMN house TEXT;
ALTER TABLE contacts ADD COLUMN flat TEXT;
ALTER TABLE contacts ADD COLUMN source TEXT;
ALTER TABLE contacts ADD COLUMN erased_at TEXT;
-- Live contacts only, ending in id: a segment count reads the index alone, never the wide rows.
-- contacts_live answers "is this id a live contact" for label, consent and activity conditions.
CREATE INDEX contacts_live ON contacts (id) WHERE deleted_at IS NULL AND erased_at IS NULL;
CREATE INDEX contacts_district ON contacts (district, id) WHERE deleted_at IS NULL AND erased_at IS NULL;
CREATE INDEX contacts_source ON contacts (source, id) WHERE deleted_at IS NULL AND erased_at IS NULL;
CREATE INDEX contacts_social_category ON contacts (social_category, id) WHERE deleted_at IS NULL AND erased_at IS NULL;
CREATE INDEX contacts_address_key ON contacts (address_key) WHERE address_key IS NOT NULL;

ALTER TABLE offices ADD COLUMN contact_auto_merge_phone INTEGER NOT NULL DEFAULT 0;

-- A status (house head, HOA chair, supporter…) or a free tag of a contact.
CREATE TABLE contact_labels (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  kind TEXT NOT NULL CHECK (kind IN ('status', 'tag')),
  value TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX contact_labels_value ON contact_labels (kind, value, contact_id) WHERE deleted_at IS NULL;
CREATE INDEX contact_labels_contact ON contact_labels (contact_id);

-- The editable list of statuses an office uses.
CREATE TABLE contact_statuses (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  ${SYNC},
  UNIQUE (office_id, code)
) STRICT;

CREATE TABLE contact_consents (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  purpose TEXT NOT NULL,
  wording_version TEXT NOT NULL,
  given_at TEXT NOT NULL,
  given_by TEXT REFERENCES users(id),
  withdrawn_at TEXT,
  withdrawn_by TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE INDEX contact_consents_purpose ON contact_consents (purpose, contact_id) WHERE withdrawn_at IS NULL AND deleted_at IS NULL;
CREATE INDEX contact_consents_contact ON contact_consents (contact_id);

CREATE TABLE contact_notes (
  id TEXT PRIMARY KEY,
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  text TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX contact_notes_contact ON contact_notes (contact_id, at);

-- A merge keeps the merged-away contact (tombstoned) and what moved, so it can be undone.
CREATE TABLE contact_merges (
  id TEXT PRIMARY KEY,
  kept_id TEXT NOT NULL REFERENCES contacts(id),
  merged_id TEXT NOT NULL REFERENCES contacts(id),
  kept_before TEXT NOT NULL,
  moved TEXT NOT NULL,
  merged_by TEXT REFERENCES users(id),
  automatic INTEGER NOT NULL DEFAULT 0,
  undone_at TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX contact_merges_kept ON contact_merges (kept_id);

CREATE TABLE contact_segments (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  filter TEXT NOT NULL,
  ${SYNC}
) STRICT;

CREATE TABLE contact_import_layouts (
  id TEXT PRIMARY KEY,
  header_key TEXT NOT NULL,
  mapping TEXT NOT NULL,
  ${SYNC},
  UNIQUE (office_id, header_key)
) STRICT;
`);
  },
};

import type { Migration } from './types';

/**
 * Documents: the letterhead (the deputy's title, the signatory, the font of printed documents) and the
 * letter bodies the office edits, one per kind of letter. A kind with no row uses the shipped text.
 */
export const m0004: Migration = {
  version: 4,
  name: 'documents',
  up: (db) => {
    db.exec(`
ALTER TABLE offices ADD COLUMN deputy_title TEXT;
ALTER TABLE offices ADD COLUMN signatory_name TEXT;
ALTER TABLE offices ADD COLUMN signatory_title TEXT;
ALTER TABLE offices ADD COLUMN doc_font TEXT NOT NULL DEFAULT 'Times New Roman';
ALTER TABLE offices ADD COLUMN doc_font_size INTEGER NOT NULL DEFAULT 14;

CREATE TABLE letter_templates (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT,
  UNIQUE (office_id, kind)
) STRICT;
`);
  },
};

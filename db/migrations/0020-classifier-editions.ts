import type { Migration } from './types';

/**
 * Editions of the thematic classifier, imported by an administrator without a new release, and the office's
 * own corrections of names.
 *
 * - `classifier.withdrawn_in`: the edition (its date) that no longer holds the entry; null while in force.
 *   A withdrawn entry stays in the table, so an old appeal's code keeps its name and is shown as withdrawn;
 *   it is not offered for new appeals.
 * - `classifier_editions`: the editions this office has taken, the shipped one first.
 * - `classifier_names`: the office's name for an entry, shown instead of the official one. The official name
 *   stays in `classifier.name`, so a later edition is compared with the official text, never with the
 *   office's; a correction outlives an edition's import.
 *
 * Local reference data like the classifier itself: not synced, no change log; a correction is audited.
 */
export const m0020: Migration = {
  version: 20,
  name: 'classifier-editions',
  up: (db) => {
    db.exec(`
ALTER TABLE classifier ADD COLUMN withdrawn_in TEXT;
CREATE TABLE classifier_editions (
  edition TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  imported_at TEXT,
  imported_by TEXT,
  entries INTEGER NOT NULL,
  added INTEGER NOT NULL,
  renamed INTEGER NOT NULL,
  withdrawn INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO classifier_editions (edition, source, imported_at, imported_by, entries, added, renamed, withdrawn)
  SELECT '2025-10-31', 'classifier-2025.json', NULL, NULL, count(*), count(*), 0, 0 FROM classifier;
CREATE TABLE classifier_names (
  code TEXT PRIMARY KEY REFERENCES classifier(code),
  name TEXT NOT NULL CHECK (name <> ''),
  set_at TEXT NOT NULL,
  set_by TEXT
) STRICT, WITHOUT ROWID;
`);
  },
};

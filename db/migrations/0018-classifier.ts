import edition2025 from '../../resources/classifier/classifier-2025.json' with { type: 'json' };
import type { Migration } from './types';

interface Entry {
  code: string;
  name: string;
  parent: string | null;
  level: number;
}

/**
 * The official thematic classifier of appeals as reference data: every entry of the 2025 edition (sections,
 * themes, topics, questions, subquestions), in its own order (`ord`), each under its parent. The rows come
 * from the shipped file `resources/classifier/classifier-2025.json`, which is the edition as published and
 * is never edited (a newer edition ships as a new file and is loaded by its own import), so this migration
 * does the same thing whenever it runs. Local reference data: not synced, no change log. Appeals keep their
 * codes in `appeals.topics` and `appeal_topics` as before; a code not here is shown as it is.
 */
export const m0018: Migration = {
  version: 18,
  name: 'classifier',
  up: (db) => {
    db.exec(`
CREATE TABLE classifier (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  parent TEXT REFERENCES classifier(code),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  ord INTEGER NOT NULL,
  edition TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX classifier_parent ON classifier (parent, ord);
`);
    const insert = db.prepare(
      "INSERT INTO classifier (code, name, parent, level, ord, edition) VALUES (?, ?, ?, ?, ?, '2025-10-31')",
    );
    (edition2025 as Entry[]).forEach((e, i) => insert.run(e.code, e.name, e.parent, e.level, i + 1));
  },
};

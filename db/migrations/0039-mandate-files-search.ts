import type { Migration } from './types';

/**
 * Наказы избирателей get their documents and a search over their words.
 *
 * `mandate_files` names a наказ's files as `assignment_files` names a поручение's: the content is kept once
 * per hash in the office's data folder (main/attachments), the row is synced.
 *
 * `mandate_fts` is a contentless full-text index keyed by `mandates.rowid`, over the наказ's text, who gave
 * it and the address, folded as the appeals' index is (ё→е, й→и; case by the tokenizer). Triggers keep it,
 * so a наказ that arrives by sync is found as one recorded here.
 */
const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

const BODY = (r: string): string =>
  `replace(replace(replace(replace(${r}.text || char(10) || coalesce(${r}.givers, '') || char(10) ||
    coalesce(${r}.address, ''), 'ё', 'е'), 'Ё', 'Е'), 'й', 'и'), 'Й', 'И')`;

export const m0039: Migration = {
  version: 39,
  name: 'mandate-files-search',
  up: (db) => {
    db.exec(`
CREATE TABLE mandate_files (
  id TEXT PRIMARY KEY,
  mandate_id TEXT NOT NULL REFERENCES mandates(id),
  sha256 TEXT NOT NULL,
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX mandate_files_of ON mandate_files (mandate_id, created_at);

CREATE VIRTUAL TABLE mandate_fts USING fts5(
  body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO mandate_fts (rowid, body) SELECT rowid, ${BODY('mandates')} FROM mandates WHERE deleted_at IS NULL;
CREATE TRIGGER mandate_fts_insert AFTER INSERT ON mandates WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO mandate_fts (rowid, body) VALUES (new.rowid, ${BODY('new')});
END;
CREATE TRIGGER mandate_fts_update AFTER UPDATE OF text, givers, address, deleted_at ON mandates BEGIN
  DELETE FROM mandate_fts WHERE rowid = old.rowid;
  INSERT INTO mandate_fts (rowid, body) SELECT new.rowid, ${BODY('new')} WHERE new.deleted_at IS NULL;
END;
CREATE TRIGGER mandate_fts_delete AFTER DELETE ON mandates BEGIN
  DELETE FROM mandate_fts WHERE rowid = old.rowid;
END;
`);
  },
};

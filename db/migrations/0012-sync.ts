import type { Migration } from './types';

/**
 * Office → HQ sync. `sync_rows` is each synced row as sync last knew it, with a clock (and the writer's
 * base, what it had seen) per field: per-field last-writer-wins needs them, and the change log keeps
 * only row-level stamps. A field's clock is the row's `hlc` unless listed in `clocks`; `pending` marks
 * a row HQ has not acknowledged yet. `sync_conflicts` keeps both values of every merge that dropped
 * an edit. `sync_state` holds the enrolment, cursors and the last result.
 */
export const m0012: Migration = {
  version: 12,
  name: 'sync',
  up: (db) => {
    db.exec(`
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE sync_rows (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  office_id TEXT NOT NULL,
  hlc TEXT NOT NULL,
  data TEXT NOT NULL,
  clocks TEXT,
  bases TEXT,
  pending INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (table_name, row_id)
) STRICT, WITHOUT ROWID;
-- The rows to send, in key order, so a sync can take the next batch while the previous one is on its way.
CREATE INDEX sync_rows_pending ON sync_rows (table_name, row_id) WHERE pending = 1;

CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY,
  office_id TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  kept_value TEXT,
  kept_hlc TEXT NOT NULL,
  lost_value TEXT,
  lost_hlc TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IN ('kept', 'restored')),
  pending INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sync_conflicts_row ON sync_conflicts (table_name, row_id);
CREATE INDEX sync_conflicts_open ON sync_conflicts (detected_at) WHERE resolved_at IS NULL;
CREATE INDEX sync_conflicts_pending ON sync_conflicts (pending) WHERE pending = 1;
`);
  },
};

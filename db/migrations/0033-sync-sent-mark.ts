import type { Migration } from './types';

/**
 * The office's rows to send are numbered in the order they became pending (`sync_rows.pending`: 0 for
 * a row HQ holds as it stands, otherwise a number higher than any before), and HQ's acknowledgement of
 * a batch is one high-water mark in `sync_state` (`sent_through`): a row is pending while its number is
 * above the mark. Acknowledging a batch was a rewrite of each of its rows, every old copy zeroed
 * (secure_delete); now it is one small write. Rows pending before (all marked 1) are numbered in key
 * order, the order they were sent in.
 */
export const m0033: Migration = {
  version: 33,
  name: 'sync-sent-mark',
  up: (db) => {
    db.exec(`
DROP INDEX sync_rows_pending;
-- The rows to send in the order they became pending, and the next number (the highest, by the index).
CREATE INDEX sync_rows_pending ON sync_rows (pending);
UPDATE sync_rows SET pending = numbered.n
FROM (SELECT table_name AS t, row_id AS r, row_number() OVER (ORDER BY table_name, row_id) AS n
      FROM sync_rows WHERE pending = 1) AS numbered
WHERE sync_rows.table_name = numbered.t AND sync_rows.row_id = numbered.r;
`);
  },
};

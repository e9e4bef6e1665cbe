import type { Migration } from './types';

/**
 * A batch of registrations counts its appeals once. The statistics' triggers (migration «statistics»)
 * add some twenty rows to `appeal_counts` for every appeal and topic inserted, the largest part of a
 * registration's cost at a million appeals. A bulk write (`appeals.registerBatch`) may take that over
 * for its own transaction: with `appeal_counts_state.deferred` set, the two insert triggers stand aside
 * and the batch adds its appeals' counts in one grouped statement before it commits (see
 * `main/reports/statistics/batch.ts`). The flag is only ever set inside that transaction, so no
 * other writer sees it; every other trigger stays as it was.
 *
 * The triggers are rewritten from their own text in the file, with the condition added.
 */
const DEFERRABLE = [
  { name: 'appeal_counts_insert', head: 'AFTER INSERT ON appeals' },
  { name: 'appeal_counts_topic_insert', head: 'AFTER INSERT ON appeal_topics' },
];
const LIVE = 'WHEN (SELECT deferred FROM appeal_counts_state) = 0';

export const m0015: Migration = {
  version: 15,
  name: 'batch-counts',
  up: (db) => {
    db.exec(`
CREATE TABLE appeal_counts_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  deferred INTEGER NOT NULL CHECK (deferred IN (0, 1))
) STRICT;
INSERT INTO appeal_counts_state (id, deferred) VALUES (1, 0);
`);
    for (const t of DEFERRABLE) {
      const row = db
        .prepare<[string], { sql: string }>(
          "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        )
        .get(t.name);
      if (!row || !row.sql.includes(`${t.head} BEGIN`))
        throw new Error(`migration 15: trigger ${t.name} is not as migration 10 made it`);
      db.exec(`DROP TRIGGER ${t.name}`);
      db.exec(row.sql.replace(`${t.head} BEGIN`, `${t.head} ${LIVE} BEGIN`));
    }
  },
};

import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * The statistics keep the appeals received by question too (measure `question`: the first four parts of
 * a topic's code, so a subquestion counts under its question; an appeal once per question), beside the
 * section and subject counts of migration «statistics». «Частые тематики» name the questions most
 * written about, and summing a year's month rows stays a few hundred rows at a million appeals, where
 * reading the year's appeals and their topics took seconds.
 *
 * The triggers are rewritten from their own text in the file (as migration «batch-counts» did), each
 * `subject` part followed by the same part for `question`; the batch's grouped count
 * (`main/reports/statistics/batch.ts`) counts it too.
 */
const SUBJECT_ROW =
  /( *)UNION ALL SELECT DISTINCT 'subject', (OLD|NEW)\.registered_on, substr\(t\.code, 1, 9\)\s+FROM appeal_topics t WHERE t\.appeal_id = \2\.id AND \2\.deleted_at IS NULL/g;
const SUBJECT_TOPIC =
  /( *)UNION ALL SELECT 'subject', substr\((OLD|NEW)\.code, 1, 9\) WHERE NOT EXISTS \(SELECT 1 FROM appeal_topics o WHERE o\.appeal_id = \2\.appeal_id AND o\.code <> \2\.code\s+AND substr\(o\.code, 1, 9\) = substr\(\2\.code, 1, 9\)\)/g;

const TRIGGERS: { name: string; pattern: RegExp; parts: number }[] = [
  { name: 'appeal_counts_insert', pattern: SUBJECT_ROW, parts: 1 },
  { name: 'appeal_counts_update', pattern: SUBJECT_ROW, parts: 2 },
  { name: 'appeal_counts_delete', pattern: SUBJECT_ROW, parts: 1 },
  { name: 'appeal_counts_topic_insert', pattern: SUBJECT_TOPIC, parts: 1 },
  { name: 'appeal_counts_topic_delete', pattern: SUBJECT_TOPIC, parts: 1 },
];

/** The question counts of the rows already there (and of a bulk load's, which fills after it inserts). */
export function fillQuestionCounts(db: Database): void {
  db.exec(`
DELETE FROM appeal_counts WHERE measure = 'question';
INSERT INTO appeal_counts (measure, day, office_id, key, n)
SELECT 'question', substr(d, 1, g.len), o, k, count(*) FROM (
  SELECT DISTINCT a.id, a.registered_on AS d, a.office_id AS o, substr(t.code, 1, 19) AS k
  FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id WHERE a.deleted_at IS NULL
), (SELECT 10 AS len UNION ALL SELECT 7) g
GROUP BY 1, 2, 3, 4;
`);
}

export const m0025: Migration = {
  version: 25,
  name: 'question-counts',
  up: (db) => {
    for (const t of TRIGGERS) {
      const row = db
        .prepare<[string], { sql: string }>(
          "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
        )
        .get(t.name);
      const found = row?.sql.match(t.pattern)?.length ?? 0;
      if (!row || found !== t.parts)
        throw new Error(`migration 25: trigger ${t.name} is not as migration 10 made it`);
      const sql = row.sql.replace(
        t.pattern,
        (part: string) =>
          `${part}\n${part.replace(/'subject'/, "'question'").replace(/, 1, 9\)/g, ', 1, 19)')}`,
      );
      db.exec(`DROP TRIGGER ${t.name}`);
      db.exec(sql);
    }
    fillQuestionCounts(db);
  },
};

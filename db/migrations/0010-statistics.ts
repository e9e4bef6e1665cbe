import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * Statistics for a period stay instant at an HQ's million appeals: the counts per office are kept in
 * `appeal_counts` (measure, day, office, key → n), each for its day (`day` = `YYYY-MM-DD`) and for its
 * month (`YYYY-MM`), so a year's page sums twelve months' rows (and the days of a month begun) instead
 * of reading four hundred thousand appeals with their topics and applicants.
 *
 * Triggers keep it, so every write that touches an appeal — the desk's, the scheduler's, a sync's — updates
 * it in its own transaction, and no service can forget to. A row's counts are subtracted as it was and
 * added as it is; an appeal counts while it is not deleted. Received appeals count on `registered_on`
 * (by channel, kind, repeat, collective, the applicant's district, each classifier section and subject
 * once, and whether it has any topic); closed ones on `closed_on` (by result, late or on time, and the
 * whole days it took). Derived data, local to the file: never synced itself.
 *
 * Requests count the same way on the day they were sent, by body: sent and answered. Which of them are
 * overdue depends on today, so that figure reads the requests still awaiting an answer, on an index.
 */

type Row = 'NEW' | 'OLD';

/** Every (measure, day, key) a live appeal row counts under, as one SELECT over the row `r`. */
function countsOf(r: Row): string {
  const received = `${r}.deleted_at IS NULL`;
  const closed = `${r}.deleted_at IS NULL AND ${r}.status = 'closed' AND ${r}.closed_on IS NOT NULL`;
  return `
    SELECT 'received' AS m, ${r}.registered_on AS d, '' AS k WHERE ${received}
    UNION ALL SELECT 'channel', ${r}.registered_on, ${r}.channel WHERE ${received}
    UNION ALL SELECT 'kind', ${r}.registered_on, ${r}.kind WHERE ${received}
    UNION ALL SELECT 'repeat', ${r}.registered_on, '' WHERE ${received} AND ${r}.is_repeat
    UNION ALL SELECT 'collective', ${r}.registered_on, '' WHERE ${received} AND ${r}.is_collective
    UNION ALL SELECT 'district', ${r}.registered_on,
      coalesce((SELECT c.district FROM contacts c WHERE c.id = ${r}.applicant_id), '') WHERE ${received}
    UNION ALL SELECT DISTINCT 'section', ${r}.registered_on, substr(t.code, 1, 4)
      FROM appeal_topics t WHERE t.appeal_id = ${r}.id AND ${received}
    UNION ALL SELECT DISTINCT 'subject', ${r}.registered_on, substr(t.code, 1, 9)
      FROM appeal_topics t WHERE t.appeal_id = ${r}.id AND ${received}
    UNION ALL SELECT 'topical', ${r}.registered_on, ''
      WHERE ${received} AND EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = ${r}.id)
    UNION ALL SELECT 'result', ${r}.closed_on, coalesce(${r}.result, '') WHERE ${closed}
    UNION ALL SELECT 'late', ${r}.closed_on, CASE WHEN ${r}.reviewed_late THEN '1' ELSE '0' END WHERE ${closed}
    UNION ALL SELECT 'days', ${r}.closed_on,
      CAST(CAST(julianday(${r}.closed_on) - julianday(${r}.registered_on) AS INTEGER) AS TEXT) WHERE ${closed}`;
}

const UPSERT = `INSERT INTO appeal_counts (measure, day, office_id, key, n)`;
/** Each count is kept for its day (`YYYY-MM-DD`) and for its month (`YYYY-MM`): a year sums twelve months. */
const GRAINS = `(SELECT 10 AS len UNION ALL SELECT 7) g`;
const ON_CONFLICT = `ON CONFLICT (measure, day, office_id, key) DO UPDATE SET n = n + excluded.n`;

const apply = (r: Row, sign: 1 | -1, rows: (r: Row) => string = countsOf): string =>
  `${UPSERT} SELECT m, substr(d, 1, g.len), ${r}.office_id, k, ${sign} FROM (${rows(r)}), ${GRAINS}
    WHERE true ${ON_CONFLICT};`;

/** A request counts on the day it was sent, by body: sent, and answered (whenever the answer came). */
function requestCountsOf(r: Row): string {
  const sent = `${r}.deleted_at IS NULL AND ${r}.sent_on IS NOT NULL`;
  return `
    SELECT 'request_sent' AS m, ${r}.sent_on AS d, coalesce(${r}.body_id, '') AS k WHERE ${sent}
    UNION ALL SELECT 'request_answered', ${r}.sent_on, coalesce(${r}.body_id, '')
      WHERE ${sent} AND ${r}.answered_on IS NOT NULL`;
}
const requestChanged = ['office_id', 'sent_on', 'body_id', 'answered_on', 'deleted_at']
  .map((c) => `OLD.${c} IS NOT NEW.${c}`)
  .join(' OR ');

/** The columns the counts read: an update that changes none of them costs one comparison. */
const COUNTED = [
  'office_id',
  'registered_on',
  'channel',
  'kind',
  'is_repeat',
  'is_collective',
  'applicant_id',
  'deleted_at',
  'status',
  'closed_on',
  'result',
  'reviewed_late',
];
const changed = COUNTED.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/**
 * A topic added or removed changes its section's and subject's count only when it was the appeal's
 * first (or last) of that section or subject, and `topical` only for the appeal's first (or last) topic.
 */
function topicCounts(r: Row, sign: 1 | -1): string {
  const others = (len: number) =>
    `NOT EXISTS (SELECT 1 FROM appeal_topics o WHERE o.appeal_id = ${r}.appeal_id AND o.code <> ${r}.code
      AND substr(o.code, 1, ${len}) = substr(${r}.code, 1, ${len}))`;
  return `${UPSERT}
    SELECT x.m, substr(a.registered_on, 1, g.len), a.office_id, x.k, ${sign}
    FROM appeals a, ${GRAINS}, (
      SELECT 'section' AS m, substr(${r}.code, 1, 4) AS k WHERE ${others(4)}
      UNION ALL SELECT 'subject', substr(${r}.code, 1, 9) WHERE ${others(9)}
      UNION ALL SELECT 'topical', '' WHERE ${others(0)}
    ) x
    WHERE a.id = ${r}.appeal_id AND a.deleted_at IS NULL ${ON_CONFLICT};`;
}

/** A contact's district moves the counts of its live appeals from the old district to the new. */
function districtCounts(r: Row, sign: 1 | -1): string {
  return `${UPSERT}
    SELECT 'district', substr(a.registered_on, 1, g.len), a.office_id, coalesce(${r}.district, ''), ${sign} * count(*)
    FROM appeals a, ${GRAINS} WHERE a.applicant_id = ${r}.id AND a.deleted_at IS NULL
    GROUP BY 2, 3 ${ON_CONFLICT};`;
}

/**
 * The counts of the rows already there, as the triggers would have made them one by one: the migration's
 * first fill (and a bulk load's, which leaves the triggers off while it inserts).
 */
export function fillCounts(db: Database): void {
  db.exec(`
INSERT INTO appeal_counts (measure, day, office_id, key, n)
SELECT m, substr(d, 1, g.len), o, k, count(*) FROM (
  SELECT 'received' AS m, registered_on AS d, office_id AS o, '' AS k FROM appeals WHERE deleted_at IS NULL
  UNION ALL SELECT 'channel', registered_on, office_id, channel FROM appeals WHERE deleted_at IS NULL
  UNION ALL SELECT 'kind', registered_on, office_id, kind FROM appeals WHERE deleted_at IS NULL
  UNION ALL SELECT 'repeat', registered_on, office_id, '' FROM appeals WHERE deleted_at IS NULL AND is_repeat
  UNION ALL SELECT 'collective', registered_on, office_id, '' FROM appeals
    WHERE deleted_at IS NULL AND is_collective
  UNION ALL SELECT 'district', a.registered_on, a.office_id, coalesce(c.district, '')
    FROM appeals a LEFT JOIN contacts c ON c.id = a.applicant_id WHERE a.deleted_at IS NULL
  UNION ALL SELECT 'section', d, o, k FROM (SELECT DISTINCT a.id, a.registered_on AS d, a.office_id AS o,
    substr(t.code, 1, 4) AS k FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id WHERE a.deleted_at IS NULL)
  UNION ALL SELECT 'subject', d, o, k FROM (SELECT DISTINCT a.id, a.registered_on AS d, a.office_id AS o,
    substr(t.code, 1, 9) AS k FROM appeals a JOIN appeal_topics t ON t.appeal_id = a.id WHERE a.deleted_at IS NULL)
  UNION ALL SELECT 'topical', registered_on, office_id, '' FROM appeals a
    WHERE deleted_at IS NULL AND EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id)
  UNION ALL SELECT 'result', closed_on, office_id, coalesce(result, '') FROM appeals
    WHERE deleted_at IS NULL AND status = 'closed' AND closed_on IS NOT NULL
  UNION ALL SELECT 'late', closed_on, office_id, CASE WHEN reviewed_late THEN '1' ELSE '0' END FROM appeals
    WHERE deleted_at IS NULL AND status = 'closed' AND closed_on IS NOT NULL
  UNION ALL SELECT 'days', closed_on, office_id,
    CAST(CAST(julianday(closed_on) - julianday(registered_on) AS INTEGER) AS TEXT) FROM appeals
    WHERE deleted_at IS NULL AND status = 'closed' AND closed_on IS NOT NULL
  UNION ALL SELECT 'request_sent', sent_on, office_id, coalesce(body_id, '') FROM external_requests
    WHERE deleted_at IS NULL AND sent_on IS NOT NULL
  UNION ALL SELECT 'request_answered', sent_on, office_id, coalesce(body_id, '') FROM external_requests
    WHERE deleted_at IS NULL AND sent_on IS NOT NULL AND answered_on IS NOT NULL
), ${GRAINS}
GROUP BY 1, 2, 3, 4;
`);
}

export const m0010: Migration = {
  version: 10,
  name: 'statistics',
  up: (db) => {
    db.exec(`
CREATE TABLE appeal_counts (
  measure TEXT NOT NULL,
  day TEXT NOT NULL,
  office_id TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (measure, day, office_id, key)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER appeal_counts_insert AFTER INSERT ON appeals BEGIN
  ${apply('NEW', 1)}
END;
CREATE TRIGGER appeal_counts_update AFTER UPDATE ON appeals WHEN ${changed} BEGIN
  ${apply('OLD', -1)}
  ${apply('NEW', 1)}
END;
-- BEFORE: the appeal's topics are still there to be subtracted; the topics' own delete trigger then
-- finds no live appeal and subtracts nothing twice.
CREATE TRIGGER appeal_counts_delete BEFORE DELETE ON appeals BEGIN
  ${apply('OLD', -1)}
END;
CREATE TRIGGER appeal_counts_topic_insert AFTER INSERT ON appeal_topics BEGIN
  ${topicCounts('NEW', 1)}
END;
CREATE TRIGGER appeal_counts_topic_delete AFTER DELETE ON appeal_topics BEGIN
  ${topicCounts('OLD', -1)}
END;
CREATE TRIGGER appeal_counts_district AFTER UPDATE OF district ON contacts
WHEN OLD.district IS NOT NEW.district BEGIN
  ${districtCounts('OLD', -1)}
  ${districtCounts('NEW', 1)}
END;

CREATE TRIGGER request_counts_insert AFTER INSERT ON external_requests BEGIN
  ${apply('NEW', 1, requestCountsOf)}
END;
CREATE TRIGGER request_counts_update AFTER UPDATE ON external_requests WHEN ${requestChanged} BEGIN
  ${apply('OLD', -1, requestCountsOf)}
  ${apply('NEW', 1, requestCountsOf)}
END;
CREATE TRIGGER request_counts_delete BEFORE DELETE ON external_requests BEGIN
  ${apply('OLD', -1, requestCountsOf)}
END;

-- The requests still awaiting an answer, by the day sent, with what "overdue by body" reads: the index
-- alone answers it. (status and deleted_at are columns too: SQLite reads the row for a column the
-- index does not hold, even one its condition fixes.)
CREATE INDEX external_requests_awaiting ON external_requests
  (sent_on, status, due_date, office_id, body_id, deleted_at) WHERE status = 'sent';
`);
    fillCounts(db);
  },
};

import type { WriteDb } from '../../../db/sql';

/**
 * The statistics' counts of one batch of new appeals (migration «batch-counts»). The insert triggers
 * would add each appeal's and each topic's rows to `appeal_counts` one by one, about twenty upserts an
 * appeal; a batch of a day's appeals shares most of them. Here the triggers stand aside for the rest of
 * the transaction, and `finish` adds the batch's appeals, as they are by then, in one grouped statement:
 * the same measures the triggers count (received by channel, kind, repeat, collective, district, section,
 * subject, question and topical on the registration day; result, late and days on the closing day), each for its
 * day and its month.
 *
 * Only appeals and topics inserted in the batch may go uncounted: anything else the transaction writes
 * (an appeal updated, a contact's district changed) is still counted by its trigger.
 */
const COUNT_BATCH = `
WITH b AS MATERIALIZED (
  SELECT id, office_id, registered_on, channel, kind, is_repeat, is_collective, applicant_id, status,
    closed_on, result, reviewed_late
  FROM appeals WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
), bt AS MATERIALIZED (
  SELECT DISTINCT b.id, b.registered_on AS d, b.office_id AS o, t.code
  FROM b JOIN appeal_topics t ON t.appeal_id = b.id
)
INSERT INTO appeal_counts (measure, day, office_id, key, n)
SELECT m, substr(d, 1, g.len), o, k, count(*) FROM (
  SELECT 'received' AS m, registered_on AS d, office_id AS o, '' AS k FROM b
  UNION ALL SELECT 'channel', registered_on, office_id, channel FROM b
  UNION ALL SELECT 'kind', registered_on, office_id, kind FROM b
  UNION ALL SELECT 'repeat', registered_on, office_id, '' FROM b WHERE is_repeat
  UNION ALL SELECT 'collective', registered_on, office_id, '' FROM b WHERE is_collective
  UNION ALL SELECT 'district', b.registered_on, b.office_id, coalesce(c.district, '')
    FROM b LEFT JOIN contacts c ON c.id = b.applicant_id
  UNION ALL SELECT 'section', d, o, k FROM (SELECT DISTINCT id, d, o, substr(code, 1, 4) AS k FROM bt)
  UNION ALL SELECT 'subject', d, o, k FROM (SELECT DISTINCT id, d, o, substr(code, 1, 9) AS k FROM bt)
  UNION ALL SELECT 'question', d, o, k FROM (SELECT DISTINCT id, d, o, substr(code, 1, 19) AS k FROM bt)
  UNION ALL SELECT 'topical', d, o, '' FROM (SELECT DISTINCT id, d, o FROM bt)
  UNION ALL SELECT 'result', closed_on, office_id, coalesce(result, '') FROM b
    WHERE status = 'closed' AND closed_on IS NOT NULL
  UNION ALL SELECT 'late', closed_on, office_id, CASE WHEN reviewed_late THEN '1' ELSE '0' END FROM b
    WHERE status = 'closed' AND closed_on IS NOT NULL
  UNION ALL SELECT 'days', closed_on, office_id,
    CAST(CAST(julianday(closed_on) - julianday(registered_on) AS INTEGER) AS TEXT) FROM b
    WHERE status = 'closed' AND closed_on IS NOT NULL
), (SELECT 10 AS len UNION ALL SELECT 7) g
WHERE true
GROUP BY 1, 2, 3, 4
ON CONFLICT (measure, day, office_id, key) DO UPDATE SET n = n + excluded.n`;

export class AppealCountBatch {
  private readonly rowids: number[] = [];

  constructor(private readonly db: WriteDb) {
    db.rawRun('UPDATE appeal_counts_state SET deferred = 1');
  }

  /** An appeal inserted in this batch (its topics are counted with it). */
  added(rowid: number | bigint): void {
    this.rowids.push(Number(rowid));
  }

  /** Counts the batch's appeals and gives the counting back to the triggers; call before commit. */
  finish(): void {
    if (this.rowids.length > 0) this.db.rawRun(COUNT_BATCH, JSON.stringify(this.rowids));
    this.db.rawRun('UPDATE appeal_counts_state SET deferred = 0');
  }
}

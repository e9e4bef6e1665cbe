/**
 * The deputy's own-initiative requests in the period report, apart from the requests on appeals: by body,
 * those sent in the period, how many have their answer, and how many wait past their term. They have no
 * question of the classifier, so a report narrowed to a question has none.
 */
import type { ReadDb } from '../../db/sql';
import type { PeriodReport, ReportFilter } from '../../shared/api/documents';
import { officeCondition } from './statistics/counts';

export function ownRequestsByBody(
  db: ReadDb,
  f: ReportFilter & { officeIds?: readonly string[] },
  asOf: string,
): PeriodReport['requests'] {
  if (f.topic) return [];
  const o = officeCondition('r.office_id', f.officeIds);
  const who = f.responsibleId ? 'AND r.responsible_id = ?' : '';
  return db.rawAll<PeriodReport['requests'][number]>(
    `SELECT r.body_id AS bodyId, b.name AS body, count(*) AS sent, count(r.answered_on) AS answered,
            coalesce(sum(r.status = 'sent' AND r.due_date < ?), 0) AS overdue
     FROM own_requests r LEFT JOIN bodies b ON b.id = r.body_id
     WHERE r.deleted_at IS NULL AND r.sent_on BETWEEN ? AND ? ${who} ${o.sql ? `AND ${o.sql}` : ''}
     GROUP BY r.body_id ORDER BY sent DESC, body`,
    asOf,
    f.from,
    f.to,
    ...(f.responsibleId ? [f.responsibleId] : []),
    ...o.params,
  );
}

/**
 * The figures of a report for a period: plain functions over a read handle and a filter, so the report
 * documents and the dashboard ask the same questions and each figure can be checked by one direct count.
 *
 * Which appeals count where: «received» are those registered in the period; «closed» those closed in it
 * (whenever registered); «overdue now» the open ones past their control date on the report's date.
 * The filter's section, topic and responsible person narrow all of them.
 */
import type { ReadDb } from '../../../db/sql';
import type { PeriodReport, ReportFilter } from '../../../shared/api/documents';

export type { Count, PeriodReport, ReportFilter };
type Count = PeriodReport['byChannel'][number];

interface Scope {
  sql: string;
  params: unknown[];
}

/** The filter's topic and responsible person as SQL over the appeals alias `a`. */
function scope(f: ReportFilter): Scope {
  const parts = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.responsibleId) {
    parts.push('a.responsible_id = ?');
    params.push(f.responsibleId);
  }
  if (f.topic) {
    parts.push(
      'EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id AND t.code >= ? AND t.code < ?)',
    );
    params.push(f.topic, f.topic + '\uffff');
  }
  return { sql: parts.join(' AND '), params };
}

const RECEIVED = 'a.registered_on BETWEEN ? AND ?';
const CLOSED = "a.status = 'closed' AND a.closed_on BETWEEN ? AND ?";
const OVERDUE = "a.status <> 'closed' AND a.due_date < ?";

function countWhere(db: ReadDb, s: Scope, cond: string, params: unknown[]): number {
  return (
    db.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM appeals a WHERE ${s.sql} AND ${cond}`,
      ...s.params,
      ...params,
    )?.n ?? 0
  );
}

function groupWhere(db: ReadDb, s: Scope, column: string, cond: string, params: unknown[]): Count[] {
  return db.rawAll<Count>(
    `SELECT coalesce(${column}, '') AS key, count(*) AS count FROM appeals a
     WHERE ${s.sql} AND ${cond} GROUP BY 1 ORDER BY count DESC, key`,
    ...s.params,
    ...params,
  );
}

export function receivedCount(db: ReadDb, f: ReportFilter): number {
  return countWhere(db, scope(f), RECEIVED, [f.from, f.to]);
}

export function receivedBy(db: ReadDb, f: ReportFilter, by: 'channel' | 'kind'): Count[] {
  return groupWhere(db, scope(f), `a.${by}`, RECEIVED, [f.from, f.to]);
}

export function receivedBySection(db: ReadDb, f: ReportFilter): Count[] {
  const s = scope(f);
  return db.rawAll<Count>(
    `SELECT coalesce(substr(t.code, 1, 4), '') AS key, count(DISTINCT a.id) AS count
     FROM appeals a LEFT JOIN appeal_topics t ON t.appeal_id = a.id
     WHERE ${s.sql} AND ${RECEIVED} GROUP BY 1 ORDER BY key = '', key`,
    ...s.params,
    f.from,
    f.to,
  );
}

export function closedCounts(db: ReadDb, f: ReportFilter): { closed: number; onTime: number; late: number } {
  const s = scope(f);
  const r = db.rawGet<{ closed: number; late: number | null }>(
    `SELECT count(*) AS closed, sum(coalesce(a.reviewed_late, 0)) AS late FROM appeals a
     WHERE ${s.sql} AND ${CLOSED}`,
    ...s.params,
    f.from,
    f.to,
  );
  const closed = r?.closed ?? 0;
  const late = r?.late ?? 0;
  return { closed, onTime: closed - late, late };
}

export function closedByResult(db: ReadDb, f: ReportFilter): Count[] {
  return groupWhere(db, scope(f), 'a.result', CLOSED, [f.from, f.to]);
}

export function overdueNow(db: ReadDb, f: ReportFilter, asOf: string): number {
  return countWhere(db, scope(f), OVERDUE, [asOf]);
}

export function avgDaysToClose(db: ReadDb, f: ReportFilter): number | null {
  const s = scope(f);
  const r = db.rawGet<{ avg: number | null }>(
    `SELECT avg(julianday(a.closed_on) - julianday(a.registered_on)) AS avg FROM appeals a
     WHERE ${s.sql} AND ${CLOSED}`,
    ...s.params,
    f.from,
    f.to,
  );
  return r?.avg == null ? null : Math.round(r.avg * 10) / 10;
}

/** Requests sent in the period, by body: how many were answered, and how many are past due unanswered now. */
export function requestsByBody(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport['requests'] {
  const s = scope(f);
  return db.rawAll<PeriodReport['requests'][number]>(
    `SELECT r.body_id AS bodyId, b.name AS body, count(*) AS sent,
            count(r.answered_on) AS answered,
            sum(r.status = 'sent' AND r.due_date < ?) AS overdue
     FROM external_requests r
     JOIN appeals a ON a.id = r.appeal_id
     LEFT JOIN bodies b ON b.id = r.body_id
     WHERE r.deleted_at IS NULL AND r.sent_on BETWEEN ? AND ? AND ${s.sql}
     GROUP BY r.body_id ORDER BY sent DESC, body`,
    asOf,
    f.from,
    f.to,
    ...s.params,
  );
}

/** Per responsible person: received in the period, open now, closed in the period, overdue now. */
export function staffLoad(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport['staff'] {
  const s = scope(f);
  return db.rawAll<PeriodReport['staff'][number]>(
    `SELECT a.responsible_id AS userId, u.full_name AS name,
            sum(a.registered_on BETWEEN ? AND ?) AS received,
            sum(a.status <> 'closed') AS open,
            sum(a.status = 'closed' AND a.closed_on BETWEEN ? AND ?) AS closed,
            sum(a.status <> 'closed' AND a.due_date < ?) AS overdue
     FROM appeals a LEFT JOIN users u ON u.id = a.responsible_id
     WHERE ${s.sql} AND (a.registered_on BETWEEN ? AND ? OR a.status <> 'closed'
                         OR a.closed_on BETWEEN ? AND ?)
     GROUP BY a.responsible_id ORDER BY u.full_name IS NULL, u.full_name`,
    f.from,
    f.to,
    f.from,
    f.to,
    asOf,
    ...s.params,
    f.from,
    f.to,
    f.from,
    f.to,
  );
}

export function periodReport(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport {
  const s = scope(f);
  const closed = closedCounts(db, f);
  return {
    filter: f,
    asOf,
    received: receivedCount(db, f),
    collective: countWhere(db, s, `${RECEIVED} AND a.is_collective = 1`, [f.from, f.to]),
    repeat: countWhere(db, s, `${RECEIVED} AND a.is_repeat = 1`, [f.from, f.to]),
    byChannel: receivedBy(db, f, 'channel'),
    byKind: receivedBy(db, f, 'kind'),
    bySection: receivedBySection(db, f),
    closed: closed.closed,
    closedOnTime: closed.onTime,
    closedLate: closed.late,
    byResult: closedByResult(db, f),
    overdueNow: overdueNow(db, f, asOf),
    avgDaysToClose: avgDaysToClose(db, f),
    requests: requestsByBody(db, f, asOf),
    staff: staffLoad(db, f, asOf),
  };
}

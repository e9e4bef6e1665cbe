/**
 * The figures of a report for a period: plain functions over a read handle and a filter, so the report
 * documents and the dashboard ask the same questions and each figure can be checked by one direct count.
 *
 * Which appeals count where: «received» are those registered in the period; «closed» those closed in it
 * (whenever registered); «overdue now» the open ones past their control date on the report's date.
 * The filter's section, topic and responsible person narrow all of them.
 */
import type { ReadDb } from '../../db/sql';
import type { PeriodReport, ReportFilter as ApiReportFilter } from '../../shared/api/documents';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import { lateRegistration } from '../appeals/queries';
import { assignmentLoad } from '../assignments/load';
import { codeNames } from '../classifier/queries';
import { counts, officeCondition, type Scope } from './statistics/counts';
import { ownRequestsByBody } from './own-requests';

export type { Count, PeriodReport };
type Count = PeriodReport['byChannel'][number];

/**
 * The contract's filter and whose appeals: an office reports on its own (`officeIds`: its one id); a
 * report over every office's appeals (the headquarters' database) leaves it out.
 */
export type ReportFilter = ApiReportFilter & { officeIds?: readonly string[] };

/** The filter's topic and responsible person as SQL over the appeals alias `a`. */
export function scope(f: ReportFilter): Scope {
  const parts = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  const offices = officeCondition('a.office_id', f.officeIds);
  if (offices.sql) {
    parts.push(offices.sql);
    params.push(...offices.params);
  }
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

/**
 * Requests sent in the period, by body: how many were answered, and how many are past due unanswered now.
 * Without a topic or a person to narrow the appeals, the requests' own office is enough: sent and
 * answered come from the counts kept by body and day, and the overdue from the requests still awaiting an
 * answer, on their index (named: with few bodies the planner would rather walk the body index, reading
 * every request ever sent).
 */
export function requestsByBody(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport['requests'] {
  if (!f.topic && !f.responsibleId) {
    const names = new Map(
      db.all(db.qb.selectFrom('bodies').select(['id', 'name'])).map((b) => [b.id, b.name] as const),
    );
    const answered = new Map(counts(db, f, 'request_answered', 'key').map((c) => [c.key, c.count]));
    const o = officeCondition('r.office_id', f.officeIds);
    const overdue = new Map(
      db
        .rawAll<{ key: string; n: number }>(
          `SELECT coalesce(r.body_id, '') AS key, count(*) AS n
           FROM external_requests r INDEXED BY external_requests_awaiting
           WHERE r.status = 'sent' AND r.deleted_at IS NULL AND r.sent_on BETWEEN ? AND ? AND r.due_date < ?
             ${o.sql ? `AND ${o.sql}` : ''}
           GROUP BY 1`,
          f.from,
          f.to,
          asOf,
          ...o.params,
        )
        .map((r) => [r.key, r.n]),
    );
    return (
      counts(db, f, 'request_sent', 'key')
        .map((c) => ({
          bodyId: c.key || null,
          body: c.key ? (names.get(c.key) ?? null) : null,
          sent: c.count,
          answered: answered.get(c.key) ?? 0,
          overdue: overdue.get(c.key) ?? 0,
        }))
        // As SQLite orders them: most sent first, then by name in code-point order, the nameless first.
        .sort((a, b) => b.sent - a.sent || ((a.body ?? '') < (b.body ?? '') ? -1 : a.body === b.body ? 0 : 1))
    );
  }
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

type Staff = PeriodReport['staff'][number];

/**
 * The staff's поручения beside their appeals: a person with поручения only gets a row of their own. A
 * report narrowed to a topic is about appeals alone (поручения have none).
 */
function withAssignments(
  db: ReadDb,
  f: ReportFilter,
  asOf: string,
  staff: Staff[],
  name: (id: string) => string | null,
): Staff[] {
  if (f.topic) return staff;
  const load = assignmentLoad(
    db,
    { from: f.from, to: f.to, assigneeId: f.responsibleId, officeIds: f.officeIds },
    asOf,
  );
  const out = staff.map((p) => {
    const a = p.userId ? load.get(p.userId) : undefined;
    return a ? { ...p, assignments: a } : p;
  });
  const shown = new Set(staff.map((p) => p.userId));
  for (const [id, a] of load)
    if (!shown.has(id))
      out.push({ userId: id, name: name(id), received: 0, open: 0, closed: 0, overdue: 0, assignments: a });
  return out.length > staff.length ? out.sort(byName) : out;
}

const byName = (x: Staff, y: Staff): number =>
  x.name === null ? 1 : y.name === null ? -1 : x.name.localeCompare(y.name, 'ru');

const userName = (db: ReadDb) => (id: string) =>
  db.get(db.qb.selectFrom('users').select('full_name').where('id', '=', id))?.full_name ?? null;

/**
 * Per responsible person: received in the period, open now, closed in the period, overdue now; and
 * their поручения.
 */
export function staffLoad(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport['staff'] {
  return withAssignments(db, f, asOf, appealStaffLoad(db, f, asOf), userName(db));
}

function appealStaffLoad(db: ReadDb, f: ReportFilter, asOf: string): Staff[] {
  const s = scope(f);
  return db.rawAll<Staff>(
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

interface Tally {
  key: string;
  count: number;
}

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

const sorted = (m: Map<string, number>): Tally[] =>
  [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((x, y) => y.count - x.count || x.key.localeCompare(y.key));

/**
 * The whole report in four passes over the appeals (received, closed, open, topics) instead of one
 * query a figure: each figure is the sum of the same rows the single-figure functions above count, and
 * the tests hold both to direct SQL. At 100k appeals a pass costs a table's read, so the passes count.
 */
export function periodReport(db: ReadDb, f: ReportFilter, asOf: string): PeriodReport {
  const s = scope(f);
  const staff = new Map<string | null, PeriodReport['staff'][number]>();
  const person = (id: string | null) => {
    let p = staff.get(id);
    if (!p) staff.set(id, (p = { userId: id, name: null, received: 0, open: 0, closed: 0, overdue: 0 }));
    return p;
  };
  const channels = new Map<string, number>();
  const kinds = new Map<string, number>();
  let received = 0;
  let collective = 0;
  let repeat = 0;
  // Grouped inside SQLite: a hundred thousand rows never cross into JavaScript.
  type Received = { channel: string; kind: string; rid: string | null; n: number; coll: number; rep: number };
  for (const r of db.rawAll<Received>(
    `SELECT a.channel, a.kind, a.responsible_id AS rid, count(*) AS n,
            sum(a.is_collective) AS coll, sum(a.is_repeat) AS rep
     FROM appeals a WHERE ${s.sql} AND ${RECEIVED} GROUP BY 1, 2, 3`,
    ...s.params,
    f.from,
    f.to,
  )) {
    received += r.n;
    collective += r.coll;
    repeat += r.rep;
    add(channels, r.channel, r.n);
    add(kinds, r.kind, r.n);
    person(r.rid).received += r.n;
  }
  const results = new Map<string, number>();
  let closed = 0;
  let late = 0;
  let days = 0;
  for (const r of db.rawAll<{
    result: string | null;
    rid: string | null;
    n: number;
    late: number;
    days: number;
  }>(
    `SELECT a.result, a.responsible_id AS rid, count(*) AS n, sum(coalesce(a.reviewed_late, 0)) AS late,
            sum(julianday(a.closed_on) - julianday(a.registered_on)) AS days
     FROM appeals a WHERE ${s.sql} AND ${CLOSED} GROUP BY 1, 2`,
    ...s.params,
    f.from,
    f.to,
  )) {
    closed += r.n;
    late += r.late;
    days += r.days;
    add(results, r.result ?? '', r.n);
    person(r.rid).closed += r.n;
  }
  let overdue = 0;
  for (const r of db.rawAll<{ rid: string | null; open: number; overdue: number }>(
    `SELECT a.responsible_id AS rid, count(*) AS open, sum(a.due_date < ?) AS overdue
     FROM appeals a WHERE ${s.sql} AND a.status <> 'closed' GROUP BY 1`,
    asOf,
    ...s.params,
  )) {
    overdue += r.overdue;
    const p = person(r.rid);
    p.open += r.open;
    p.overdue += r.overdue;
  }
  const names = new Map(
    db.all(db.qb.selectFrom('users').select(['id', 'full_name'])).map((u) => [u.id, u.full_name] as const),
  );
  const { officeIds: _offices, ...filter } = f;
  return {
    filter,
    asOf,
    received,
    collective,
    repeat,
    byChannel: sorted(channels),
    byKind: sorted(kinds),
    bySection: receivedBySection(db, f),
    closed,
    closedOnTime: closed - late,
    closedLate: late,
    byResult: sorted(results),
    overdueNow: overdue,
    avgDaysToClose: closed ? Math.round((days / closed) * 10) / 10 : null,
    requests: requestsByBody(db, f, asOf),
    ownRequests: ownRequestsByBody(db, f, asOf),
    staff: withAssignments(
      db,
      f,
      asOf,
      [...staff.values()]
        .map((p) => ({ ...p, name: p.userId ? (names.get(p.userId) ?? null) : null }))
        .sort(byName),
      (id) => names.get(id) ?? null,
    ),
  };
}

/**
 * The appeals registered in the period later than three days after receipt (59-FZ Art. 8 p.2), the last
 * day on the production calendar (a day off moves it forward): the registry's «registered late» filter
 * counts the same rows.
 */
export function registeredLateCount(db: ReadDb, f: ReportFilter, calendar: ProductionCalendar): number {
  const late = lateRegistration(db, calendar);
  return countWhere(db, scope(f), `${RECEIVED} AND ${late.sql}`, [f.from, f.to, late.param]);
}

/** The classifier's names of the codes a report shows: its sections and the topic it is narrowed to. */
export function reportTopicNames(
  db: ReadDb,
  r: Pick<PeriodReport, 'bySection' | 'filter'>,
  more: readonly string[] = [],
): Record<string, string> {
  const codes = [...r.bySection.map((c) => c.key), ...more];
  if (r.filter.topic) codes.push(r.filter.topic);
  return codeNames(db, codes);
}

/**
 * Reading the counts the database keeps in `appeal_counts` (migration «statistics»): a measure over a
 * period and a set of offices, as few rows as the day and month grains allow.
 */
import type { ReadDb } from '../../../db/sql';
import { monthsAndDays, type Period } from '../../../shared/domain/periods';

/** A period and whose appeals: the listed offices, or every office in the file when not given. */
export interface StatisticsScope extends Period {
  officeIds?: readonly string[];
}

export interface Scope {
  sql: string;
  params: unknown[];
}

/** `col IN (?, ?, …)` for the offices, or nothing when every office counts. */
export function officeCondition(col: string, officeIds: readonly string[] | undefined): Scope {
  return officeIds
    ? { sql: `${col} IN (${officeIds.map(() => '?').join(', ')})`, params: [...officeIds] }
    : { sql: '', params: [] };
}

export type Measure =
  | 'received'
  | 'channel'
  | 'kind'
  | 'repeat'
  | 'collective'
  | 'district'
  | 'section'
  | 'subject'
  | 'question'
  | 'topical'
  | 'result'
  | 'late'
  | 'days'
  | 'request_sent'
  | 'request_answered';

export interface DayCount {
  /** `YYYY-MM-DD`, or `YYYY-MM` for a whole month's count. */
  day: string;
  key: string;
  count: number;
}

/**
 * One measure's counts over the period as few rows as the kept grains allow: whole months from the
 * month rows, the days of months only touched from the day rows (each part a range of the primary key).
 * `by: 'key'` sums them per key; `by: 'day'` keeps each row's day or month.
 */
export function counts(db: ReadDb, s: StatisticsScope, measure: Measure, by: 'key' | 'day'): DayCount[] {
  const o = officeCondition('office_id', s.officeIds);
  const office = o.sql ? `AND ${o.sql}` : '';
  const { months, days } = monthsAndDays(s);
  const parts: string[] = [];
  const params: unknown[] = [];
  if (months.length) {
    parts.push(
      `SELECT day, key, n FROM appeal_counts
       WHERE measure = ? AND day IN (${months.map(() => '?').join(', ')}) ${office}`,
    );
    params.push(measure, ...months, ...o.params);
  }
  for (const d of days) {
    parts.push(`SELECT day, key, n FROM appeal_counts WHERE measure = ? AND day BETWEEN ? AND ? ${office}`);
    params.push(measure, d.from, d.to, ...o.params);
  }
  const group = by === 'key' ? `'' AS day, key` : 'day, key';
  return db.rawAll<DayCount>(
    `SELECT ${group}, sum(n) AS count FROM (${parts.join(' UNION ALL ')})
     GROUP BY ${by === 'key' ? 'key' : 'day, key'} HAVING count <> 0 ORDER BY count DESC, key`,
    ...params,
  );
}

/** Day by day (the day rows only): for a timeline drawn by day or week. */
export function daily(db: ReadDb, s: StatisticsScope, measure: Measure): DayCount[] {
  const o = officeCondition('office_id', s.officeIds);
  return db.rawAll<DayCount>(
    `SELECT day, key, sum(n) AS count FROM appeal_counts
     WHERE measure = ? AND day BETWEEN ? AND ? AND length(day) = 10 ${o.sql ? `AND ${o.sql}` : ''}
     GROUP BY day, key HAVING count <> 0`,
    measure,
    s.from,
    s.to,
    ...o.params,
  );
}

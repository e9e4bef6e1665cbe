/**
 * The figures of the statistics screen for one period, summed from the day counts the database keeps in
 * `appeal_counts` (migration «statistics»: triggers keep them in every write's transaction), and the
 * requests by body from `requestsByBody`, the same query the period report prints.
 *
 * Received appeals count on their registration day, closed ones on their closing day, as in the report.
 */
import type { ReadDb } from '../../../db/sql';
import type { Figures, StatCount } from '../../../shared/api/statistics';
import { bucketOf, bucketsOf, granularityOf, type Period } from '../../../shared/domain/periods';
import { officeCondition, requestsByBody } from '../reports/period';

/** A period and whose appeals: the listed offices, or every office in the file when not given. */
export interface StatisticsScope extends Period {
  officeIds?: readonly string[];
}

type Measure =
  | 'channel'
  | 'kind'
  | 'repeat'
  | 'collective'
  | 'district'
  | 'section'
  | 'subject'
  | 'topical'
  | 'result'
  | 'late'
  | 'days';

interface DayCount {
  day: string;
  key: string;
  count: number;
}

/** One measure's counts in the period, by day and key (a range of the table's primary key). */
function byDay(db: ReadDb, s: StatisticsScope, measure: Measure): DayCount[] {
  const o = officeCondition('office_id', s.officeIds);
  return db.rawAll<DayCount>(
    `SELECT day, key, sum(n) AS count FROM appeal_counts
     WHERE measure = ? AND day BETWEEN ? AND ? ${o.sql ? `AND ${o.sql}` : ''}
     GROUP BY day, key HAVING count <> 0`,
    measure,
    s.from,
    s.to,
    ...o.params,
  );
}

/** One measure's counts in the period by key, the largest first. */
function byKey(db: ReadDb, s: StatisticsScope, measure: Measure): StatCount[] {
  const o = officeCondition('office_id', s.officeIds);
  return db.rawAll<StatCount>(
    `SELECT key, sum(n) AS count FROM appeal_counts
     WHERE measure = ? AND day BETWEEN ? AND ? ${o.sql ? `AND ${o.sql}` : ''}
     GROUP BY key HAVING count <> 0 ORDER BY count DESC, key`,
    measure,
    s.from,
    s.to,
    ...o.params,
  );
}

const total = (counts: readonly { count: number }[]): number => counts.reduce((n, c) => n + c.count, 0);

function tally(rows: readonly DayCount[]): StatCount[] {
  const m = new Map<string, number>();
  for (const r of rows) m.set(r.key, (m.get(r.key) ?? 0) + r.count);
  return [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * The average and the 90th percentile of whole days from registration to closing, from the histogram
 * of days. The percentile is the nearest rank: the least d such that nine in ten took d days or fewer.
 */
export function daysToClose(histogram: readonly StatCount[]): { avg: number | null; p90: number | null } {
  const h = histogram.map((c) => ({ days: Number(c.key), n: c.count })).sort((a, b) => a.days - b.days);
  const n = h.reduce((s, x) => s + x.n, 0);
  if (n === 0) return { avg: null, p90: null };
  const rank = Math.ceil(0.9 * n);
  let seen = 0;
  let p90 = h[h.length - 1]!.days;
  for (const x of h) {
    seen += x.n;
    if (seen >= rank) {
      p90 = x.days;
      break;
    }
  }
  const sum = h.reduce((s, x) => s + x.days * x.n, 0);
  return { avg: Math.round((sum / n) * 10) / 10, p90 };
}

export function periodFigures(db: ReadDb, s: StatisticsScope, asOf: string): Figures {
  const granularity = granularityOf(s);
  const buckets = bucketsOf(s, granularity);

  const channels = byDay(db, s, 'channel');
  const perBucket = new Map(buckets.map((b) => [b, 0]));
  for (const r of channels) {
    const b = bucketOf(r.day, granularity);
    perBucket.set(b, (perBucket.get(b) ?? 0) + r.count);
  }
  const received = total(channels);

  const sections = byKey(db, s, 'section').sort((a, b) => a.key.localeCompare(b.key));
  const withoutTopic = received - total(byKey(db, s, 'topical'));
  if (withoutTopic > 0) sections.push({ key: '', count: withoutTopic });

  const results = byDay(db, s, 'result');
  const stacked = new Map(buckets.map((b) => [b, {} as Record<string, number>]));
  for (const r of results) {
    const row = stacked.get(bucketOf(r.day, granularity))!;
    row[r.key] = (row[r.key] ?? 0) + r.count;
  }
  const late = byKey(db, s, 'late');
  const closedLate = late.find((c) => c.key === '1')?.count ?? 0;
  const closed = total(results);
  const days = daysToClose(byKey(db, s, 'days'));

  return {
    from: s.from,
    to: s.to,
    granularity,
    received,
    repeat: total(byKey(db, s, 'repeat')),
    collective: total(byKey(db, s, 'collective')),
    timeline: [...perBucket].map(([start, count]) => ({ start, count })),
    byChannel: tally(channels),
    byKind: byKey(db, s, 'kind'),
    bySection: sections,
    topSubjects: byKey(db, s, 'subject').slice(0, 10),
    byDistrict: byKey(db, s, 'district'),
    closed,
    closedOnTime: closed - closedLate,
    closedLate,
    byResult: tally(results),
    resultsTimeline: [...stacked].map(([start, byResult]) => ({ start, byResult })),
    avgDaysToClose: days.avg,
    p90DaysToClose: days.p90,
    requests: requestsByBody(db, { from: s.from, to: s.to, officeIds: s.officeIds }, asOf),
  };
}

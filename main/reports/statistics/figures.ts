/**
 * The figures of the statistics screen for one period, summed from the day counts the database keeps in
 * `appeal_counts` (migration «statistics»: triggers keep them in every write's transaction), and the
 * requests by body from `requestsByBody`, the same query the period report prints.
 *
 * Received appeals count on their registration day, closed ones on their closing day, as in the report.
 */
import type { ReadDb } from '../../../db/sql';
import type { StatisticsScope } from './counts';
import type { Figures, StatCount } from '../../../shared/api/statistics';
import { bucketOf, bucketsOf, granularityOf, type Granularity } from '../../../shared/domain/periods';
import { requestsByBody } from '../period';
import { ownRequestsByBody } from '../own-requests';
import { counts, daily, type DayCount, type Measure } from './counts';

export type { StatisticsScope } from './counts';

const byKey = (db: ReadDb, s: StatisticsScope, measure: Measure): StatCount[] =>
  counts(db, s, measure, 'key').map(({ key, count }) => ({ key, count }));

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

/** A measure in buckets of the granularity: day rows for days and weeks, month and day rows for months. */
function inBuckets(
  db: ReadDb,
  s: StatisticsScope,
  measure: Measure,
  g: Granularity,
): Map<string, DayCount[]> {
  const out = new Map(bucketsOf(s, g).map((b) => [b, [] as DayCount[]]));
  const rows = g === 'month' ? counts(db, s, measure, 'day') : daily(db, s, measure);
  for (const r of rows) out.get(bucketOf(r.day.length === 7 ? `${r.day}-01` : r.day, g))?.push(r);
  return out;
}

export function periodFigures(db: ReadDb, s: StatisticsScope, asOf: string): Figures {
  const granularity = granularityOf(s);
  const timeline = [...inBuckets(db, s, 'received', granularity)].map(([start, rows]) => ({
    start,
    count: total(rows),
  }));
  const received = total(timeline);

  const sections = byKey(db, s, 'section').sort((a, b) => a.key.localeCompare(b.key));
  const withoutTopic = received - total(byKey(db, s, 'topical'));
  if (withoutTopic > 0) sections.push({ key: '', count: withoutTopic });

  // Results stacked by day for a month, by month beyond: fifty-three stacked weeks would not read.
  const resultsGranularity = granularity === 'day' ? 'day' : 'month';
  const resultsTimeline = [...inBuckets(db, s, 'result', resultsGranularity)].map(([start, rows]) => ({
    start,
    byResult: Object.fromEntries(tally(rows).map((c) => [c.key, c.count])),
  }));
  const byResult = byKey(db, s, 'result');
  const closed = total(byResult);
  const closedLate = byKey(db, s, 'late').find((c) => c.key === '1')?.count ?? 0;
  const days = daysToClose(byKey(db, s, 'days'));

  return {
    from: s.from,
    to: s.to,
    granularity,
    received,
    repeat: total(byKey(db, s, 'repeat')),
    collective: total(byKey(db, s, 'collective')),
    timeline,
    byChannel: byKey(db, s, 'channel'),
    byKind: byKey(db, s, 'kind'),
    bySection: sections,
    topQuestions: byKey(db, s, 'question').slice(0, 10),
    byDistrict: byKey(db, s, 'district'),
    closed,
    closedOnTime: closed - closedLate,
    closedLate,
    byResult,
    resultsGranularity,
    resultsTimeline,
    avgDaysToClose: days.avg,
    p90DaysToClose: days.p90,
    requests: requestsByBody(db, { from: s.from, to: s.to, officeIds: s.officeIds }, asOf),
    ownRequests: ownRequestsByBody(db, { from: s.from, to: s.to, officeIds: s.officeIds }, asOf),
  };
}

import type { OfficeHandle } from '../../main/boot/open-office';
import { periodFigures } from '../../main/reports/statistics/index';
import type { Figures } from '../../shared/api/statistics';
import { previousPeriod, type Period } from '../../shared/domain/periods';
import type { Row } from './stats';

/**
 * The statistics page for a whole year over every office (an HQ's view) — the year and the year before,
 * as the screen asks for them — and the same figures by hand-written SQL over the same kept counts.
 */
export function yearPages(
  handle: OfficeHandle,
  asOf: string,
): { page: (p: Period) => Figures; raw: (p: Period) => number } {
  const sqlite = handle.sqlite;
  // By hand: the twelve month rows of each measure (both periods are whole years), the received ones
  // also day by day for the weekly line, the results by month; and the requests awaiting an answer.
  const months = (p: Period): string[] =>
    Array.from({ length: 12 }, (_, i) => `${p.from.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
  const sumBy = sqlite.prepare(
    `SELECT key, sum(n) AS n FROM appeal_counts WHERE measure = ? AND day IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     GROUP BY key`,
  );
  const byDay = sqlite.prepare(
    `SELECT day, sum(n) AS n FROM appeal_counts WHERE measure = 'received' AND day BETWEEN ? AND ? AND length(day) = 10
     GROUP BY day`,
  );
  const byMonth = sqlite.prepare(
    `SELECT day, key, sum(n) AS n FROM appeal_counts WHERE measure = 'result' AND day IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     GROUP BY day, key`,
  );
  const overdue = sqlite.prepare(
    `SELECT body_id, count(*) FROM external_requests INDEXED BY external_requests_awaiting
     WHERE status = 'sent' AND deleted_at IS NULL AND sent_on BETWEEN ? AND ? AND due_date < ? GROUP BY body_id`,
  );
  const MEASURES = [
    'channel',
    'kind',
    'repeat',
    'collective',
    'district',
    'section',
    'subject',
    'question',
    'topical',
    'result',
    'late',
    'days',
    'request_sent',
    'request_answered',
  ];
  function rawPage(p: Period): number {
    let n = 0;
    for (const m of MEASURES) n += (sumBy.all(m, ...months(p)) as unknown[]).length;
    n += (byDay.all(p.from, p.to) as unknown[]).length + (byMonth.all(...months(p)) as unknown[]).length;
    return n + (overdue.all(p.from, p.to, asOf) as unknown[]).length;
  }
  return { page: (p) => periodFigures(handle.store.read, p, asOf), raw: rawPage };
}

/** One bench row: the page (both years) beside the hand-written sums, for `npm run bench`. */
export function statisticsRow(handle: OfficeHandle, asOf: string, year: Period, runs: number): Row {
  const { page, raw } = yearPages(handle, asOf);
  const previous = previousPeriod(year, 'year');
  const row: Row = {
    name: `statistics page, ${year.from.slice(0, 4)} + year before`,
    api: [],
    raw: [],
  };
  for (let i = 0; i < runs + 3; i++) {
    let t = performance.now();
    page(year);
    page(previous);
    const api = performance.now() - t;
    t = performance.now();
    raw(year);
    raw(previous);
    if (i < 3) continue; // warm-up
    row.api.push(api);
    row.raw.push(performance.now() - t);
  }
  return row;
}

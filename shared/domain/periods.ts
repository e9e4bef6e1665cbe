/**
 * Periods of the statistics: the presets (this week, month, quarter, year, each up to today), the period
 * to compare with, and the buckets a timeline is drawn in. Calendar dates only (`YYYY-MM-DD`), computed
 * in UTC so no time zone can shift a day; "today" is passed in.
 */
import { addCalendarDays } from './calendar';

export const PRESETS = ['week', 'month', 'quarter', 'year'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

export type Granularity = 'day' | 'week' | 'month';

const utc = (d: string): Date => new Date(`${d}T00:00:00Z`);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted. */
export function lengthInDays(p: Period): number {
  return Math.round((utc(p.to).getTime() - utc(p.from).getTime()) / 86_400_000) + 1;
}

/** Monday of the date's week. */
export function weekStart(d: string): string {
  const day = utc(d).getUTCDay();
  return addCalendarDays(d, -((day + 6) % 7));
}

function startOf(preset: Preset, d: string): string {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  switch (preset) {
    case 'week':
      return weekStart(d);
    case 'month':
      return `${d.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${String(m - ((m - 1) % 3)).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
    default:
      throw new Error(`unknown preset ${String(preset satisfies never)}`);
  }
}

/** The preset's period so far: from its first day to today. */
export function presetPeriod(preset: Preset, today: string): Period {
  return { from: startOf(preset, today), to: today };
}

/** The same date `n` months earlier, the month's last day when it has no such day (31 March → 28 February). */
function monthsBefore(d: string, n: number): string {
  const u = utc(d);
  const first = new Date(Date.UTC(u.getUTCFullYear(), u.getUTCMonth() - n, 1));
  const last = monthEnd(iso(first));
  const day = `${iso(first).slice(0, 8)}${d.slice(8)}`;
  return day > last ? last : day;
}

/**
 * What a period is compared with. A preset's: the same stretch of the period before (1–25 November
 * against 1–25 October; a whole year against the whole year before). A custom range's: as many days
 * just before it.
 */
export function previousPeriod(p: Period, preset: Preset | null): Period {
  if (preset && p.from === startOf(preset, p.from)) {
    if (preset === 'week') return { from: addCalendarDays(p.from, -7), to: addCalendarDays(p.to, -7) };
    const n = preset === 'month' ? 1 : preset === 'quarter' ? 3 : 12;
    const to = p.to === monthEnd(p.to) ? monthEnd(monthsBefore(p.to, n)) : monthsBefore(p.to, n);
    const end = addCalendarDays(p.from, -1);
    return { from: monthsBefore(p.from, n), to: to < end ? to : end };
  }
  const to = addCalendarDays(p.from, -1);
  return { from: addCalendarDays(to, -(lengthInDays(p) - 1)), to };
}

/** Days for a month, weeks up to a year, months beyond. */
export function granularityOf(p: Period): Granularity {
  const n = lengthInDays(p);
  return n <= 62 ? 'day' : n <= 400 ? 'week' : 'month';
}

/** The first day of the bucket a date falls in. */
export function bucketOf(d: string, g: Granularity): string {
  return g === 'day' ? d : g === 'week' ? weekStart(d) : `${d.slice(0, 7)}-01`;
}

/** Every bucket of the period in order, so a day with nothing is drawn as a zero, not skipped. */
export function bucketsOf(p: Period, g: Granularity): string[] {
  const out: string[] = [];
  for (let d = bucketOf(p.from, g); d <= p.to;) {
    out.push(d);
    if (g === 'day') d = addCalendarDays(d, 1);
    else if (g === 'week') d = addCalendarDays(d, 7);
    else {
      const u = utc(d);
      d = iso(new Date(Date.UTC(u.getUTCFullYear(), u.getUTCMonth() + 1, 1)));
    }
  }
  return out;
}

/** The last day of the date's month. */
export function monthEnd(d: string): string {
  const u = utc(d);
  return iso(new Date(Date.UTC(u.getUTCFullYear(), u.getUTCMonth() + 1, 0)));
}

/**
 * A period cut into its whole months (`YYYY-MM`) and the day ranges of the months it only touches, so
 * counts kept per month and per day can sum it in a few rows: 5 January – 10 March is the days 5–31
 * January, the month of February, and the days 1–10 March.
 */
export function monthsAndDays(p: Period): { months: string[]; days: Period[] } {
  const months: string[] = [];
  const days: Period[] = [];
  for (let d = p.from; d <= p.to;) {
    const end = monthEnd(d);
    if (d.endsWith('-01') && end <= p.to) months.push(d.slice(0, 7));
    else days.push({ from: d, to: end < p.to ? end : p.to });
    d = addCalendarDays(end < p.to ? end : p.to, 1);
  }
  return { months, days };
}

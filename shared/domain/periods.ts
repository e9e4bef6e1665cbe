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

/** The start of the preset's period before the one that starts on `start`. */
function previousStart(preset: Preset, start: string): string {
  if (preset === 'week') return addCalendarDays(start, -7);
  const d = utc(start);
  const months = preset === 'month' ? 1 : preset === 'quarter' ? 3 : 12;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)));
}

/** The preset's period so far: from its first day to today. */
export function presetPeriod(preset: Preset, today: string): Period {
  return { from: startOf(preset, today), to: today };
}

/**
 * What a period is compared with. A preset's: the same stretch of the period before (1–25 November
 * against 1–25 October), cut at that period's end. A custom range's: as many days just before it.
 */
export function previousPeriod(p: Period, preset: Preset | null): Period {
  if (preset && p.from === startOf(preset, p.from)) {
    const from = previousStart(preset, p.from);
    const end = addCalendarDays(p.from, -1);
    const to = addCalendarDays(from, lengthInDays(p) - 1);
    return { from, to: to < end ? to : end };
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

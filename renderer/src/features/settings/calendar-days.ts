/**
 * The production calendar as the month grid sees it: which kind each day of a year is, and what a click on
 * a day changes. Dates are `YYYY-MM-DD`; weekdays are computed in UTC, so no time zone can shift a day.
 */
import type { CalendarYear } from '../../../../shared/domain/calendar';
import type { CalendarDayKind } from '../../../../shared/i18n/ru/settings';

export interface CalendarDay {
  date: string;
  day: number;
  /** 0-based month. */
  month: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  kind: CalendarDayKind;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function isoOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Monday-first weekday of a date. */
export function weekdayOf(date: string): number {
  return (utc(date).getUTCDay() + 6) % 7;
}

export function isWeekendDate(date: string): boolean {
  return weekdayOf(date) >= 5;
}

/** The date `days` away, or null when that leaves the year (the grid shows one year). */
export function stepWithinYear(date: string, days: number): string | null {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  const next = isoOf(d);
  return next.slice(0, 4) === date.slice(0, 4) ? next : null;
}

/** The first or last day of the date's month. */
export function monthEdge(date: string, edge: 'first' | 'last'): string {
  const d = utc(date);
  const target =
    edge === 'first'
      ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
      : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return isoOf(target);
}

/** The twelve months of the year, each its days in order. */
export function monthsOf(cal: CalendarYear): CalendarDay[][] {
  const off = new Set(cal.nonWorkingDays);
  const workingWeekend = new Set(cal.workingWeekendDays);
  const shortened = new Set(cal.shortenedDays);
  const months: CalendarDay[][] = [];
  for (let month = 0; month < 12; month++) {
    const days: CalendarDay[] = [];
    const length = new Date(Date.UTC(cal.year, month + 1, 0)).getUTCDate();
    for (let day = 1; day <= length; day++) {
      const date = `${cal.year}-${pad(month + 1)}-${pad(day)}`;
      const weekday = weekdayOf(date);
      let kind: CalendarDayKind;
      if (weekday >= 5) kind = workingWeekend.has(date) ? 'workingWeekend' : 'weekend';
      else if (off.has(date)) kind = 'dayOff';
      else kind = shortened.has(date) ? 'shortened' : 'working';
      days.push({ date, day, month, weekday, kind });
    }
    months.push(days);
  }
  return months;
}

export function isWorkingKind(kind: CalendarDayKind): boolean {
  return kind === 'working' || kind === 'shortened' || kind === 'workingWeekend';
}

export function countWorkingDays(months: CalendarDay[][]): number {
  return months.reduce((sum, days) => sum + days.filter((d) => isWorkingKind(d.kind)).length, 0);
}

const toggled = (list: string[], date: string): string[] =>
  list.includes(date) ? list.filter((d) => d !== date) : [...list, date].sort();

/**
 * A click on a day: a weekday goes in or out of the days off, a Saturday or Sunday in or out of the working
 * weekend days. A day that stops being a working day cannot stay shortened, so it leaves that list too.
 */
export function toggleDay(cal: CalendarYear, date: string): CalendarYear {
  const next: CalendarYear = isWeekendDate(date)
    ? { ...cal, workingWeekendDays: toggled(cal.workingWeekendDays, date) }
    : { ...cal, nonWorkingDays: toggled(cal.nonWorkingDays, date) };
  const working = isWeekendDate(date)
    ? next.workingWeekendDays.includes(date)
    : !next.nonWorkingDays.includes(date);
  return working ? next : { ...next, shortenedDays: cal.shortenedDays.filter((d) => d !== date) };
}

/** Whether two editions of a year say the same (the lists compared as sets). */
export function sameYear(a: CalendarYear, b: CalendarYear): boolean {
  const sameList = (x: string[], y: string[]): boolean => {
    const ys = [...y].sort();
    return x.length === y.length && [...x].sort().every((d, i) => d === ys[i]);
  };
  return (
    a.year === b.year &&
    a.source === b.source &&
    a.provisional === b.provisional &&
    (a.notes ?? '') === (b.notes ?? '') &&
    sameList(a.nonWorkingDays, b.nonWorkingDays) &&
    sameList(a.workingWeekendDays, b.workingWeekendDays) &&
    sameList(a.shortenedDays, b.shortenedDays)
  );
}

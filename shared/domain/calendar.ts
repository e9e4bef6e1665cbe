/**
 * The Russian production calendar (производственный календарь): which days are working days.
 *
 * Pure domain: no Node, no DOM, no clock. Dates are `YYYY-MM-DD` strings; arithmetic is done on day numbers,
 * so no time zone or DST can shift a date.
 *
 * Why data and not weekday rules: the Government's yearly decree moves days off (the January holidays that fall
 * on a weekend go anywhere in the year, Saturdays become working days). Only a year without a decree yet is
 * derived from the Labour Code, and it is marked provisional.
 */
import { z } from 'zod';

export type IsoDate = string; // 'YYYY-MM-DD'

export interface CalendarYear {
  year: number;
  source: string;
  provisional: boolean;
  /** Every non-working day that falls on Mon–Fri: holidays, transferred days off, Art. 112 substitutes. */
  nonWorkingDays: IsoDate[];
  /** Saturdays and Sundays made working days by a transfer. */
  workingWeekendDays: IsoDate[];
  /** Pre-holiday days shortened by one hour (Labour Code Art. 95); informational, they are working days. */
  shortenedDays: IsoDate[];
  notes?: string;
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

// ---------------------------------------------------------------------------------------------------------
// Date arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's civil-date algorithms.

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function parseYmd(s: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

function toDayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < MIN_YEAR || y > MAX_YEAR) throw new RangeError(`date out of range: year ${y}`);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayNumberOf(date: IsoDate): number {
  const ymd = parseYmd(date);
  if (!ymd) throw new RangeError(`not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return toDayNumber(ymd);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isWeekend(dayNumber: number): boolean {
  const wd = weekdayOf(dayNumber);
  return wd === 0 || wd === 6;
}

export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && parseYmd(s) !== null;
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(dayNumberOf(date) + days);
}

// ---------------------------------------------------------------------------------------------------------
// Labour Code Art. 112: the fixed holidays. January ones are not moved by the Code itself (the Government moves
// two of them by decree), so a provisional year leaves them where they fall.

const HOLIDAYS: ReadonlyArray<{ month: number; day: number; january: boolean }> = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((day) => ({ month: 1, day, january: true })),
  { month: 2, day: 23, january: false },
  { month: 3, day: 8, january: false },
  { month: 5, day: 1, january: false },
  { month: 5, day: 9, january: false },
  { month: 6, day: 12, january: false },
  { month: 11, day: 4, january: false },
];

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be an integer ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

export function provisionalYear(year: number): CalendarYear {
  assertYear(year);
  const holidays = new Set(HOLIDAYS.map((h) => toDayNumber({ y: year, m: h.month, d: h.day })));
  const nonWorking = new Set<number>();
  for (const h of HOLIDAYS) {
    const n = toDayNumber({ y: year, m: h.month, d: h.day });
    if (!isWeekend(n)) {
      nonWorking.add(n);
    } else if (!h.january) {
      let substitute = n + 1;
      while (isWeekend(substitute) || holidays.has(substitute) || nonWorking.has(substitute)) substitute++;
      nonWorking.add(substitute);
    }
  }
  // Art. 95: the working day right before a holiday is one hour shorter; 31 December precedes next year's 1 January.
  const shortened = new Set<number>();
  const lastDay = toDayNumber({ y: year, m: 12, d: 31 });
  for (const h of [...holidays, lastDay + 1]) {
    const eve = h - 1;
    const inYear = eve >= toDayNumber({ y: year, m: 1, d: 1 }) && eve <= lastDay;
    if (inYear && !isWeekend(eve) && !nonWorking.has(eve) && !holidays.has(eve)) shortened.add(eve);
  }
  const sorted = (days: Set<number>): IsoDate[] => [...days].sort((a, b) => a - b).map(fromDayNumber);
  return {
    year,
    source:
      `Предварительный календарь: рассчитан по ст. 112 Трудового кодекса РФ; постановление Правительства РФ ` +
      `о переносе выходных дней в ${year} году не учтено`,
    provisional: true,
    nonWorkingDays: sorted(nonWorking),
    workingWeekendDays: [],
    shortenedDays: sorted(shortened),
    notes:
      'Январские праздники, выпавшие на субботу или воскресенье, не перенесены: их переносит только ' +
      'постановление Правительства. Когда оно будет издано, замените год его данными.',
  };
}

// ---------------------------------------------------------------------------------------------------------
// The schema, used at load for the shipped files and at the API boundary when the office edits a year.

export const CalendarYearSchema: z.ZodType<CalendarYear> = z
  .object({
    year: z
      .number()
      .int({ message: 'year must be an integer' })
      .min(MIN_YEAR, { message: `year must be at least ${MIN_YEAR}` })
      .max(MAX_YEAR, { message: `year must be at most ${MAX_YEAR}` }),
    source: z.string().trim().min(1, { message: 'source is required: the decree or the basis of the data' }),
    provisional: z.boolean(),
    nonWorkingDays: z.array(z.string()),
    workingWeekendDays: z.array(z.string()),
    shortenedDays: z.array(z.string()),
    notes: z.string().optional(),
  })
  .superRefine((cal, ctx) => {
    const lists = ['nonWorkingDays', 'workingWeekendDays', 'shortenedDays'] as const;
    const valid: Record<(typeof lists)[number], Set<IsoDate>> = {
      nonWorkingDays: new Set(),
      workingWeekendDays: new Set(),
      shortenedDays: new Set(),
    };
    const issue = (field: string, index: number, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [field, index], message: `${field}[${index}]: ${message}` });
    };
    for (const field of lists) {
      cal[field].forEach((date, index) => {
        const ymd = parseYmd(date);
        if (!ymd) return issue(field, index, `${JSON.stringify(date)} is not a real date YYYY-MM-DD`);
        if (ymd.y !== cal.year) return issue(field, index, `${date} is not in ${cal.year}`);
        if (valid[field].has(date)) return issue(field, index, `${date} is listed twice`);
        const weekend = isWeekend(toDayNumber(ymd));
        if (field === 'nonWorkingDays' && weekend) {
          return issue(field, index, `${date} is a Saturday or Sunday; list only weekdays that are days off`);
        }
        if (field === 'workingWeekendDays') {
          if (!weekend) return issue(field, index, `${date} is not a Saturday or Sunday`);
          if (valid.nonWorkingDays.has(date)) return issue(field, index, `${date} is also a non-working day`);
        }
        if (field === 'shortenedDays') {
          const working = weekend ? valid.workingWeekendDays.has(date) : !valid.nonWorkingDays.has(date);
          if (!working) return issue(field, index, `${date} is not a working day, so it cannot be shortened`);
        }
        valid[field].add(date);
      });
    }
  });

// ---------------------------------------------------------------------------------------------------------

interface YearIndex {
  data: CalendarYear;
  nonWorking: ReadonlySet<IsoDate>;
  workingWeekend: ReadonlySet<IsoDate>;
}

function indexYear(data: CalendarYear): YearIndex {
  return { data, nonWorking: new Set(data.nonWorkingDays), workingWeekend: new Set(data.workingWeekendDays) };
}

function copyYear(y: CalendarYear): CalendarYear {
  return {
    ...y,
    nonWorkingDays: [...y.nonWorkingDays],
    workingWeekendDays: [...y.workingWeekendDays],
    shortenedDays: [...y.shortenedDays],
  };
}

// Long holidays last under two weeks; a search this long means the data marks a whole year off.
const MAX_SEARCH_DAYS = 370;

export class ProductionCalendar {
  readonly #years = new Map<number, YearIndex>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      const parsed = CalendarYearSchema.parse(y);
      if (this.#years.has(parsed.year))
        throw new RangeError(`the calendar is given year ${parsed.year} twice`);
      this.#years.set(parsed.year, indexYear(copyYear(parsed)));
    }
  }

  year(year: number): CalendarYear {
    return copyYear(this.#index(year).data);
  }

  isWorkingDay(date: IsoDate): boolean {
    const n = dayNumberOf(date);
    const idx = this.#index(Number(date.slice(0, 4)));
    if (isWeekend(n)) return idx.workingWeekend.has(date);
    return !idx.nonWorking.has(date);
  }

  previousWorkingDay(date: IsoDate): IsoDate {
    return this.#seek(date, -1);
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    return this.#seek(date, 1);
  }

  /** The n-th working day after (n > 0) or before (n < 0) the date, the date itself not counted; n = 0 gives the date. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    let current = dayNumberOf(date);
    const step = n < 0 ? -1 : 1;
    for (let left = Math.abs(n); left > 0; left--) {
      current = dayNumberOf(this.#seek(fromDayNumber(current + step), step));
    }
    return fromDayNumber(current);
  }

  #seek(date: IsoDate, step: 1 | -1): IsoDate {
    let n = dayNumberOf(date);
    for (let i = 0; i <= MAX_SEARCH_DAYS; i++, n += step) {
      const candidate = fromDayNumber(n);
      if (this.isWorkingDay(candidate)) return candidate;
    }
    throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}: check the calendar data`);
  }

  #index(year: number): YearIndex {
    assertYear(year);
    let idx = this.#years.get(year);
    if (!idx) {
      idx = indexYear(provisionalYear(year));
      this.#years.set(year, idx);
    }
    return idx;
  }
}

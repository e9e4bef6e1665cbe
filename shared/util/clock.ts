/** The only way domain and service code learns the time: tests pass a fixed or stepping clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = new Date(next);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

// Building a DateTimeFormat costs some 50 µs, formatting with one some 3 µs: keep one per zone.
const formats = new Map<string, Intl.DateTimeFormat>();

/** The parts of an instant's reading in a time zone, from a formatter made once per zone. */
function partsIn(instant: Date, timeZone: string): (type: Intl.DateTimeFormatPartTypes) => string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  return (type) => parts.find((p) => p.type === type)?.value ?? '';
}

/** The calendar date (YYYY-MM-DD) of an instant in the office's IANA time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const get = partsIn(instant, timeZone);
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The wall-clock reading of an instant in a time zone: [year, month, day, hour, minute, second]. */
function wallClock(instant: Date, timeZone: string): number[] {
  const get = partsIn(instant, timeZone);
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((t) =>
    Number(get(t as Intl.DateTimeFormatPartTypes)),
  );
}

/** Minutes since the local midnight of an instant in the office's time zone. */
export function localMinutes(instant: Date, timeZone: string): number {
  const [, , , h, m] = wallClock(instant, timeZone);
  return h! * 60 + m!;
}

/**
 * The instant when the office's wall clock shows `date` at `time` ("HH:MM"). Russia has had no daylight
 * saving since 2014, but the zone's offset is still read for that date, so a historical date is right too.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    Number(time.slice(0, 2)),
    Number(time.slice(3, 5)),
  );
  // The offset at the guess, then once more at the corrected instant (it may cross an offset change).
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const [y, mo, d, h, mi, s] = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    guess += wall - shown;
  }
  return new Date(guess);
}

/**
 * The office's date (YYYY-MM-DD) of a stored value: an instant (ISO 8601, as the rows' `at`,
 * `created_at`, `given_at` are kept) is read on the office's wall clock, never cut at UTC midnight; a
 * plain calendar date is already the office's and is returned as it is.
 */
export function officeDate(value: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return localDate(new Date(value), timeZone);
}

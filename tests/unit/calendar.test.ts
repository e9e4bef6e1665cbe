import { describe, it, expect } from 'vitest';
import {
  addCalendarDays,
  CalendarYearSchema,
  isIsoDate,
  ProductionCalendar,
  provisionalYear,
  type CalendarYear,
} from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);

// Expected values below are read off a printed calendar and the decrees, not computed by the code under test.

function workingDaysIn(year: number, month?: number): number {
  let count = 0;
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    if (month !== undefined && Number(d.slice(5, 7)) !== month) continue;
    if (calendar.isWorkingDay(d)) count++;
  }
  return count;
}

function shipped(year: number): CalendarYear {
  const y = SHIPPED_CALENDAR_YEARS.find((c) => c.year === year);
  if (!y) throw new Error(`year ${year} is not shipped`);
  return y;
}

describe('shipped calendar data', () => {
  it('ships 2024–2027, only 2027 provisional, each citing its decree', () => {
    expect(SHIPPED_CALENDAR_YEARS.map((y) => [y.year, y.provisional])).toEqual([
      [2024, false],
      [2025, false],
      [2026, false],
      [2027, true],
    ]);
    expect(shipped(2024).source).toContain('от 10.08.2023 № 1314');
    expect(shipped(2025).source).toContain('от 04.10.2024 № 1335');
    expect(shipped(2026).source).toContain('от 24.09.2025 № 1466');
    expect(shipped(2027).source).toContain('ст. 112');
  });

  it.each([
    [2024, 248, 'official'],
    [2025, 247, 'official'],
    [2026, 247, 'official'],
    [2027, 249, 'provisional: 261 weekdays less 12 holidays and substitutes'],
  ])('%i has %i working days (%s)', (year, expected) => {
    expect(workingDaysIn(year)).toBe(expected);
  });

  it('months have the official numbers of working days', () => {
    const monthly = [
      ...['2024-01 17', '2024-04 21', '2024-05 20', '2024-11 21', '2024-12 21', '2025-01 17', '2025-02 20'],
      ...['2025-05 18', '2025-06 19', '2025-11 19', '2025-12 22', '2026-01 15', '2026-03 21', '2026-05 19'],
    ];
    for (const entry of monthly) {
      const [ym = '', expected] = entry.split(' ');
      expect(workingDaysIn(Number(ym.slice(0, 4)), Number(ym.slice(5))), ym).toBe(Number(expected));
    }
  });

  it('2024 days off and working Saturdays are those of decree No. 1314', () => {
    expect(shipped(2024).nonWorkingDays).toEqual(
      [
        ...['01-01', '01-02', '01-03', '01-04', '01-05', '01-08', '02-23', '03-08', '04-29', '04-30'],
        ...['05-01', '05-09', '05-10', '06-12', '11-04', '12-30', '12-31'],
      ].map((d) => `2024-${d}`),
    );
    expect(shipped(2024).workingWeekendDays).toEqual(['2024-04-27', '2024-11-02', '2024-12-28']);
  });

  it('2025 days off and the working Saturday are those of decree No. 1335', () => {
    expect(shipped(2025).nonWorkingDays).toEqual(
      [
        ...['01-01', '01-02', '01-03', '01-06', '01-07', '01-08', '05-01', '05-02', '05-08', '05-09'],
        ...['06-12', '06-13', '11-03', '11-04', '12-31'],
      ].map((d) => `2025-${d}`),
    );
    expect(shipped(2025).workingWeekendDays).toEqual(['2025-11-01']);
  });

  it('2026 days off are those of decree No. 1466 and Art. 112, with no working Saturday', () => {
    expect(shipped(2026).nonWorkingDays).toEqual(
      [
        ...['01-01', '01-02', '01-05', '01-06', '01-07', '01-08', '01-09', '02-23', '03-09'],
        ...['05-01', '05-11', '06-12', '11-04', '12-31'],
      ].map((d) => `2026-${d}`),
    );
    expect(shipped(2026).workingWeekendDays).toEqual([]);
  });

  it('shortened pre-holiday days are working days', () => {
    expect(shipped(2025).shortenedDays).toEqual(['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01']);
    expect(shipped(2026).shortenedDays).toEqual(['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03']);
    for (const y of SHIPPED_CALENDAR_YEARS) {
      for (const d of y.shortenedDays) expect(calendar.isWorkingDay(d), d).toBe(true);
    }
  });

  it('the shipped 2027 file is exactly what Art. 112 gives', () => {
    const derived = provisionalYear(2027);
    expect(shipped(2027).nonWorkingDays).toEqual(derived.nonWorkingDays);
    expect(shipped(2027).workingWeekendDays).toEqual(derived.workingWeekendDays);
    expect(shipped(2027).shortenedDays).toEqual(derived.shortenedDays);
  });
});

describe('ProductionCalendar.isWorkingDay', () => {
  it.each([
    ['2024-04-27', true, 'working Saturday by transfer'],
    ['2024-12-28', true, 'working Saturday by transfer'],
    ['2024-12-30', false, 'day off moved from Saturday 28 December'],
    ['2025-01-09', true, 'first working day after the January holidays'],
    ['2025-02-24', true, 'Sunday 23 February 2025 was moved by decree to 8 May, not to Monday'],
    ['2025-03-10', true, 'Saturday 8 March 2025 was moved by decree to 13 June'],
    ['2025-05-02', false, 'moved from Saturday 4 January'],
    ['2025-05-08', false, 'moved from Sunday 23 February'],
    ['2025-06-13', false, 'moved from Saturday 8 March'],
    ['2025-11-01', true, 'working Saturday'],
    ['2025-11-02', false, 'an ordinary Sunday'],
    ['2025-11-03', false, 'moved from Saturday 1 November'],
    ['2025-12-31', false, 'moved from Sunday 5 January'],
    ['2026-01-09', false, 'moved from Saturday 3 January'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2026-03-09', false, 'Art. 112 substitute for Sunday 8 March'],
    ['2026-05-11', false, 'Art. 112 substitute for Saturday 9 May'],
    ['2026-12-31', false, 'moved from Sunday 4 January'],
    ['2027-05-03', false, 'provisional substitute for Saturday 1 May'],
    ['2027-06-14', false, 'provisional substitute for Saturday 12 June'],
    ['2025-07-15', true, 'an ordinary Tuesday'],
  ])('%s is working: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('rejects a string that is not a date', () => {
    expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('31.12.2025')).toThrow(RangeError);
  });
});

describe('ProductionCalendar navigation', () => {
  it.each([
    ['2025-07-15', '2025-07-15'],
    ['2026-01-11', '2025-12-30'],
    ['2025-11-04', '2025-11-01'],
    ['2025-01-01', '2024-12-28'],
  ])('previousWorkingDay(%s) = %s', (date, expected) => {
    expect(calendar.previousWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-07-15', '2025-07-15'],
    ['2025-12-31', '2026-01-12'],
    ['2025-11-02', '2025-11-05'],
    ['2026-12-31', '2027-01-11'],
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(calendar.nextWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2025-10-31', 1, '2025-11-01'],
    ['2025-11-01', 1, '2025-11-05'],
    ['2025-12-30', 1, '2026-01-12'],
    ['2025-12-26', 3, '2026-01-12'],
    ['2026-01-12', -1, '2025-12-30'],
    ['2025-05-12', -2, '2025-05-06'],
    ['2025-07-14', 5, '2025-07-21'],
    ['2025-11-02', 0, '2025-11-02'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('refuses a fractional number of working days', () => {
    expect(() => calendar.addWorkingDays('2025-07-14', 1.5)).toThrow(RangeError);
  });

  it('throws instead of looping when the data leaves no working day', () => {
    const allOff = (year: number): CalendarYear => {
      const y: CalendarYear = {
        year,
        source: 'test',
        provisional: false,
        nonWorkingDays: [],
        workingWeekendDays: [],
        shortenedDays: [],
      };
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
        const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
        if (weekday !== 0 && weekday !== 6) y.nonWorkingDays.push(d);
      }
      return y;
    };
    const cal = new ProductionCalendar([allOff(2030), allOff(2031)]);
    expect(() => cal.nextWorkingDay('2030-06-01')).toThrow(/no working day/);
  });
});

describe('ProductionCalendar years', () => {
  it('derives a year it was not given, provisionally', () => {
    const y = calendar.year(2028);
    expect(y.provisional).toBe(true);
    expect(y.year).toBe(2028);
  });

  it('without data, 2025 would follow Art. 112 — which the decree overrode', () => {
    const bare = new ProductionCalendar([]);
    expect(bare.isWorkingDay('2025-02-24')).toBe(false);
    expect(bare.isWorkingDay('2025-03-10')).toBe(false);
    expect(bare.isWorkingDay('2025-11-01')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-24')).toBe(true);
  });

  it('uses an office-edited year in place of the derived one', () => {
    const edited: CalendarYear = {
      ...provisionalYear(2027),
      provisional: false,
      source: 'edited by the office',
      nonWorkingDays: [...provisionalYear(2027).nonWorkingDays, '2027-11-05'],
      workingWeekendDays: ['2027-11-13'],
    };
    const cal = new ProductionCalendar([edited]);
    expect(cal.isWorkingDay('2027-11-05')).toBe(false);
    expect(cal.isWorkingDay('2027-11-13')).toBe(true);
    expect(cal.year(2027).source).toBe('edited by the office');
  });

  it('hands out copies, so a caller cannot change the calendar', () => {
    const cal = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);
    cal.year(2025).nonWorkingDays.push('2025-07-15');
    expect(cal.isWorkingDay('2025-07-15')).toBe(true);
  });

  it('refuses the same year twice', () => {
    expect(() => new ProductionCalendar([shipped(2025), shipped(2025)])).toThrow(/2025 twice/);
  });
});

describe('provisionalYear (Labour Code Art. 112)', () => {
  it('2028: January holidays stay put, Saturday 4 November moves to Monday 6 November', () => {
    const y = provisionalYear(2028);
    expect(y.provisional).toBe(true);
    expect(y.nonWorkingDays).toEqual(
      [
        ...[
          '01-03',
          '01-04',
          '01-05',
          '01-06',
          '01-07',
          '02-23',
          '03-08',
          '05-01',
          '05-09',
          '06-12',
          '11-06',
        ],
      ].map((d) => `2028-${d}`),
    );
    expect(y.workingWeekendDays).toEqual([]);
    expect(y.shortenedDays).toEqual(['2028-02-22', '2028-03-07', '2028-05-08', '2028-11-03']);
    expect(CalendarYearSchema.safeParse(y).success).toBe(true);
  });

  it('2027: the holidays on weekends move to the next working day', () => {
    expect(provisionalYear(2027).nonWorkingDays).toEqual(
      [
        ...['01-01', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08', '05-03', '05-10'],
        ...['06-14', '11-04'],
      ].map((d) => `2027-${d}`),
    );
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => provisionalYear(2027.5)).toThrow(RangeError);
  });
});

describe('CalendarYearSchema', () => {
  const good = (): CalendarYear => ({
    year: 2025,
    source: 'test',
    provisional: false,
    nonWorkingDays: ['2025-01-01', '2025-01-02'],
    workingWeekendDays: ['2025-11-01'],
    shortenedDays: ['2025-03-07'],
  });

  function firstIssue(data: unknown): { path: PropertyKey[]; message: string } {
    const result = CalendarYearSchema.safeParse(data);
    if (result.success) throw new Error('expected the schema to reject the input');
    const issue = result.error.issues[0];
    if (!issue) throw new Error('no issue reported');
    return { path: issue.path, message: issue.message };
  }

  it('accepts every shipped year and a minimal one', () => {
    for (const y of SHIPPED_CALENDAR_YEARS)
      expect(CalendarYearSchema.safeParse(y).success, String(y.year)).toBe(true);
    expect(CalendarYearSchema.parse(good())).toEqual(good());
  });

  it.each<[string, (y: CalendarYear) => void, PropertyKey[], RegExp]>([
    [
      'a date of another year',
      (y) => (y.nonWorkingDays[1] = '2024-01-02'),
      ['nonWorkingDays', 1],
      /not in 2025/,
    ],
    [
      'a date that does not exist',
      (y) => (y.nonWorkingDays[0] = '2025-02-30'),
      ['nonWorkingDays', 0],
      /real date/,
    ],
    [
      'a date in another format',
      (y) => (y.shortenedDays[0] = '07.03.2025'),
      ['shortenedDays', 0],
      /real date/,
    ],
    ['a duplicate', (y) => y.nonWorkingDays.push('2025-01-01'), ['nonWorkingDays', 2], /twice/],
    [
      'a Saturday among days off',
      (y) => y.nonWorkingDays.push('2025-01-04'),
      ['nonWorkingDays', 2],
      /Saturday/,
    ],
    [
      'a weekday as working weekend',
      (y) => (y.workingWeekendDays[0] = '2025-11-05'),
      ['workingWeekendDays', 0],
      /not a Saturday/,
    ],
    [
      'a shortened day off',
      (y) => (y.shortenedDays[0] = '2025-01-02'),
      ['shortenedDays', 0],
      /not a working day/,
    ],
    [
      'a shortened Sunday',
      (y) => (y.shortenedDays[0] = '2025-11-02'),
      ['shortenedDays', 0],
      /not a working day/,
    ],
    ['an empty source', (y) => (y.source = ' '), ['source'], /source is required/],
    ['a fractional year', (y) => (y.year = 2025.5), ['year'], /integer/],
  ])('rejects %s and names the field', (_what, spoil, path, message) => {
    const y = good();
    spoil(y);
    const issue = firstIssue(y);
    expect(issue.path).toEqual(path);
    expect(issue.message).toMatch(message);
  });

  it('rejects a missing list', () => {
    const { nonWorkingDays: _omitted, ...rest } = good();
    expect(firstIssue(rest).path).toEqual(['nonWorkingDays']);
  });

  it('lets extra fields through the API intersection but drops them from the year', () => {
    const parsed = CalendarYearSchema.parse({ ...good(), editedByOffice: true });
    expect(parsed).not.toHaveProperty('editedByOffice');
  });
});

describe('date helpers', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-01-10', 30, '2025-02-09'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2100-02-28', 1, '2100-03-01'],
  ])('addCalendarDays(%s, %i) = %s', (date, days, expected) => {
    expect(addCalendarDays(date, days)).toBe(expected);
  });

  it('refuses bad input to addCalendarDays', () => {
    expect(() => addCalendarDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('isIsoDate accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    const bad = [
      ...['2025-02-29', '2100-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-1-01'],
      ...['2025-01-01T00:00:00Z', ' 2025-01-01', '01.01.2025', ''],
    ];
    for (const s of bad) expect(isIsoDate(s), s).toBe(false);
  });
});

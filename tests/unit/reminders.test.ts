import { describe, expect, it } from 'vitest';
import { addCalendarDays, ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import {
  DEFAULT_REMINDER_SETTINGS,
  inQuietHours,
  minutesOf,
  ReminderDays,
  reminderSettings,
  type FireRule,
} from '../../shared/domain/reminders';
import { localDate, localMinutes, zonedInstant } from '../../shared/util/clock';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);

describe('fire days and the ranges a scan reads', () => {
  const rules: FireRule[] = [
    { offset: -5, move: 'shift' },
    { offset: 1, move: 'after' },
    { offset: 25, move: 'shift' },
    { offset: -21, move: 'shift' },
  ];
  // Windows over the New Year and May holidays of 2025–2026, of one day to two weeks.
  const starts = ['2025-12-24', '2025-12-31', '2026-01-08', '2026-04-28', '2026-05-08', '2026-05-11'];
  for (const shift of ['previous', 'next'] as const)
    it(`a date is in the range exactly when its fire day is in the window (${shift})`, () => {
      const days = new ReminderDays(calendar, shift);
      for (const rule of rules)
        for (const from of starts)
          for (const length of [0, 1, 3, 13]) {
            const window = { from, to: addCalendarDays(from, length) };
            const range = days.sourceRange(window, rule);
            for (let i = -60; i <= 60; i++) {
              const x = addCalendarDays(from, i);
              const fire = days.fireDay(x, rule);
              const inWindow = fire >= window.from && fire <= window.to;
              const inRange = range !== null && x >= range.from && x <= range.to;
              expect(inRange, `${JSON.stringify({ rule, window, x, fire })}`).toBe(inWindow);
            }
          }
    });

  it('a stage entry day is in the range exactly when its late day is in the window', () => {
    const days = new ReminderDays(calendar, 'previous');
    for (const limit of [1, 3, 5, 10, 60])
      for (const from of starts)
        for (const length of [0, 1, 3, 13]) {
          const window = { from, to: addCalendarDays(from, length) };
          const range = days.lateSourceRange(window, limit);
          for (let i = -120; i <= 30; i++) {
            const since = addCalendarDays(from, i);
            const late = days.lateDay(since, limit);
            const inWindow = late >= window.from && late <= window.to;
            const inRange = range !== null && since >= range.from && since <= range.to;
            expect(inRange, `${JSON.stringify({ limit, window, since, late })}`).toBe(inWindow);
          }
        }
  });

  it('a stage is late on the first working day after its limit, counted as addWorkingDays counts', () => {
    const days = new ReminderDays(calendar, 'previous');
    // Entered on Thursday 30 April 2026 with 3 working days: 4, 5, 6 May; late on Thursday 7 May.
    expect(days.lateDay('2026-04-30', 3)).toBe('2026-05-07');
    // Entered on the holiday of 1 May: counted from 30 April, the same.
    expect(days.lateDay('2026-05-01', 3)).toBe('2026-05-07');
    for (let d = '2025-12-20'; d <= '2026-01-20'; d = addCalendarDays(d, 1)) {
      const late = days.lateDay(d, 5);
      expect(calendar.isWorkingDay(late)).toBe(true);
      expect(late > calendar.addWorkingDays(d, 5)).toBe(true);
      expect(late).toBe(calendar.nextWorkingDay(addCalendarDays(calendar.addWorkingDays(d, 5), 1)));
    }
  });

  it('fire days are working days; `after` never comes before its date', () => {
    const days = new ReminderDays(calendar, 'previous');
    for (let d = '2025-12-20'; d <= '2026-01-20'; d = addCalendarDays(d, 1)) {
      expect(calendar.isWorkingDay(days.fireDay(d, { offset: -5, move: 'shift' }))).toBe(true);
      const overdue = days.fireDay(d, { offset: 1, move: 'after' });
      expect(calendar.isWorkingDay(overdue)).toBe(true);
      expect(overdue > d).toBe(true);
    }
  });
});

describe('office time', () => {
  it('a wall-clock time in the office becomes the right instant, in any zone of Russia', () => {
    for (const tz of ['Europe/Kaliningrad', 'Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Kamchatka']) {
      const at = zonedInstant('2026-05-12', '09:00', tz);
      expect(localDate(at, tz)).toBe('2026-05-12');
      expect(localMinutes(at, tz)).toBe(minutesOf('09:00'));
    }
    expect(zonedInstant('2026-05-12', '09:00', 'Europe/Moscow').toISOString()).toBe(
      '2026-05-12T06:00:00.000Z',
    );
    // Kamchatka is 12 hours ahead: 01:30 there is the previous day in UTC.
    expect(zonedInstant('2026-05-12', '01:30', 'Asia/Kamchatka').toISOString()).toBe(
      '2026-05-11T13:30:00.000Z',
    );
  });

  it('quiet hours may span midnight, and can be off', () => {
    const s = { ...DEFAULT_REMINDER_SETTINGS, quietFrom: '20:00', quietTo: '08:00' };
    expect(inQuietHours(s, minutesOf('21:00'))).toBe(true);
    expect(inQuietHours(s, minutesOf('07:59'))).toBe(true);
    expect(inQuietHours(s, minutesOf('08:00'))).toBe(false);
    expect(inQuietHours({ ...s, quietFrom: '13:00', quietTo: '14:00' }, minutesOf('13:30'))).toBe(true);
    expect(inQuietHours({ ...s, quietFrom: null }, minutesOf('23:00'))).toBe(false);
  });

  it('stored settings from an older version keep the defaults of what they lack', () => {
    const s = reminderSettings(JSON.stringify({ dueSoonDays: 7, enabled: { stage_stuck: false } }));
    expect(s.dueSoonDays).toBe(7);
    expect(s.enabled.stage_stuck).toBe(false);
    expect(s.enabled.appeal_overdue).toBe(true);
    expect(s.requestUnansweredDays).toBe(DEFAULT_REMINDER_SETTINGS.requestUnansweredDays);
  });
});

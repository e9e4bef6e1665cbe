import { describe, it, expect } from 'vitest';
import { ProductionCalendar } from '../../shared/domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../shared/domain/calendar-data';
import {
  DEFAULT_SHIFT_RULE,
  extendTerm,
  forwardTerm,
  isOverdue,
  isReviewedLate,
  registrationTerm,
  reviewTerm,
  termFrom,
  TERMS,
} from '../../shared/domain/deadlines';

const calendar = new ProductionCalendar(SHIPPED_CALENDAR_YEARS);

// Every expected date below was worked out by hand from a printed calendar and the decrees:
// [start, legal last day = start + N calendar days, control date with 'previous', control date with 'next', why].
type Row = [string, string, string, string, string];

describe('reviewTerm: 30 days from registration (59-FZ Art. 12 p.1)', () => {
  it.each<Row>([
    ['2025-01-10', '2025-02-09', '2025-02-07', '2025-02-10', 'the 30th day is a Sunday: the Friday before'],
    ['2025-06-02', '2025-07-02', '2025-07-02', '2025-07-02', 'an ordinary Wednesday stays'],
    ['2024-01-30', '2024-02-29', '2024-02-29', '2024-02-29', 'leap day, a Thursday'],
    ['2024-01-31', '2024-03-01', '2024-03-01', '2024-03-01', 'February 2024 has 29 days'],
    ['2025-01-31', '2025-03-02', '2025-02-28', '2025-03-03', 'February 2025 has 28 days; Sunday'],
    ['2024-02-29', '2024-03-30', '2024-03-29', '2024-04-01', 'from the leap day to a Saturday'],
    ['2024-01-24', '2024-02-23', '2024-02-22', '2024-02-26', 'Defender of the Fatherland Day, a Friday'],
    ['2024-02-07', '2024-03-08', '2024-03-07', '2024-03-11', '8 March 2024, a Friday'],
    ['2024-03-29', '2024-04-28', '2024-04-27', '2024-05-02', 'Sunday after working Saturday 27 April'],
    ['2024-04-10', '2024-05-10', '2024-05-08', '2024-05-13', 'day off moved from 6 January, after 9 May'],
    ['2024-05-13', '2024-06-12', '2024-06-11', '2024-06-13', 'Russia Day on a Wednesday'],
    [
      '2024-10-05',
      '2024-11-04',
      '2024-11-02',
      '2024-11-05',
      'back over Sunday to working Saturday 2 November',
    ],
    [
      '2024-12-02',
      '2025-01-01',
      '2024-12-28',
      '2025-01-09',
      'New Year: back to working Saturday 28 December',
    ],
    ['2025-01-24', '2025-02-23', '2025-02-21', '2025-02-24', '23 February 2025 moved by decree: 24th works'],
    ['2025-02-06', '2025-03-08', '2025-03-07', '2025-03-10', '8 March 2025 moved by decree: 10th works'],
    ['2025-04-09', '2025-05-09', '2025-05-07', '2025-05-12', 'Victory Day after day off 8 May'],
    ['2025-05-16', '2025-06-15', '2025-06-11', '2025-06-16', 'a Sunday whose Friday and Thursday are off'],
    ['2025-10-02', '2025-11-01', '2025-11-01', '2025-11-01', 'working Saturday 1 November 2025 stays'],
    ['2025-10-03', '2025-11-02', '2025-11-01', '2025-11-05', 'Sunday: back to the working Saturday'],
    ['2025-10-05', '2025-11-04', '2025-11-01', '2025-11-05', 'Unity Day after day off 3 November'],
    ['2025-12-05', '2026-01-04', '2025-12-30', '2026-01-12', 'January holidays of 2026 from December'],
    ['2025-12-10', '2026-01-09', '2025-12-30', '2026-01-12', '9 January 2026, moved from 3 January'],
    ['2026-01-24', '2026-02-23', '2026-02-20', '2026-02-24', 'Monday holiday: the Friday before'],
    ['2026-04-11', '2026-05-11', '2026-05-08', '2026-05-12', 'Monday 11 May 2026, for Saturday 9 May'],
    ['2026-12-01', '2026-12-31', '2026-12-30', '2027-01-11', 'into provisional 2027 January holidays'],
    ['2027-04-01', '2027-05-01', '2027-04-30', '2027-05-04', 'provisional 2027: 1 May a Saturday, 3 May off'],
    [
      '2027-05-14',
      '2027-06-13',
      '2027-06-11',
      '2027-06-15',
      'provisional 2027: 14 June for Saturday 12 June',
    ],
    ['2028-10-07', '2028-11-06', '2028-11-03', '2028-11-07', 'derived 2028: 6 November for Saturday 4th'],
  ])('registered %s → last day %s, control %s (previous) / %s (next): %s', (start, term, prev, next) => {
    expect(reviewTerm(start, { calendar, shift: 'previous' })).toEqual({ termDate: term, controlDate: prev });
    expect(reviewTerm(start, { calendar, shift: 'next' })).toEqual({ termDate: term, controlDate: next });
  });

  it("the office's default rule is 'previous'", () => {
    expect(DEFAULT_SHIFT_RULE).toBe('previous');
  });
});

describe('reviewTerm with migration: 20 days (Art. 12 p.1.1)', () => {
  it.each<Row>([
    ['2025-03-04', '2025-03-24', '2025-03-24', '2025-03-24', 'a Monday stays'],
    ['2025-04-21', '2025-05-11', '2025-05-07', '2025-05-12', 'Sunday after the Victory Day days off'],
    ['2025-12-20', '2026-01-09', '2025-12-30', '2026-01-12', 'across New Year'],
  ])('registered %s → %s, control %s / %s: %s', (start, term, prev, next) => {
    expect(reviewTerm(start, { calendar, shift: 'previous', migration: true })).toEqual({
      termDate: term,
      controlDate: prev,
    });
    expect(reviewTerm(start, { calendar, shift: 'next', migration: true })).toEqual({
      termDate: term,
      controlDate: next,
    });
  });
});

describe('forwardTerm: 7 days, migration 5 (Art. 8 p.3, p.3.1)', () => {
  it.each<Row>([
    ['2025-03-03', '2025-03-10', '2025-03-10', '2025-03-10', 'Monday to Monday'],
    ['2025-12-24', '2025-12-31', '2025-12-30', '2026-01-12', '31 December 2025 is off'],
    ['2024-12-27', '2025-01-03', '2024-12-28', '2025-01-09', 'back to working Saturday 28 December 2024'],
    ['2025-10-27', '2025-11-03', '2025-11-01', '2025-11-05', 'day off 3 November 2025'],
  ])('registered %s → %s, control %s / %s: %s', (start, term, prev, next) => {
    expect(forwardTerm(start, { calendar, shift: 'previous' })).toEqual({
      termDate: term,
      controlDate: prev,
    });
    expect(forwardTerm(start, { calendar, shift: 'next' })).toEqual({ termDate: term, controlDate: next });
  });

  it.each<Row>([
    ['2026-03-04', '2026-03-09', '2026-03-06', '2026-03-10', 'Monday 9 March 2026, for Sunday 8 March'],
    ['2025-07-14', '2025-07-19', '2025-07-18', '2025-07-21', 'a Saturday'],
  ])('migration: registered %s → %s, control %s / %s: %s', (start, term, prev, next) => {
    expect(forwardTerm(start, { calendar, shift: 'previous', migration: true })).toEqual({
      termDate: term,
      controlDate: prev,
    });
    expect(forwardTerm(start, { calendar, shift: 'next', migration: true })).toEqual({
      termDate: term,
      controlDate: next,
    });
  });
});

describe('registrationTerm: 3 days from receipt (Art. 8 p.2)', () => {
  it.each<Row>([
    ['2025-03-03', '2025-03-06', '2025-03-06', '2025-03-06', 'Monday to Thursday'],
    ['2025-03-05', '2025-03-08', '2025-03-07', '2025-03-10', 'lands on 8 March, a Saturday'],
    ['2025-10-30', '2025-11-02', '2025-11-01', '2025-11-05', 'back to working Saturday 1 November'],
    ['2025-12-30', '2026-01-02', '2025-12-30', '2026-01-12', 'every day of the term is off: the day itself'],
    ['2025-12-31', '2026-01-03', '2026-01-12', '2026-01-12', 'received on a day off: cannot shift before it'],
  ])('received %s → %s, control %s / %s: %s', (start, term, prev, next) => {
    expect(registrationTerm(start, calendar)).toEqual({ termDate: term, controlDate: prev });
    expect(registrationTerm(start, calendar, 'previous')).toEqual({ termDate: term, controlDate: prev });
    expect(registrationTerm(start, calendar, 'next')).toEqual({ termDate: term, controlDate: next });
  });
});

describe('extendTerm: by up to 30 days (Art. 12 p.2)', () => {
  it.each<[string, number, string, string, string]>([
    ['2025-02-09', 30, '2025-03-11', '2025-03-11', '2025-03-11'],
    ['2025-05-13', 30, '2025-06-12', '2025-06-11', '2025-06-16'],
    ['2025-12-30', 1, '2025-12-31', '2025-12-30', '2026-01-12'],
    ['2025-10-17', 15, '2025-11-01', '2025-11-01', '2025-11-01'],
  ])('from %s by %i days → %s, control %s / %s', (current, by, term, prev, next) => {
    expect(extendTerm(current, by, { calendar, shift: 'previous' })).toEqual({
      termDate: term,
      controlDate: prev,
    });
    expect(extendTerm(current, by, { calendar, shift: 'next' })).toEqual({
      termDate: term,
      controlDate: next,
    });
  });

  it('extends from the legal last day, not from the shifted control date', () => {
    const review = reviewTerm('2025-01-10', { calendar, shift: 'previous' });
    expect(review.controlDate).toBe('2025-02-07');
    expect(extendTerm(review.termDate, 30, { calendar, shift: 'previous' })).toEqual({
      termDate: '2025-03-11',
      controlDate: '2025-03-11',
    });
  });

  it.each([0, -1, 31, 60, 1.5, Number.NaN])('refuses an extension of %s days', (by) => {
    expect(() => extendTerm('2025-02-09', by, { calendar, shift: 'previous' })).toThrow(RangeError);
  });
});

describe('termFrom: the other terms', () => {
  it('a documents request is answered in 15 days (Art. 10 p.2)', () => {
    expect(termFrom('2025-04-23', TERMS.documentsRequestAnswer, calendar, 'previous')).toEqual({
      termDate: '2025-05-08',
      controlDate: '2025-05-07',
    });
    expect(termFrom('2025-04-23', TERMS.documentsRequestAnswer, calendar, 'next')).toEqual({
      termDate: '2025-05-08',
      controlDate: '2025-05-12',
    });
  });

  it("a deputy's request is answered in 30 days (3-FZ Art. 14)", () => {
    expect(termFrom('2025-12-02', TERMS.deputyRequestAnswer, calendar, 'previous')).toEqual({
      termDate: '2026-01-01',
      controlDate: '2025-12-30',
    });
  });

  it('an Art. 11 notice is due in 7 days', () => {
    expect(termFrom('2026-05-04', TERMS.art11Notice, calendar, 'previous')).toEqual({
      termDate: '2026-05-11',
      controlDate: '2026-05-08',
    });
  });

  it('refuses a term of no days, a bad date or an unknown rule', () => {
    expect(() => termFrom('2025-01-10', 0, calendar, 'previous')).toThrow(RangeError);
    expect(() => termFrom('2025-02-30', 30, calendar, 'previous')).toThrow(RangeError);
    expect(() => termFrom('2025-01-10', 30, calendar, 'nearest' as never)).toThrow(/unknown shift rule/);
  });

  it('names every term of the law in days', () => {
    expect(TERMS).toEqual({
      review: 30,
      reviewMigration: 20,
      forward: 7,
      forwardMigration: 5,
      art11Notice: 7,
      extensionMax: 30,
      documentsRequestAnswer: 15,
      deputyRequestAnswer: 30,
      requestReminderDays: 25,
      dueSoonDays: 5,
    });
  });
});

describe('isOverdue and isReviewedLate', () => {
  it.each([
    ['2025-02-07', '2025-02-06', false],
    ['2025-02-07', '2025-02-07', false],
    ['2025-02-07', '2025-02-08', true],
    ['2025-12-30', '2026-01-12', true],
    ['2025-12-30', '2024-12-31', false],
  ])('control %s, today %s → overdue %s', (control, today, expected) => {
    expect(isOverdue(control, today)).toBe(expected);
  });

  it.each([
    ['2025-11-01', '2025-10-31', false],
    ['2025-11-01', '2025-11-01', false],
    ['2025-11-01', '2025-11-05', true],
  ])('control %s, answered %s → late %s', (control, answered, expected) => {
    expect(isReviewedLate(control, answered)).toBe(expected);
  });

  it('refuses dates it cannot compare', () => {
    expect(() => isOverdue('2025-02-07', '8.2.2025')).toThrow(RangeError);
    expect(() => isReviewedLate('2025-2-7', '2025-02-08')).toThrow(RangeError);
  });
});

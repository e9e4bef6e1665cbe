/**
 * Terms of 59-FZ (citizens' appeals) and 3-FZ (deputies' requests).
 *
 * A term counts in calendar days from the day after its start (the registration or receipt date), so N days
 * from D end on D + N. That legal last day is `termDate`. The office works to `controlDate`: the last day moved
 * onto a working day by the office's rule — to the previous working day by default, because an answer sent early
 * is never late, or to the next one (the general rule of civil law, Civil Code Art. 193) if the office so chooses.
 */
import { addCalendarDays, isIsoDate, type IsoDate, type ProductionCalendar } from './calendar';

export type ShiftRule = 'previous' | 'next';

export const DEFAULT_SHIFT_RULE: ShiftRule = 'previous';

export interface Term {
  termDate: IsoDate;
  controlDate: IsoDate;
}

/** Days. */
export const TERMS = {
  /** 59-FZ Art. 12 p.1: review from registration. */
  review: 30,
  /** 59-FZ Art. 12 p.1.1: appeals reporting possible breaches of migration law. */
  reviewMigration: 20,
  /** 59-FZ Art. 8 p.3: forwarding out of competence, with a notice to the applicant. */
  forward: 7,
  /** 59-FZ Art. 8 p.3.1: the migration-law case. */
  forwardMigration: 5,
  /** 59-FZ Art. 11 parts 2, 4, 4.1, 5.1: notices to the applicant. */
  art11Notice: 7,
  /** 59-FZ Art. 12 p.2: the longest single extension. */
  extensionMax: 30,
  /** 59-FZ Art. 10 p.2: another body answers a documents request. */
  documentsRequestAnswer: 15,
  /** 3-FZ Art. 14: an official answers a deputy's request (a regional law may set another term). */
  deputyRequestAnswer: 30,
  /** A request unanswered this long raises a reminder to the responsible person (the office's practice). */
  requestReminderDays: 25,
  /** An appeal raises a "due soon" reminder this many days before its control date. */
  dueSoonDays: 5,
} as const;

/** 59-FZ Art. 8 p.2. */
export const REGISTRATION_DAYS = 3;

function assertDate(name: string, date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`${name} is not a date YYYY-MM-DD: ${JSON.stringify(date)}`);
}

export function termFrom(start: IsoDate, days: number, calendar: ProductionCalendar, shift: ShiftRule): Term {
  assertDate('start', start);
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`a term is a whole number of days ≥ 1, got ${days}`);
  const termDate = addCalendarDays(start, days);
  switch (shift) {
    case 'next':
      return { termDate, controlDate: calendar.nextWorkingDay(termDate) };
    case 'previous': {
      const earlier = calendar.previousWorkingDay(termDate);
      // When every day of the term is off (3 days over New Year), moving back would end the term before it
      // began; the next working day is the only date the office can still meet.
      return { termDate, controlDate: earlier < start ? calendar.nextWorkingDay(termDate) : earlier };
    }
    default: {
      const unknown: never = shift;
      throw new RangeError(`unknown shift rule: ${String(unknown)}`);
    }
  }
}

export interface TermOptions {
  calendar: ProductionCalendar;
  shift: ShiftRule;
  /** The appeal reports a possible breach of migration law (59-FZ Art. 8 p.3.1, Art. 12 p.1.1). */
  migration?: boolean;
}

export function reviewTerm(registeredOn: IsoDate, opts: TermOptions): Term {
  const days = opts.migration ? TERMS.reviewMigration : TERMS.review;
  return termFrom(registeredOn, days, opts.calendar, opts.shift);
}

export function forwardTerm(registeredOn: IsoDate, opts: TermOptions): Term {
  const days = opts.migration ? TERMS.forwardMigration : TERMS.forward;
  return termFrom(registeredOn, days, opts.calendar, opts.shift);
}

/** 3 days from receipt (Art. 8 p.2); shifted back by default, like every other term of the office. */
export function registrationTerm(
  receivedOn: IsoDate,
  calendar: ProductionCalendar,
  shift: ShiftRule = DEFAULT_SHIFT_RULE,
): Term {
  return termFrom(receivedOn, REGISTRATION_DAYS, calendar, shift);
}

/**
 * Extends a term by up to 30 days (Art. 12 p.2). `current` is the legal last day in force (`Term.termDate`):
 * counting from the control date would lose the days the shift took off.
 */
export function extendTerm(
  current: IsoDate,
  byDays: number,
  opts: { calendar: ProductionCalendar; shift: ShiftRule },
): Term {
  if (!Number.isInteger(byDays) || byDays < 1 || byDays > TERMS.extensionMax) {
    throw new RangeError(`an extension is 1–${TERMS.extensionMax} days (59-FZ Art. 12 p.2), got ${byDays}`);
  }
  return termFrom(current, byDays, opts.calendar, opts.shift);
}

/** Overdue from the day after the control date: the control date itself is still in time. */
export function isOverdue(controlDate: IsoDate, today: IsoDate): boolean {
  assertDate('controlDate', controlDate);
  assertDate('today', today);
  return today > controlDate;
}

/** For the card's "reviewed late" flag (рассмотрено с нарушением срока). */
export function isReviewedLate(controlDate: IsoDate, answeredOn: IsoDate): boolean {
  assertDate('controlDate', controlDate);
  assertDate('answeredOn', answeredOn);
  return answeredOn > controlDate;
}

/**
 * Reminder rules (DOMAIN §2, §5) as data, and when each falls due. Pure: the calendar and "today" are passed
 * in. The scheduler (main/reminders) finds the objects each rule looks at; this module says on which day a
 * reminder about one of them is raised, and which range of dates to look at so that a scan over a window of
 * days finds exactly the reminders due in it.
 */
import { z } from 'zod';
import { addCalendarDays, type IsoDate, type ProductionCalendar } from './calendar';
import type { ShiftRule } from './deadlines';
import { APPROVAL_LEAD_DAYS } from './workflow/event';

/**
 * Every rule the scheduler knows (main/reminders/rules.ts has one entry each). `event_approval` also
 * moves the event to Согласование (§5: 3 weeks before its date).
 */
export const REMINDER_RULES = [
  'appeal_due_soon',
  'appeal_overdue',
  'overdue_digest',
  'request_unanswered',
  'stage_stuck',
  'notice_late',
  'event_approval',
  'event_stuck',
  'mail_unregistered',
  'assignment_due_soon',
  'assignment_overdue',
  'own_request_unanswered',
  'own_request_late',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];

/** What a reminder is about; the inbox opens it. `user` is the recipient's own digest. */
export const REMINDER_ENTITIES = [
  'appeal',
  'request',
  'task',
  'event',
  'user',
  'mail',
  'assignment',
  'own_request',
] as const;
export type ReminderEntity = (typeof REMINDER_ENTITIES)[number];

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM, 00:00–23:59' });

export const ReminderSettingsSchema = z.object({
  /** Each rule can be turned off. */
  enabled: z.object(
    Object.fromEntries(REMINDER_RULES.map((r) => [r, z.boolean()])) as Record<ReminderRule, z.ZodBoolean>,
  ),
  /** "Due soon" this many calendar days before the control date (seed: 5). */
  dueSoonDays: z.number().int().min(1).max(30),
  /** A sent request with no answer this many calendar days after it went out (seed: 25). */
  requestUnansweredDays: z.number().int().min(1).max(90),
  /** An event still in Создание moves to Согласование this many calendar days before its date (seed: 21). */
  eventApprovalDays: z.number().int().min(1).max(90),
  /** Reminders of a day are raised when the office's working day starts, in its time zone. */
  workdayStart: TimeOfDaySchema,
  /** The daily digest of overdue items, on working days. */
  digestTime: TimeOfDaySchema,
  /** No desktop notifications between these times (the inbox still fills); null: none. */
  quietFrom: TimeOfDaySchema.nullable(),
  quietTo: TimeOfDaySchema.nullable(),
  /** Overdue reminders go to the office head too. */
  escalateToHead: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: Object.fromEntries(REMINDER_RULES.map((r) => [r, true])) as Record<ReminderRule, boolean>,
  dueSoonDays: 5,
  requestUnansweredDays: 25,
  eventApprovalDays: APPROVAL_LEAD_DAYS,
  workdayStart: '09:00',
  digestTime: '09:30',
  quietFrom: '20:00',
  quietTo: '08:00',
  escalateToHead: true,
};

/** The stored JSON (partial, possibly from an older version) over the defaults. */
export function reminderSettings(stored: string | null | undefined): ReminderSettings {
  const raw = (stored ? JSON.parse(stored) : {}) as Partial<ReminderSettings>;
  return {
    ...DEFAULT_REMINDER_SETTINGS,
    ...raw,
    enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled, ...(raw.enabled ?? {}) },
  };
}

/** Inclusive range of dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * How a rule's fire day follows from its object's date: `offset` calendar days after it (negative: before),
 * then onto a working day. `shift` follows the office's deadline setting (a reminder due on a day off shows
 * on the previous working day by default); `after` always moves forward, for a fact that is not true yet
 * before the day (an appeal is not overdue on its control date).
 */
export interface FireRule {
  offset: number;
  move: 'shift' | 'after';
}

export class ReminderDays {
  constructor(
    private readonly calendar: ProductionCalendar,
    private readonly shift: ShiftRule,
  ) {}

  private direction(rule: FireRule): 'previous' | 'next' {
    return rule.move === 'after' ? 'next' : this.shift;
  }

  // ProductionCalendar's previous/nextWorkingDay give the date itself when it is a working day.
  private onOrBefore(d: IsoDate): IsoDate {
    return this.calendar.previousWorkingDay(d);
  }

  private onOrAfter(d: IsoDate): IsoDate {
    return this.calendar.nextWorkingDay(d);
  }

  /** The working day a reminder about an object dated `date` is raised on. */
  fireDay(date: IsoDate, rule: FireRule): IsoDate {
    const d = addCalendarDays(date, rule.offset);
    return this.direction(rule) === 'next' ? this.onOrAfter(d) : this.onOrBefore(d);
  }

  /**
   * The object dates whose fire day falls in `window`, exactly: a scan queries this range with an index and
   * finds nothing it must throw away, and no day is missed between two scans whose windows touch.
   * null when no fire day can fall in the window (it holds no working day).
   */
  sourceRange(window: DateRange, rule: FireRule): DateRange | null {
    if (window.from > window.to) return null;
    let from: IsoDate;
    let to: IsoDate;
    if (this.direction(rule) === 'next') {
      // onOrAfter(x) ∈ [W, T] ⇔ x ∈ (last working day before W, last working day ≤ T].
      from = addCalendarDays(this.onOrBefore(addCalendarDays(window.from, -1)), 1);
      to = this.onOrBefore(window.to);
    } else {
      // onOrBefore(x) ∈ [W, T] ⇔ x ∈ [first working day ≥ W, first working day after T).
      from = this.onOrAfter(window.from);
      to = addCalendarDays(this.onOrAfter(addCalendarDays(window.to, 1)), -1);
    }
    if (from > to) return null;
    return { from: addCalendarDays(from, -rule.offset), to: addCalendarDays(to, -rule.offset) };
  }

  isWorkingDay(d: IsoDate): boolean {
    return this.calendar.isWorkingDay(d);
  }

  /**
   * The working day something begun on `since` and allowed `limit` working days is late: the first
   * working day after the limit's last. Begun on a day off, it counts from the working day before, as
   * `addWorkingDays` does; so the day is the (limit + 1)-th working day after that one.
   */
  lateDay(since: IsoDate, limit: number): IsoDate {
    return this.calendar.addWorkingDays(this.onOrBefore(since), limit + 1);
  }

  /** The `since` dates whose `lateDay` falls in `window`, exactly (see `sourceRange`). */
  lateSourceRange(window: DateRange, limit: number): DateRange | null {
    const first = this.onOrAfter(window.from);
    const last = this.onOrBefore(window.to);
    if (first > last) return null;
    // On working days lateDay is a shift by limit + 1 places; a day off belongs to the working day before it.
    const from = this.calendar.addWorkingDays(first, -(limit + 1));
    const lastStart = this.calendar.addWorkingDays(last, -(limit + 1));
    return { from, to: addCalendarDays(this.calendar.addWorkingDays(lastStart, 1), -1) };
  }
}

/** The fire rule of each dated rule, from the office's settings. */
export function fireRules(s: ReminderSettings): {
  dueSoon: FireRule;
  overdue: FireRule;
  requestUnanswered: FireRule;
  taskLate: FireRule;
  eventApproval: FireRule;
  mailUnregistered: FireRule;
} {
  return {
    dueSoon: { offset: -s.dueSoonDays, move: 'shift' },
    overdue: { offset: 1, move: 'after' },
    requestUnanswered: { offset: s.requestUnansweredDays, move: 'shift' },
    taskLate: { offset: 1, move: 'after' },
    // A day off before the event's own day moves it earlier by default: approval never gets less time.
    eventApproval: { offset: -s.eventApprovalDays, move: 'shift' },
    // 59-FZ Art. 8 part 2: an appeal is registered within 3 days of its receipt.
    mailUnregistered: { offset: 3, move: 'after' },
  };
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Whether a local time of day (minutes since midnight) is inside quiet hours, which may span midnight. */
export function inQuietHours(s: ReminderSettings, minutes: number): boolean {
  if (!s.quietFrom || !s.quietTo) return false;
  const from = minutesOf(s.quietFrom);
  const to = minutesOf(s.quietTo);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

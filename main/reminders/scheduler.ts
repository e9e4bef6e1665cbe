/**
 * The reminder scheduler: plain Node, no Electron. It scans on start (catching up whatever fell due while
 * the app was closed), on a timer, and soon after a write; each pass reads the data, so nothing is lost
 * when the process ends. Desktop notifications are handed to `notify`, held through quiet hours, and claimed
 * row by row in the database, so two windows on one file never show the same one twice.
 */
import type { Store } from '../../db/sql';
import type { ReminderParams } from '../../shared/api/reminders';
import { inQuietHours, reminderSettings, type ReminderRule } from '../../shared/domain/reminders';
import { reminderSummary, reminderText } from '../../shared/i18n/ru/reminders';
import { localMinutes, type Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { giveRecurring } from '../assignments/recurring';
import { localOfficeId } from '../office/queries';
import type { ReminderRuleDef } from './rules';
import { scanReminders, type RaisedReminder } from './scan';

export const DEFAULT_INTERVAL_MS = 60_000;
/** More than this many at once make one summary notification instead of one each. */
export const SUMMARY_OVER = 3;

export interface Notice {
  title: string;
  body: string;
  /** The appeal a click opens; null for a summary or a digest. */
  appealId: string | null;
}

/** Timers are injected too, so a test drives the scheduler without waiting. */
export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  hlc: Hlc;
  rules?: readonly ReminderRuleDef[];
  intervalMs?: number;
  timers?: Timers;
  /** Desktop notifications (Electron); without it reminders only fill the inbox. */
  notify?: (notices: Notice[]) => void;
  /** Whose notifications this desktop shows: the signed-in user, or null (none yet). */
  recipient?: () => string | null;
  log?: (message: string, error: unknown) => void;
}

export class ReminderScheduler {
  private interval: unknown = null;
  private pending: unknown = null;
  private readonly timers: Timers;

  constructor(private readonly opts: SchedulerOptions) {
    this.timers = opts.timers ?? realTimers;
  }

  /** Catches up at once, then scans every interval. */
  start(): RaisedReminder[] {
    const raised = this.tick();
    this.interval ??= this.timers.setInterval(() => this.tick(), this.opts.intervalMs ?? DEFAULT_INTERVAL_MS);
    return raised;
  }

  stop(): void {
    if (this.interval !== null) this.timers.clearInterval(this.interval);
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.interval = this.pending = null;
  }

  /** After a write: one scan soon, however many writes came together. */
  poke(): void {
    if (this.interval === null || this.pending !== null) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.tick();
    }, 0);
  }

  /** One pass: raise what is due, then show what this desktop should show. Never throws. */
  tick(): RaisedReminder[] {
    try {
      // Recurring поручения of the period first, so this pass already reminds of them.
      giveRecurring(this.opts);
    } catch (e) {
      this.opts.log?.('giving the recurring assignments failed', e);
    }
    try {
      const raised = scanReminders(this.opts);
      this.deliver();
      return raised;
    } catch (e) {
      this.opts.log?.('the reminder scan failed', e);
      return [];
    }
  }

  private deliver(): void {
    const { notify, recipient, store, clock } = this.opts;
    const userId = recipient?.();
    if (!notify || !userId) return;
    const notices = claimNotices(store, clock, userId);
    if (notices.length > 0) notify(notices);
  }
}

/**
 * Takes the user's reminders not yet shown on a desktop (outside quiet hours) and marks them shown in the
 * same statement, so another window cannot take them too. Many at once become one summary.
 */
export function claimNotices(store: Store, clock: Clock, userId: string): Notice[] {
  const db = store.read;
  const officeId = localOfficeId(db);
  const office = officeId
    ? db.rawGet<{ time_zone: string; reminder_settings: string }>(
        'SELECT time_zone, reminder_settings FROM offices WHERE id = ?',
        officeId,
      )
    : undefined;
  if (!office) return [];
  const now = clock.now();
  if (inQuietHours(reminderSettings(office.reminder_settings), localMinutes(now, office.time_zone)))
    return [];
  const rows = store.transaction((w) =>
    w.rawAll<{ rule: ReminderRule; params: string; appeal_id: string | null }>(
      `UPDATE reminders SET notified_at = ? WHERE recipient_id = ? AND notified_at IS NULL AND due_at <= ?
       RETURNING rule, params, appeal_id`,
      now.toISOString(),
      userId,
      now.toISOString(),
    ),
  );
  if (rows.length === 0) return [];
  if (rows.length > SUMMARY_OVER) return [{ ...reminderSummary(rows.length), appealId: null }];
  return rows.map((r) => ({
    ...reminderText(r.rule, JSON.parse(r.params) as ReminderParams),
    appealId: r.appeal_id,
  }));
}

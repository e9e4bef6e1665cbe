import type { OfficeHandle } from '../../main/boot/open-office';
import { planScan, scanReminders } from '../../main/reminders/scan';
import { CATCH_UP_DAYS } from '../../main/reminders/scan';
import { addCalendarDays, type ProductionCalendar } from '../../shared/domain/calendar';
import { fireRules, ReminderDays } from '../../shared/domain/reminders';
import { zonedInstant } from '../../shared/util/clock';
import type { Row } from './stats';

export interface ReminderBench {
  /** The first pass: a month's catch-up, written. */
  catchUpMs: number;
  raised: number;
  /** Later passes (what the timer does every minute), beside the same reads by hand. */
  row: Row;
}

/**
 * The due-reminder scan at the data set's size. The first pass catches up a month and writes; every pass
 * after it is the minute-by-minute one, which must find nothing new and skip the day it has covered. The
 * raw form is the same small reads, written by hand.
 */
export function benchReminderScan(
  handle: OfficeHandle,
  calendar: ProductionCalendar,
  iterations: number,
  warmup: number,
): ReminderBench {
  const env = { store: handle.store, clock: handle.clock, hlc: handle.hlc };
  const t0 = performance.now();
  const raised = scanReminders(env).length;
  const catchUpMs = performance.now() - t0;

  const plan = planScan(env);
  if (!plan) throw new Error('bench: no office');
  // A later pass, by hand: where the last pass got to, whether anything was written since, whether
  // today's digest is out; the day itself is not read again (the product's rule).
  const sqlite = handle.sqlite;
  const state = sqlite.prepare('SELECT value FROM local_state WHERE key = ?');
  const lastSeq = sqlite.prepare('SELECT max(seq) AS s FROM change_log');
  const digest = sqlite.prepare(
    "SELECT 1 FROM reminders WHERE due_at = ? AND rule = 'overdue_digest' LIMIT 1",
  );
  const digestAt = zonedInstant(plan.today, plan.settings.digestTime, plan.office.time_zone).toISOString();
  // The 3-week move reads, every pass, the events still in Создание whose day fell in the catch-up period.
  const days = new ReminderDays(calendar, plan.office.deadline_shift);
  const approval = days.sourceRange(
    { from: addCalendarDays(plan.today, -CATCH_UP_DAYS), to: plan.today },
    fireRules(plan.settings).eventApproval,
  );
  const waiting = sqlite.prepare(
    `SELECT id, title, event_date, stage, stage_since, responsible_id FROM events
      WHERE stage = 'creation' AND event_date BETWEEN ? AND ? AND deleted_at IS NULL`,
  );
  const byHand = (): number => {
    state.get('reminders.scanned_through');
    state.get('reminders.changes_seen');
    lastSeq.get();
    const moving = approval ? waiting.all(approval.from, approval.to).length : 0;
    return (digest.get(digestAt) ? 1 : 0) + moving;
  };

  const row: Row = { name: 'due-reminder scan, steady state', api: [], raw: [] };
  for (let i = -warmup; i < iterations; i++) {
    let apiMs = 0;
    let rawMs = 0;
    const api = (): void => {
      const s = performance.now();
      if (scanReminders(env).length > 0) throw new Error('bench: a repeated scan raised reminders again');
      apiMs = performance.now() - s;
    };
    const raw = (): void => {
      const s = performance.now();
      byHand();
      rawMs = performance.now() - s;
    };
    if (i % 2 === 0) {
      api();
      raw();
    } else {
      raw();
      api();
    }
    if (i < 0) continue;
    row.api.push(apiMs);
    row.raw.push(rawMs);
  }
  return { catchUpMs, raised, row };
}

/** Takes the bench's reminders out again, so the next run starts from the same file. */
export function clearReminders(handle: OfficeHandle): void {
  handle.sqlite.exec("DELETE FROM reminders; DELETE FROM local_state WHERE key LIKE 'reminders.%';");
}

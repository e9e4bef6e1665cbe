import type { OfficeHandle } from '../../main/core';
import { planScan, scanReminders } from '../../main/scheduler/scan';
import { CATCH_UP_DAYS } from '../../main/scheduler/scan';
import { eventStageLimits } from '../../main/services/office';
import { fireRules, ReminderDays } from '../../shared/domain/reminders';
import { addCalendarDays, type ProductionCalendar } from '../../shared/domain/calendar';
import { EVENT_STAGES } from '../../shared/domain/workflow/event';
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
 * after it is the minute-by-minute one, which must find and skip what is already raised. The raw form is
 * the same range reads, written by hand, with the window worked out once.
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
  if (!plan?.window) throw new Error('bench: the reminder scan has no window');
  const days = new ReminderDays(calendar, plan.office.deadline_shift);
  const fire = fireRules(plan.settings);
  const ranges = [fire.dueSoon, fire.overdue, fire.requestUnanswered, fire.taskLate].map((f) =>
    days.sourceRange(plan.window!, f),
  );
  // The events' rules: the move reads the whole catch-up period; "stuck" one range of entry instants a stage.
  const approval = days.sourceRange(
    { from: addCalendarDays(plan.today, -CATCH_UP_DAYS), to: plan.window.to },
    fire.eventApproval,
  );
  const limits = eventStageLimits(plan.office);
  const tz = plan.office.time_zone;
  const stuckRanges = EVENT_STAGES.flatMap((stage) => {
    const r = days.lateSourceRange(plan.window!, limits[stage]);
    if (!r) return [];
    const to = zonedInstant(addCalendarDays(r.to, 1), '00:00', tz).getTime() - 1;
    return [[stage, zonedInstant(r.from, '00:00', tz).toISOString(), new Date(to).toISOString()] as const];
  });
  const sqlite = handle.sqlite;
  const events = sqlite.prepare(
    `SELECT id, title, event_date, stage, stage_since, responsible_id FROM events
      WHERE stage = ? AND event_date BETWEEN ? AND ? AND deleted_at IS NULL`,
  );
  const stuck = sqlite.prepare(
    `SELECT id, title, event_date, stage, stage_since, responsible_id FROM events
      WHERE stage = ? AND stage_since BETWEEN ? AND ? AND deleted_at IS NULL`,
  );
  const appeals = sqlite.prepare(
    `SELECT id, reg_number, applicant_name, due_date, responsible_id FROM appeals
      WHERE due_date BETWEEN ? AND ? AND status <> 'closed' AND deleted_at IS NULL`,
  );
  const requests = sqlite.prepare(
    `SELECT r.id, r.appeal_id, r.sent_on, a.reg_number, a.applicant_name, a.responsible_id
      FROM external_requests r JOIN appeals a ON a.id = r.appeal_id
      WHERE r.sent_on BETWEEN ? AND ? AND r.status = 'sent' AND r.deleted_at IS NULL`,
  );
  const tasks = sqlite.prepare(
    `SELECT t.id, t.kind, t.appeal_id, t.assignee_id, t.due_date, a.reg_number FROM tasks t
      JOIN appeals a ON a.id = t.appeal_id
      WHERE t.due_date BETWEEN ? AND ? AND t.status = 'open' AND t.deleted_at IS NULL`,
  );
  const known = sqlite.prepare(
    'SELECT rule, entity_id, due_at, recipient_id FROM reminders WHERE due_at >= ?',
  );
  const since = `${plan.window.from}T00:00:00.000Z`;
  const byHand = (): number => {
    let n = 0;
    const [soon, overdue, request, task] = ranges;
    if (soon) n += appeals.all(soon.from, soon.to).length;
    if (overdue) n += appeals.all(overdue.from, overdue.to).length;
    if (request) n += requests.all(request.from, request.to).length;
    if (task) n += tasks.all(task.from, task.to).length;
    if (approval) n += events.all('creation', approval.from, approval.to).length;
    for (const [stage, from, to] of stuckRanges) n += stuck.all(stage, from, to).length;
    return n + known.all(since).length;
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

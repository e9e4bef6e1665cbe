/**
 * The events' rules (DOMAIN §5): the move to Согласование 3 weeks ahead, whose effect moves the event as the
 * "system" user, and a stage held past its limit.
 */
import { addCalendarDays, type IsoDate } from '../../shared/domain/calendar';
import type { ReminderParams } from '../../shared/api/reminders';
import { fireRules, type ReminderRule } from '../../shared/domain/reminders';
import { EVENT_STAGES, type EventStage } from '../../shared/domain/workflow/event';
import { localDate, zonedInstant } from '../../shared/util/clock';
import { moveEventToApproval } from '../events/stages';
import { eventStageLimits } from '../office/queries';
import {
  dated,
  sourceRows,
  type DueReminder,
  type ReminderRuleDef,
  type ScanInput,
  type Source,
  type Timing,
} from './sources';

type EventRow = {
  id: string;
  title: string;
  event_date: string;
  stage: EventStage;
  stage_since: string;
  responsible_id: string | null;
};

// Stage names are the domain's constants, never input. `stage IN ('x')` is `stage = 'x'` to the planner,
// so each stage's read is one range of events_stage (stage, event_date) or events_stage_since.
function eventsIn(stages: readonly EventStage[], date: 'event_date' | 'stage_since'): Source {
  return {
    select: `SELECT id, title, event_date, stage, stage_since, responsible_id FROM events
      WHERE stage IN (${stages.map((st) => `'${st}'`).join(', ')}) AND deleted_at IS NULL`,
    date,
    id: 'id',
    changed: 'events',
  };
}

function eventReminder(
  rule: ReminderRule,
  e: EventRow,
  fireDay: IsoDate,
  params: ReminderParams,
): DueReminder {
  return {
    rule,
    entity: 'event',
    entityId: e.id,
    fireDay,
    recipientId: e.responsible_id,
    appealId: null,
    requestId: null,
    params: { eventTitle: e.title, ...params },
  };
}

/**
 * An event is stuck on the first working day after its stage's limit (working days from the day it
 * entered the stage, in the office's time zone); the instants of `stage_since` that fall on the source
 * days are the range read.
 */
function stuckTiming(scan: ScanInput, stage: EventStage | null): Timing<EventRow> {
  const limits = eventStageLimits(scan.office);
  const tz = scan.office.time_zone;
  return {
    fireDay: (e) => scan.days.lateDay(localDate(new Date(e.stage_since), tz), limits[e.stage]),
    bounds: (window) => {
      const days = stage ? scan.days.lateSourceRange(window, limits[stage]) : null;
      if (!days) return null;
      const next = zonedInstant(addCalendarDays(days.to, 1), '00:00', tz).getTime();
      return {
        from: zonedInstant(days.from, '00:00', tz).toISOString(),
        to: new Date(next - 1).toISOString(),
      };
    },
  };
}

export const EVENT_RULES: readonly ReminderRuleDef[] = [
  {
    id: 'event_approval',
    escalate: false,
    everyPass: true,
    // Its effect takes the event out of Создание, so what it reads empties itself: it reads the whole
    // catch-up period on every pass, and an event whose day went by unmoved (the rule turned back on, a
    // longer offset set, an event entered late) moves at the next pass. Changed rows add nothing to that.
    due: (scan) => {
      if (scan.changed) return [];
      const wide: ScanInput = { ...scan, window: { from: scan.catchUpFrom, to: scan.window.to } };
      const timing = dated<EventRow>(wide, fireRules(scan.settings).eventApproval, (e) => e.event_date);
      return sourceRows(wide, eventsIn(['creation'], 'event_date'), timing).map(({ row: e, fireDay }) =>
        eventReminder('event_approval', e, fireDay, { date: e.event_date }),
      );
    },
    effect: (db, ctx, due) => moveEventToApproval(db, ctx, due.entityId),
  },
  {
    id: 'event_stuck',
    escalate: true,
    due: (scan) => {
      // The nine stages (closed and cancelled are not stages): by id, one read for all of them; by range,
      // one index range per stage, since each has its own limit.
      const reads = scan.changed
        ? [{ stages: EVENT_STAGES, timing: stuckTiming(scan, null) }]
        : EVENT_STAGES.map((st) => ({ stages: [st], timing: stuckTiming(scan, st) }));
      const tz = scan.office.time_zone;
      return reads.flatMap(({ stages, timing }) =>
        sourceRows(scan, eventsIn(stages, 'stage_since'), timing).map(({ row: e, fireDay }) =>
          eventReminder('event_stuck', e, fireDay, {
            eventStage: e.stage,
            date: localDate(new Date(e.stage_since), tz),
          }),
        ),
      );
    },
  },
];

/**
 * The reminder rules, one entry each: which objects a rule looks at and on which day it speaks of them.
 * A rule finds what falls due in a window of fire days from the data alone, so a scan after ten days
 * closed finds the ten days' reminders, and the unique key in `reminders` keeps each one single.
 *
 * A rule that changes something when it fires (the event's move to Согласование 3 weeks ahead) gives an
 * `effect`, which runs in the scan's write transaction as the "system" user through a service function.
 */
import type { OfficeTable } from '../../db/schema';
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ReminderParams } from '../../shared/api/reminders';
import { addCalendarDays, type IsoDate } from '../../shared/domain/calendar';
import {
  fireRules,
  type DateRange,
  type FireRule,
  type ReminderDays,
  type ReminderEntity,
  type ReminderRule,
  type ReminderSettings,
} from '../../shared/domain/reminders';
import type { TaskKind } from '../../shared/domain/workflow/appeal';
import { EVENT_STAGES, type EventStage } from '../../shared/domain/workflow/event';
import { localDate, zonedInstant } from '../../shared/util/clock';
import type { CallContext } from '../services/context';
import { moveEventToApproval } from '../services/events/stages';
import { eventStageLimits } from '../services/office';

/** One reminder a rule wants raised: its key is (rule, entityId, fire instant, each recipient). */
export interface DueReminder {
  rule: ReminderRule;
  entity: ReminderEntity;
  entityId: string;
  /** The working day it is raised on; at the office's working-day start unless `time` says otherwise. */
  fireDay: IsoDate;
  time?: string;
  /** Whom it is for; null (nobody responsible) goes to the office head. */
  recipientId: string | null;
  appealId: string | null;
  requestId: string | null;
  params: ReminderParams;
}

/** Ids of rows written since the last pass, by table: looked at whatever their dates (see `sourceRows`). */
export type ChangedIds = ReadonlyMap<string, readonly string[]>;

export interface ScanInput {
  db: ReadDb;
  /**
   * With this, the pass is about these objects only, and `window` reaches back over the whole catch-up
   * period: an object entered with old dates (a request sent a month ago, a notice task whose legal term
   * has passed) gets the reminders whose days the regular passes had already covered.
   */
  changed?: ChangedIds;
  /** Fire days to look at, inclusive: from the last scan's day to today. */
  window: DateRange;
  /** The earliest fire day any pass looks at (a first pass, or one after a long break, starts here). */
  catchUpFrom: IsoDate;
  today: IsoDate;
  timeZone: string;
  office: OfficeTable;
  /** Whether the daily time of `settings.digestTime` has come today. */
  digestDue: boolean;
  days: ReminderDays;
  settings: ReminderSettings;
}

export interface ReminderRuleDef {
  id: ReminderRule;
  /** Overdue: the office head hears of it too (when the office's setting says so). */
  escalate: boolean;
  /** Looked at on every pass, also when no new day has come (its set empties itself, or it is daily). */
  everyPass?: boolean;
  due(scan: ScanInput): DueReminder[];
  /** A change the rule makes the first time it fires, in the same transaction, as the "system" user. */
  effect?(db: WriteDb, ctx: CallContext, reminder: DueReminder): void;
}

type AppealRow = {
  id: string;
  reg_number: string;
  applicant_name: string;
  due_date: string;
  responsible_id: string | null;
};

interface Source {
  /** SELECT … WHERE (the open objects); the date range or the id list is appended. */
  select: string;
  date: string;
  id: string;
  /** The table whose change-log entries name the rows (`id` is its key). */
  changed: string;
}

/**
 * When a rule speaks of a row: its fire day, and the bounds on the source's date column (inclusive) that
 * hold exactly the rows whose fire day falls in a window (null: none can).
 */
interface Timing<R> {
  fireDay(row: R): IsoDate | null;
  bounds(window: DateRange): { from: string; to: string } | null;
}

/** A rule whose day is its object's date moved by a number of calendar days (`FireRule`). */
function dated<R>(scan: ScanInput, fire: FireRule, dateOf: (r: R) => string | null): Timing<R> {
  return {
    fireDay: (r) => {
      const date = dateOf(r);
      return date ? scan.days.fireDay(date, fire) : null;
    },
    bounds: (window) => scan.days.sourceRange(window, fire),
  };
}

/**
 * The rows a rule looks at, with their fire days: by the range of source dates whose fire day falls in
 * the window (an index range, nothing read only to be dropped), or, for objects changed since the last
 * pass, by id, keeping those whose fire day is in the window.
 */
function sourceRows<R>(scan: ScanInput, src: Source, timing: Timing<R>): { row: R; fireDay: IsoDate }[] {
  const inWindow = (row: R): { row: R; fireDay: IsoDate }[] => {
    const day = timing.fireDay(row);
    return day && day >= scan.window.from && day <= scan.window.to ? [{ row, fireDay: day }] : [];
  };
  if (scan.changed) {
    const ids = scan.changed.get(src.changed);
    if (!ids || ids.length === 0) return [];
    return scan.db
      .rawAll<R>(`${src.select} AND ${src.id} IN (SELECT value FROM json_each(?))`, JSON.stringify(ids))
      .flatMap(inWindow);
  }
  const range = timing.bounds(scan.window);
  if (!range) return [];
  // The bounds are exact, so every row is in the window; the check costs nothing and keeps one path.
  return scan.db
    .rawAll<R>(`${src.select} AND ${src.date} BETWEEN ? AND ?`, range.from, range.to)
    .flatMap(inWindow);
}

// Raw SQL: the partial index appeals_open_due applies only when the query says `status <> 'closed'` literally.
const OPEN_APPEALS: Source = {
  select: `SELECT id, reg_number, applicant_name, due_date, responsible_id FROM appeals
    WHERE status <> 'closed' AND deleted_at IS NULL`,
  date: 'due_date',
  id: 'id',
  changed: 'appeals',
};

function appealsFiring(scan: ScanInput, rule: ReminderRule, fire: FireRule): DueReminder[] {
  const timing = dated<AppealRow>(scan, fire, (a) => a.due_date);
  return sourceRows(scan, OPEN_APPEALS, timing).map(({ row: a, fireDay }) => ({
    rule,
    entity: 'appeal',
    entityId: a.id,
    fireDay,
    recipientId: a.responsible_id,
    appealId: a.id,
    requestId: null,
    params: { regNumber: a.reg_number, applicantName: a.applicant_name, date: a.due_date },
  }));
}

const SENT_REQUESTS: Source = {
  select: `SELECT r.id, r.appeal_id, r.sent_on, a.reg_number, a.applicant_name, a.responsible_id,
      b.name AS body_name
    FROM external_requests r JOIN appeals a ON a.id = r.appeal_id LEFT JOIN bodies b ON b.id = r.body_id
    WHERE r.status = 'sent' AND r.deleted_at IS NULL`,
  date: 'r.sent_on',
  id: 'r.id',
  changed: 'external_requests',
};

/** Notices with a legal term (59-FZ Art. 11, Art. 12 p.2): late is a breach, not a slow stage. */
const NOTICE_TASKS: readonly TaskKind[] = ['art11_notice', 'extension_notice'];
/** Waiting for another body's answer is the 25-day rule's, not a stage the office holds. */
const NOT_STAGES: readonly TaskKind[] = [...NOTICE_TASKS, 'request_answer'];

const OPEN_TASKS: Source = {
  select: `SELECT t.id, t.kind, t.appeal_id, t.request_id, t.assignee_id, t.due_date, a.reg_number,
      a.applicant_name
    FROM tasks t JOIN appeals a ON a.id = t.appeal_id
    WHERE t.status = 'open' AND t.deleted_at IS NULL`,
  date: 't.due_date',
  id: 't.id',
  changed: 'tasks',
};

function tasksFiring(scan: ScanInput, rule: ReminderRule, notices: boolean): DueReminder[] {
  const fire = fireRules(scan.settings).taskLate;
  type Row = {
    id: string;
    kind: TaskKind;
    appeal_id: string;
    request_id: string | null;
    assignee_id: string | null;
    due_date: string;
    reg_number: string;
    applicant_name: string;
  };
  return sourceRows(
    scan,
    OPEN_TASKS,
    dated<Row>(scan, fire, (t) => t.due_date),
  )
    .filter(({ row: t }) => (notices ? NOTICE_TASKS.includes(t.kind) : !NOT_STAGES.includes(t.kind)))
    .map(({ row: t, fireDay }) => ({
      rule,
      entity: 'task',
      entityId: t.id,
      fireDay,
      recipientId: t.assignee_id,
      appealId: t.appeal_id,
      requestId: t.request_id,
      params: {
        regNumber: t.reg_number,
        applicantName: t.applicant_name,
        date: t.due_date,
        taskKind: t.kind,
      },
    }));
}

/** Overdue open appeals by responsible person, and in all (for the office head). */
export function overdueCounts(db: ReadDb, today: IsoDate): { total: number; by: Map<string | null, number> } {
  const rows = db.rawAll<{ responsible_id: string | null; n: number }>(
    `SELECT responsible_id, count(*) AS n FROM appeals
      WHERE due_date < ? AND status <> 'closed' AND deleted_at IS NULL GROUP BY responsible_id`,
    today,
  );
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    by: new Map(rows.map((r) => [r.responsible_id, r.n])),
  };
}

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

export const RULES: readonly ReminderRuleDef[] = [
  {
    id: 'appeal_due_soon',
    escalate: false,
    due: (scan) => appealsFiring(scan, 'appeal_due_soon', fireRules(scan.settings).dueSoon),
  },
  {
    id: 'appeal_overdue',
    escalate: true,
    due: (scan) => appealsFiring(scan, 'appeal_overdue', fireRules(scan.settings).overdue),
  },
  {
    id: 'overdue_digest',
    escalate: false,
    everyPass: true,
    // Only today's: after a holiday one digest of what is overdue now says more than one for each day missed.
    due: (scan) => {
      if (scan.changed || !scan.digestDue || !scan.days.isWorkingDay(scan.today)) return [];
      // Counting every overdue appeal is the dearest read of a pass: once today's digest is out, skip it.
      const at = zonedInstant(scan.today, scan.settings.digestTime, scan.timeZone).toISOString();
      if (scan.db.rawGet("SELECT 1 FROM reminders WHERE due_at = ? AND rule = 'overdue_digest' LIMIT 1", at))
        return [];
      const counts = overdueCounts(scan.db, scan.today);
      const digest = (userId: string | null, count: number): DueReminder => ({
        rule: 'overdue_digest',
        entity: 'user',
        entityId: userId ?? '',
        fireDay: scan.today,
        time: scan.settings.digestTime,
        recipientId: userId,
        appealId: null,
        requestId: null,
        params: { count },
      });
      const out: DueReminder[] = [];
      // The office head's digest counts the whole office; `null` is resolved to the head by the scan.
      if (counts.total > 0) out.push({ ...digest(null, counts.total), entityId: 'office' });
      for (const [userId, n] of counts.by) if (userId) out.push(digest(userId, n));
      return out;
    },
  },
  {
    id: 'request_unanswered',
    escalate: false,
    due: (scan) => {
      const fire = fireRules(scan.settings).requestUnanswered;
      type Row = {
        id: string;
        appeal_id: string;
        sent_on: string;
        reg_number: string;
        applicant_name: string;
        responsible_id: string | null;
        body_name: string | null;
      };
      const timing = dated<Row>(scan, fire, (r) => r.sent_on);
      return sourceRows(scan, SENT_REQUESTS, timing).map(({ row: r, fireDay }) => ({
        rule: 'request_unanswered',
        entity: 'request',
        entityId: r.id,
        fireDay,
        recipientId: r.responsible_id,
        appealId: r.appeal_id,
        requestId: r.id,
        params: {
          regNumber: r.reg_number,
          applicantName: r.applicant_name,
          date: r.sent_on,
          ...(r.body_name ? { bodyName: r.body_name } : {}),
        },
      }));
    },
  },
  { id: 'stage_stuck', escalate: false, due: (scan) => tasksFiring(scan, 'stage_stuck', false) },
  { id: 'notice_late', escalate: true, due: (scan) => tasksFiring(scan, 'notice_late', true) },
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

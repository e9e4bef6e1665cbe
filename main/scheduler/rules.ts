/**
 * The reminder rules, one entry each: which objects a rule looks at and on which day it speaks of them.
 * A rule finds what falls due in a window of fire days from the data alone, so a scan after ten days
 * closed finds the ten days' reminders, and the unique key in `reminders` keeps each one single.
 *
 * A rule that changes something when it fires (the event's move to Согласование 3 weeks ahead) gives an
 * `effect`, which runs in the scan's write transaction as the "system" user through a service function.
 */
import type { ReadDb, WriteDb } from '../../db/sql';
import type { ReminderParams } from '../../shared/api/reminders';
import type { IsoDate } from '../../shared/domain/calendar';
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
import { zonedInstant } from '../../shared/util/clock';
import type { CallContext } from '../services/context';

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
  today: IsoDate;
  timeZone: string;
  /** Whether the daily time of `settings.digestTime` has come today. */
  digestDue: boolean;
  days: ReminderDays;
  settings: ReminderSettings;
}

export interface ReminderRuleDef {
  id: ReminderRule;
  /** Overdue: the office head hears of it too (when the office's setting says so). */
  escalate: boolean;
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
 * The rows a rule looks at: by the range of source dates whose fire day falls in the window (an index
 * range, nothing read only to be dropped), or, for objects changed since the last pass, by id, keeping
 * those whose fire day is in the window.
 */
function sourceRows<R>(scan: ScanInput, fire: FireRule, src: Source, dateOf: (r: R) => string | null): R[] {
  if (scan.changed) {
    const ids = scan.changed.get(src.changed);
    if (!ids || ids.length === 0) return [];
    return scan.db
      .rawAll<R>(`${src.select} AND ${src.id} IN (SELECT value FROM json_each(?))`, JSON.stringify(ids))
      .filter((r) => {
        const date = dateOf(r);
        if (!date) return false;
        const day = scan.days.fireDay(date, fire);
        return day >= scan.window.from && day <= scan.window.to;
      });
  }
  const range = scan.days.sourceRange(scan.window, fire);
  if (!range) return [];
  return scan.db.rawAll<R>(`${src.select} AND ${src.date} BETWEEN ? AND ?`, range.from, range.to);
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
  return sourceRows<AppealRow>(scan, fire, OPEN_APPEALS, (a) => a.due_date).map((a) => ({
    rule,
    entity: 'appeal',
    entityId: a.id,
    fireDay: scan.days.fireDay(a.due_date, fire),
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
  return sourceRows<Row>(scan, fire, OPEN_TASKS, (t) => t.due_date)
    .filter((t) => (notices ? NOTICE_TASKS.includes(t.kind) : !NOT_STAGES.includes(t.kind)))
    .map((t) => ({
      rule,
      entity: 'task',
      entityId: t.id,
      fireDay: scan.days.fireDay(t.due_date, fire),
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
      return sourceRows<Row>(scan, fire, SENT_REQUESTS, (r) => r.sent_on).map((r) => ({
        rule: 'request_unanswered',
        entity: 'request',
        entityId: r.id,
        fireDay: scan.days.fireDay(r.sent_on, fire),
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
];

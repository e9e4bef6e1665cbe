/**
 * The reminder rules, one entry each: which objects a rule looks at and on which day it speaks of them.
 * A rule finds what falls due in a window of fire days from the data alone, so a scan after ten days
 * closed finds the ten days' reminders, and the unique key in `reminders` keeps each one single.
 *
 * A rule that changes something when it fires (the event's move to Согласование 3 weeks ahead) gives an
 * `effect`, which runs in the scan's write transaction as the "system" user through a service function.
 */
import type { ReadDb } from '../../db/sql';
import type { IsoDate } from '../../shared/domain/calendar';
import { fireRules, type FireRule, type ReminderRule } from '../../shared/domain/reminders';
import type { TaskKind } from '../../shared/domain/workflow/appeal';
import { zonedInstant } from '../../shared/util/clock';
import { overdueAssignmentCounts } from '../assignments/queries';
import { ASSIGNMENT_RULES } from './assignment-rules';
import { EVENT_RULES } from './event-rules';
import { MAIL_UNREGISTERED } from '../mail/intake/reminder-rule';
import { OWN_REQUEST_RULES } from './own-request-rules';
import {
  dated,
  sourceRows,
  type DueReminder,
  type ReminderRuleDef,
  type ScanInput,
  type Source,
} from './sources';

export type { ChangedIds, DueReminder, ReminderRuleDef, ScanInput } from './sources';

type AppealRow = {
  id: string;
  reg_number: string;
  applicant_name: string;
  due_date: string;
  responsible_id: string | null;
};

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
      const given = overdueAssignmentCounts(scan.db, scan.today);
      const digest = (userId: string | null, count: number, assignments: number): DueReminder => ({
        rule: 'overdue_digest',
        entity: 'user',
        entityId: userId ?? '',
        fireDay: scan.today,
        time: scan.settings.digestTime,
        recipientId: userId,
        appealId: null,
        requestId: null,
        params: assignments > 0 ? { count, assignments } : { count },
      });
      const out: DueReminder[] = [];
      // The office head's digest counts the whole office; `null` is resolved to the head by the scan.
      if (counts.total + given.total > 0)
        out.push({ ...digest(null, counts.total, given.total), entityId: 'office' });
      for (const userId of new Set([...counts.by.keys(), ...given.by.keys()]))
        if (userId) out.push(digest(userId, counts.by.get(userId) ?? 0, given.by.get(userId) ?? 0));
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
  ...EVENT_RULES,
  MAIL_UNREGISTERED,
  ...ASSIGNMENT_RULES,
  ...OWN_REQUEST_RULES,
];

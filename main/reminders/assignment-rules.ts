/**
 * The поручения's reminders: the control date coming (to each assignee) and passed (to each assignee and
 * the author, and to the office head by the office's setting). Read off the open поручения by control
 * date, on the partial index of migration «assignments», so a scan after days closed catches up as the
 * appeals' rules do.
 */
import { fireRules, type FireRule, type ReminderRule } from '../../shared/domain/reminders';
import {
  dated,
  sourceRows,
  type DueReminder,
  type ReminderRuleDef,
  type ScanInput,
  type Source,
} from './sources';

type Row = { id: string; text: string; control_date: string; assignees: string; author_id: string };

// Status as literals: the partial index assignments_open_control applies only so.
const OPEN_ASSIGNMENTS: Source = {
  select: `SELECT id, text, control_date, assignees, author_id FROM assignments
    WHERE status IN ('new', 'in_work', 'returned') AND deleted_at IS NULL`,
  date: 'control_date',
  id: 'id',
  changed: 'assignments',
};

const SHORT = 120;

function assignmentsFiring(
  scan: ScanInput,
  rule: ReminderRule,
  fire: FireRule,
  author: boolean,
): DueReminder[] {
  const timing = dated<Row>(scan, fire, (a) => a.control_date);
  return sourceRows(scan, OPEN_ASSIGNMENTS, timing).flatMap(({ row: a, fireDay }) => {
    const people = new Set(JSON.parse(a.assignees) as string[]);
    if (author) people.add(a.author_id);
    const text = a.text.length > SHORT ? `${a.text.slice(0, SHORT - 1)}…` : a.text;
    return [...people].map((to) => ({
      rule,
      entity: 'assignment' as const,
      entityId: a.id,
      fireDay,
      recipientId: to,
      appealId: null,
      requestId: null,
      params: { text, date: a.control_date },
    }));
  });
}

export const ASSIGNMENT_RULES: readonly ReminderRuleDef[] = [
  {
    id: 'assignment_due_soon',
    escalate: false,
    due: (scan) => assignmentsFiring(scan, 'assignment_due_soon', fireRules(scan.settings).dueSoon, false),
  },
  {
    id: 'assignment_overdue',
    escalate: true,
    due: (scan) => assignmentsFiring(scan, 'assignment_overdue', fireRules(scan.settings).overdue, true),
  },
];

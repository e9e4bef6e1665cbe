/**
 * The поручения in the period report's staff figures: per assignee, given in the period, accepted in the
 * period, open now and overdue now. A поручение with several assignees counts once for each of them.
 */
import type { ReadDb } from '../../db/sql';
import { zonedInstant } from '../../shared/util/clock';
import { addCalendarDays } from '../../shared/domain/calendar';

export interface AssignmentLoad {
  given: number;
  accepted: number;
  open: number;
  overdue: number;
}

export interface AssignmentLoadFilter {
  from: string;
  to: string;
  /** One assignee only. */
  assigneeId?: string | undefined;
  /** Whose offices (HQ's database holds many); all when left out. */
  officeIds?: readonly string[] | undefined;
}

/**
 * Per assignee. The period's days are the office's: the instants the rows carry are compared with the
 * bounds of those days in the office's time zone.
 */
export function assignmentLoad(
  db: ReadDb,
  f: AssignmentLoadFilter,
  asOf: string,
): Map<string, AssignmentLoad> {
  const zone =
    db.rawGet<{ z: string }>('SELECT time_zone AS z FROM offices ORDER BY id LIMIT 1')?.z ?? 'Europe/Moscow';
  const start = zonedInstant(f.from, '00:00', zone).toISOString();
  const end = zonedInstant(addCalendarDays(f.to, 1), '00:00', zone).toISOString();
  const where = ['a.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (f.officeIds) {
    where.push(`a.office_id IN (${f.officeIds.map(() => '?').join(', ')})`);
    params.push(...f.officeIds);
  }
  if (f.assigneeId) {
    where.push('j.value = ?');
    params.push(f.assigneeId);
  }
  const open = "a.status IN ('new', 'in_work', 'returned')";
  const rows = db.rawAll<AssignmentLoad & { who: string }>(
    `SELECT j.value AS who,
            sum(a.created_at >= ? AND a.created_at < ?) AS given,
            sum(a.status = 'accepted' AND a.accepted_at >= ? AND a.accepted_at < ?) AS accepted,
            sum(${open}) AS open,
            sum(${open} AND a.control_date < ?) AS overdue
     FROM assignments a, json_each(a.assignees) j
     WHERE ${where.join(' AND ')}
     GROUP BY j.value`,
    start,
    end,
    start,
    end,
    asOf,
    ...params,
  );
  return new Map(
    rows
      .filter((r) => r.given + r.accepted + r.open > 0)
      .map((r) => [r.who, { given: r.given, accepted: r.accepted, open: r.open, overdue: r.overdue }]),
  );
}

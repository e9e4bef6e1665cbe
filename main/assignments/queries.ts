/** The поручения's read side: a row, its shape in the contract, what a caller may do with it, counts. */
import type { AssignmentTable } from '../../db/schema';
import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Assignment, AssignmentCard, AssignmentTemplate } from '../../shared/api/assignments';
import type { AssignmentTemplateTable } from '../../db/schema';
import {
  OPEN_ASSIGNMENT,
  type AssignmentPriority,
  type AssignmentStatus,
  type Recurrence,
} from '../../shared/domain/assignments';
import type { Actor } from '../kernel/context';
import { filesOf } from './files';

export function assignmentRow(db: ReadDb, id: string): AssignmentTable {
  const row = db.get(
    db.qb.selectFrom('assignments').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!row) throw new ApiError('not_found', 'no such assignment', { field: 'id' });
  return row;
}

export const assigneesOf = (row: { assignees: string }): string[] => JSON.parse(row.assignees) as string[];

/** Who looks after the office's work: they may accept, return and reassign any поручение. */
const isManager = (actor: Actor): boolean => actor.role === 'office_head' || actor.role === 'admin';

/** What the actor may do with the поручение as it stands. */
export function mayOn(row: AssignmentTable, actor: Actor | null) {
  const status = row.status as AssignmentStatus;
  const assignee = !!actor && assigneesOf(row).includes(actor.userId);
  const reviewer = !!actor && (actor.userId === row.author_id || isManager(actor) || actor.role === 'deputy');
  return {
    start: assignee && (status === 'new' || status === 'returned'),
    report: assignee && OPEN_ASSIGNMENT.includes(status),
    review: reviewer && status === 'reported',
    reassign:
      !!actor && (actor.userId === row.author_id || isManager(actor)) && OPEN_ASSIGNMENT.includes(status),
  };
}

/** The people the rows name, read at once: `person(id)` gives one as the contract shows them. */
function peopleOf(db: ReadDb, ids: readonly string[]): (id: string) => { id: string; name: string | null } {
  const named = [...new Set(ids.filter(Boolean))];
  const who = new Map(
    named.length === 0
      ? []
      : db
          .all(db.qb.selectFrom('users').select(['id', 'full_name']).where('id', 'in', named))
          .map((u) => [u.id, u.full_name] as const),
  );
  return (id) => ({ id, name: who.get(id) ?? null });
}

const titleOf = (db: ReadDb, table: 'events', id: string | null) =>
  id ? (db.get(db.qb.selectFrom(table).select('title').where('id', '=', id))?.title ?? null) : null;

export function toAssignments(
  db: ReadDb,
  rows: readonly AssignmentTable[],
  actor: Actor | null,
  today: string,
): Assignment[] {
  const person = peopleOf(
    db,
    rows.flatMap((r) => [r.author_id, ...assigneesOf(r), r.reported_by ?? '', r.accepted_by ?? '']),
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    author: person(r.author_id),
    assignees: assigneesOf(r).map(person),
    controlDate: r.control_date,
    priority: r.priority as AssignmentPriority,
    status: r.status as AssignmentStatus,
    overdue: OPEN_ASSIGNMENT.includes(r.status as AssignmentStatus) && r.control_date < today,
    appeal: r.appeal_id
      ? {
          id: r.appeal_id,
          regNumber:
            db.get(db.qb.selectFrom('appeals').select('reg_number').where('id', '=', r.appeal_id))
              ?.reg_number ?? null,
        }
      : null,
    event: r.event_id ? { id: r.event_id, title: titleOf(db, 'events', r.event_id) } : null,
    contact: r.contact_id
      ? {
          id: r.contact_id,
          name:
            db.get(db.qb.selectFrom('contacts').select('full_name').where('id', '=', r.contact_id))
              ?.full_name ?? null,
        }
      : null,
    link: r.link_entity && r.link_id ? { entity: r.link_entity, id: r.link_id } : null,
    report:
      r.report_text && r.reported_at && r.reported_by
        ? { text: r.report_text, at: r.reported_at, by: person(r.reported_by) }
        : null,
    returnReason: r.return_reason,
    accepted: r.accepted_at && r.accepted_by ? { at: r.accepted_at, by: person(r.accepted_by) } : null,
    templateId: r.template_id,
    period: r.period,
    createdAt: r.created_at,
    may: mayOn(r, actor),
    version: r.hlc,
  }));
}

export function assignmentCard(db: ReadDb, id: string, actor: Actor | null, today: string): AssignmentCard {
  const row = assignmentRow(db, id);
  const comments = db.all(
    db.qb
      .selectFrom('assignment_comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.author_id', 'u.full_name', 'c.text', 'c.created_at'])
      .where('c.assignment_id', '=', id)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.created_at')
      .orderBy('c.hlc'),
  );
  return {
    ...toAssignments(db, [row], actor, today)[0]!,
    comments: comments.map((c) => ({
      id: c.id,
      author: { id: c.author_id, name: c.full_name },
      text: c.text,
      at: c.created_at,
    })),
    files: filesOf(db, 'assignment_files', 'assignment_id', id),
  };
}

export function toTemplates(db: ReadDb, rows: readonly AssignmentTemplateTable[]): AssignmentTemplate[] {
  const person = peopleOf(
    db,
    rows.flatMap((r) => [r.author_id, ...assigneesOf(r)]),
  );
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    author: person(r.author_id),
    assignees: assigneesOf(r).map(person),
    priority: r.priority as AssignmentPriority,
    recurrence: r.recurrence as Recurrence,
    day: r.day,
    termDays: r.term_days,
    active: r.active === 1,
  }));
}

/**
 * Open поручения past their control date, by assignee (each assignee counts the поручение once), and
 * how many in all: the daily digest's and the period report's figure.
 */
export function overdueAssignmentCounts(
  db: ReadDb,
  today: string,
): { total: number; by: Map<string, number> } {
  // Status as literals: the partial index assignments_open_control matches them.
  const rows = db.rawAll<{ who: string; n: number }>(
    `SELECT j.value AS who, count(*) AS n FROM assignments a, json_each(a.assignees) j
      WHERE a.status IN ('new', 'in_work', 'returned') AND a.deleted_at IS NULL AND a.control_date < ?
      GROUP BY j.value`,
    today,
  );
  const total =
    db.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM assignments
        WHERE status IN ('new', 'in_work', 'returned') AND deleted_at IS NULL AND control_date < ?`,
      today,
    )?.n ?? 0;
  return { total, by: new Map(rows.map((r) => [r.who, r.n])) };
}

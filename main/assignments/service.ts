/**
 * Поручения: give, take into work, report, accept or return, reassign, discuss, attach. Every write is one
 * transaction through `beginWrite`; a refusal names the field or says who may, and changes nothing.
 */
import type { AssignmentTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { OPEN_ASSIGNMENT, type AssignmentStatus } from '../../shared/domain/assignments';
import { audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginPersonWrite, type PersonScope } from '../kernel/scope';
import { keepUpload } from './files';
import { assigneesOf, assignmentCard, assignmentRow, mayOn } from './queries';
import { closeAssignmentTasks, openAssignmentTask } from './tasks';

type Card = Output<'assignments.get'>;

export const refuse = (field: string, message: string): never => {
  throw new ApiError('validation', `${field}: ${message}`, { field });
};

const forbid = (message: string): never => {
  throw new ApiError('forbidden', message);
};

/** Each assignee an active person of the office. */
export function checkAssignees(db: WriteDb, ids: readonly string[], field = 'assigneeIds'): void {
  const found = db.all(
    db.qb
      .selectFrom('users')
      .select(['id', 'active', 'deleted_at', 'role'])
      .where('id', 'in', [...ids]),
  );
  ids.forEach((id, n) => {
    const u = found.find((x) => x.id === id);
    if (!u || u.active !== 1 || u.deleted_at !== null || u.role === 'hq_analyst')
      refuse(`${field}.${n}`, 'no such active person of the office');
  });
}

function exists(db: WriteDb, table: 'appeals' | 'events' | 'contacts', id: string): boolean {
  return !!db.get(db.qb.selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null));
}

/** The control date: a date not in the past, or working days from today; exactly one of them. */
export function controlDate(
  s: PersonScope,
  i: { controlDate?: string | undefined; termDays?: number | undefined },
): string {
  if (i.controlDate && i.termDays) refuse('controlDate', 'give a date or a number of working days, not both');
  if (i.termDays) return s.calendar.addWorkingDays(s.today, i.termDays);
  if (!i.controlDate) return refuse('controlDate', 'required: a date or a number of working days');
  if (i.controlDate < s.today) refuse('controlDate', 'a control date cannot be in the past');
  return i.controlDate;
}

/** One change of a поручение in its own transaction; answers its card as it then is. */
function change(ctx: CallContext, id: string, fn: (s: PersonScope, a: AssignmentTable) => void): Card {
  return ctx.store.transaction((db) => {
    const s = beginPersonWrite(db, ctx);
    fn(s, assignmentRow(db, id));
    return assignmentCard(db, id, s.actor, s.today);
  });
}

/** A new поручение's state: nothing reported, returned or accepted, no links, not of a template. */
export const NOTHING_YET = {
  status: 'new',
  appeal_id: null,
  event_id: null,
  contact_id: null,
  link_entity: null,
  link_id: null,
  report_text: null,
  reported_at: null,
  reported_by: null,
  return_reason: null,
  returned_at: null,
  accepted_at: null,
  accepted_by: null,
  template_id: null,
  period: null,
} as const;

/**
 * Writes a new поручение and its assignees' tasks (also the recurring templates' way in, which names the
 * ids: the same on every computer of the office, see recurring.ts).
 */
export function insertAssignment(
  s: { db: WriteDb; st: PersonScope['st']; office: PersonScope['office'] },
  fields: Omit<AssignmentTable, keyof ReturnType<typeof newSyncColumns>>,
  ids?: { row: string; task(assigneeId: string): string },
): AssignmentTable {
  const row: AssignmentTable = { ...fields, ...newSyncColumns(s.st, s.office.id, ids?.row) };
  insertSynced(s.db, 'assignments', row);
  for (const who of assigneesOf(row))
    openAssignmentTask(s.db, s.st, row, 'assignment', who, row.control_date, ids?.task(who));
  return row;
}

export function create(ctx: CallContext, i: ParsedInput<'assignments.create'>): Card {
  return ctx.store.transaction((db) => {
    const s = beginPersonWrite(db, ctx);
    checkAssignees(db, i.assigneeIds);
    const due = controlDate(s, i);
    if (i.appealId && !exists(db, 'appeals', i.appealId)) refuse('appealId', 'no such appeal');
    if (i.eventId && !exists(db, 'events', i.eventId)) refuse('eventId', 'no such event');
    if (i.contactId && !exists(db, 'contacts', i.contactId)) refuse('contactId', 'no such contact');
    const row = insertAssignment(s, {
      ...NOTHING_YET,
      author_id: s.actor.userId,
      text: i.text,
      control_date: due,
      priority: i.priority,
      assignees: JSON.stringify(i.assigneeIds),
      appeal_id: i.appealId ?? null,
      event_id: i.eventId ?? null,
      contact_id: i.contactId ?? null,
      link_entity: i.link?.entity ?? null,
      link_id: i.link?.id ?? null,
    });
    audit(db, ctx, s.office.id, 'assignments.create', 'assignment', row.id, {
      assignees: i.assigneeIds,
      controlDate: due,
    });
    return assignmentCard(db, row.id, s.actor, s.today);
  });
}

const statusIs = (a: AssignmentTable, allowed: readonly AssignmentStatus[], what: string): void => {
  if (!allowed.includes(a.status as AssignmentStatus))
    throw new ApiError('invalid_state', `the assignment is ${a.status}: it cannot be ${what} now`);
};

export const start = (ctx: CallContext, i: ParsedInput<'assignments.start'>): Card =>
  change(ctx, i.id, ({ db, st, actor, office }, a) => {
    if (!assigneesOf(a).includes(actor.userId)) forbid('only an assignee takes the assignment into work');
    statusIs(a, ['new', 'returned'], 'taken into work');
    updateSynced(db, 'assignments', a.id, { status: 'in_work' }, st);
    audit(db, ctx, office.id, 'assignments.start', 'assignment', a.id);
  });

export const report = (ctx: CallContext, i: ParsedInput<'assignments.report'>): Card =>
  change(ctx, i.id, (s, a) => {
    const { db, st, actor, office } = s;
    if (!assigneesOf(a).includes(actor.userId)) forbid('only an assignee reports on the assignment');
    statusIs(a, OPEN_ASSIGNMENT, 'reported on');
    updateSynced(
      db,
      'assignments',
      a.id,
      { status: 'reported', report_text: i.text, reported_at: st.now, reported_by: actor.userId },
      st,
    );
    closeAssignmentTasks(db, st, a, 'assignment', 'done', actor.userId);
    // The author checks the report by the next working day.
    openAssignmentTask(db, st, a, 'assignment_review', a.author_id, s.calendar.addWorkingDays(s.today, 1));
    audit(db, ctx, office.id, 'assignments.report', 'assignment', a.id);
  });

function mayReview(a: AssignmentTable, s: PersonScope): void {
  if (!mayOn({ ...a, status: 'reported' }, s.actor).review)
    forbid('only the author, the office head or the deputy accepts or returns a report');
  statusIs(a, ['reported'], 'accepted or returned');
}

export const accept = (ctx: CallContext, i: ParsedInput<'assignments.accept'>): Card =>
  change(ctx, i.id, (s, a) => {
    mayReview(a, s);
    const { db, st, actor, office } = s;
    updateSynced(
      db,
      'assignments',
      a.id,
      { status: 'accepted', accepted_at: st.now, accepted_by: actor.userId },
      st,
    );
    closeAssignmentTasks(db, st, a, 'assignment_review', 'done', actor.userId);
    audit(db, ctx, office.id, 'assignments.accept', 'assignment', a.id);
  });

export const returnReport = (ctx: CallContext, i: ParsedInput<'assignments.return'>): Card =>
  change(ctx, i.id, (s, a) => {
    mayReview(a, s);
    const { db, st, actor, office } = s;
    const due = i.controlDate ? controlDate(s, { controlDate: i.controlDate }) : a.control_date;
    updateSynced(
      db,
      'assignments',
      a.id,
      { status: 'returned', return_reason: i.reason, returned_at: st.now, control_date: due },
      st,
    );
    closeAssignmentTasks(db, st, a, 'assignment_review', 'done', actor.userId);
    const again = { ...a, control_date: due };
    for (const who of assigneesOf(a)) openAssignmentTask(db, st, again, 'assignment', who, due);
    audit(db, ctx, office.id, 'assignments.return', 'assignment', a.id, {
      reason: i.reason,
      controlDate: due,
    });
  });

export const reassign = (ctx: CallContext, i: ParsedInput<'assignments.reassign'>): Card =>
  change(ctx, i.id, (s, a) => {
    const { db, st, actor, office } = s;
    if (!mayOn({ ...a, status: 'new' }, actor).reassign)
      forbid('only the author or the office head gives the assignment to other people');
    statusIs(a, OPEN_ASSIGNMENT, 'reassigned');
    checkAssignees(db, i.assigneeIds);
    const before = assigneesOf(a);
    const gone = new Set(before.filter((id) => !i.assigneeIds.includes(id)));
    updateSynced(db, 'assignments', a.id, { assignees: JSON.stringify(i.assigneeIds) }, st);
    closeAssignmentTasks(db, st, a, 'assignment', 'cancelled', actor.userId, gone);
    for (const who of i.assigneeIds)
      if (!before.includes(who)) openAssignmentTask(db, st, a, 'assignment', who, a.control_date);
    audit(db, ctx, office.id, 'assignments.reassign', 'assignment', a.id, {
      from: before,
      to: i.assigneeIds,
    });
  });

/** Those who take part: the author, the assignees, the office head and the deputy. */
function mayTakePart(a: AssignmentTable, s: PersonScope, what: string): void {
  const m = mayOn({ ...a, status: 'reported' }, s.actor);
  if (!m.review && !assigneesOf(a).includes(s.actor.userId))
    forbid(`only the author, the assignees, the office head or the deputy ${what}`);
}

export const comment = (ctx: CallContext, i: ParsedInput<'assignments.comment'>): Card =>
  change(ctx, i.id, (s, a) => {
    mayTakePart(a, s, 'comment on an assignment');
    insertSynced(s.db, 'assignment_comments', {
      assignment_id: a.id,
      author_id: s.actor.userId,
      text: i.text,
      ...newSyncColumns(s.st, s.office.id),
    });
    audit(s.db, ctx, s.office.id, 'assignments.comment', 'assignment', a.id);
  });

export function attach(ctx: CallContext, i: ParsedInput<'assignments.attach'>): Card {
  const read = assignmentRow(ctx.store.read, i.id);
  const actor = ctx.actor;
  if (actor) mayTakePart(read, { actor } as PersonScope, 'attach files to an assignment');
  const kept = keepUpload(ctx, i.mime, i.dataBase64);
  return change(ctx, i.id, (s, a) => {
    mayTakePart(a, s, 'attach files to an assignment');
    const row = {
      assignment_id: a.id,
      sha256: kept.sha256,
      name: i.name,
      mime: i.mime,
      size: kept.size,
      ...newSyncColumns(s.st, s.office.id),
    };
    insertSynced(s.db, 'assignment_files', row);
    audit(s.db, ctx, s.office.id, 'assignments.attach', 'assignment', a.id, {
      name: i.name,
      sha256: kept.sha256,
    });
  });
}

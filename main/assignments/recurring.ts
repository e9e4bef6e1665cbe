/**
 * Recurring поручения: a template gives one поручение per week or month, on its day. The scheduler's every
 * pass (on start, so after the app was closed too, and on its timer) gives what is due; the unique index
 * on (template_id, period) keeps it to one per period across passes, restarts and windows.
 *
 * After the app was closed for several periods only the current period's поручение is given: routine work
 * of a week gone by is not done late, and a stack of stale поручения at once would only be closed unread.
 *
 * Every computer of the office gives them, online or not, so a period's поручение and its tasks have ids
 * made from (template, period[, assignee]): two computers that both gave it offline wrote the same rows,
 * and sync merges them as one instead of leaving two (or tripping the unique index).
 */
import type { AssignmentTemplateTable } from '../../db/schema';
import type { Store } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { periodDay, periodKey, type Recurrence } from '../../shared/domain/assignments';
import { localDate, type Clock } from '../../shared/util/clock';
import type { Hlc } from '../../shared/util/hlc';
import { audit, diff, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { derivedId } from '../kernel/derived-id';
import { beginPersonWrite, beginWrite, type PersonScope } from '../kernel/scope';
import { localOfficeId, officeRow } from '../office/queries';
import { systemContext } from '../reminders/scan';
import { assigneesOf, toTemplates } from './queries';
import { checkAssignees, insertAssignment, NOTHING_YET, refuse } from './service';

export function createTemplate(
  ctx: CallContext,
  i: ParsedInput<'assignments.createTemplate'>,
): Output<'assignments.createTemplate'> {
  if (i.recurrence === 'weekly' && i.day > 7) refuse('day', 'a weekday: 1 (Monday) to 7 (Sunday)');
  return ctx.store.transaction((db) => {
    const s = beginPersonWrite(db, ctx);
    checkAssignees(db, i.assigneeIds);
    const row: AssignmentTemplateTable = {
      author_id: s.actor.userId,
      text: i.text,
      priority: i.priority,
      assignees: JSON.stringify(i.assigneeIds),
      recurrence: i.recurrence,
      day: i.day,
      term_days: i.termDays,
      active: 1,
      ...newSyncColumns(s.st, s.office.id),
    };
    insertSynced(db, 'assignment_templates', row);
    audit(db, ctx, s.office.id, 'assignments.createTemplate', 'assignment_template', row.id, {
      recurrence: i.recurrence,
      day: i.day,
    });
    return toTemplates(db, [row])[0]!;
  });
}

/**
 * One change of a template, in a transaction: only its author, the office head or the deputy makes it
 * (`what` says the change in the refusal). Returns the template as it is after.
 */
function templateChange(
  ctx: CallContext,
  id: string,
  what: string,
  fn: (s: PersonScope, t: AssignmentTemplateTable) => Partial<AssignmentTemplateTable>,
): Output<'assignments.updateTemplate'> {
  return ctx.store.transaction((db) => {
    const s = beginPersonWrite(db, ctx);
    const t = db.get(
      db.qb
        .selectFrom('assignment_templates')
        .selectAll()
        .where('id', '=', id)
        .where('deleted_at', 'is', null),
    );
    if (!t) throw new ApiError('not_found', 'no such recurring assignment', { field: 'id' });
    const manager = s.actor.role === 'office_head' || s.actor.role === 'deputy';
    if (t.author_id !== s.actor.userId && !manager)
      throw new ApiError('forbidden', `only the author, the office head or the deputy ${what}`);
    const patch = fn(s, t);
    updateSynced(db, 'assignment_templates', t.id, patch, s.st);
    return toTemplates(db, [{ ...t, ...patch }])[0]!;
  });
}

export const setTemplateActive = (
  ctx: CallContext,
  i: ParsedInput<'assignments.setTemplateActive'>,
): Output<'assignments.setTemplateActive'> =>
  templateChange(ctx, i.id, 'pauses a recurring assignment', (s, t) => {
    audit(s.db, ctx, s.office.id, 'assignments.setTemplateActive', 'assignment_template', t.id, {
      active: i.active,
    });
    return { active: i.active ? 1 : 0 };
  });

/**
 * Changes a template's text, people, priority, period, day or term: the поручения it gives from now on
 * follow it; those already given stay as they were given, and a period already given is not given again.
 */
export const updateTemplate = (
  ctx: CallContext,
  i: ParsedInput<'assignments.updateTemplate'>,
): Output<'assignments.updateTemplate'> =>
  templateChange(ctx, i.id, 'changes a recurring assignment', (s, t) => {
    const recurrence = i.recurrence ?? (t.recurrence as Recurrence);
    const day = i.day ?? t.day;
    if (recurrence === 'weekly' && day > 7) refuse('day', 'a weekday: 1 (Monday) to 7 (Sunday)');
    if (i.assigneeIds) checkAssignees(s.db, i.assigneeIds);
    const patch: Partial<AssignmentTemplateTable> = {
      ...(i.text !== undefined ? { text: i.text } : {}),
      ...(i.priority !== undefined ? { priority: i.priority } : {}),
      ...(i.assigneeIds ? { assignees: JSON.stringify(i.assigneeIds) } : {}),
      ...(i.termDays !== undefined ? { term_days: i.termDays } : {}),
      recurrence,
      day,
    };
    const changes = diff(t as unknown as Record<string, unknown>, patch as Record<string, unknown>);
    audit(s.db, ctx, s.office.id, 'assignments.updateTemplate', 'assignment_template', t.id, {
      fields: Object.keys(changes),
    });
    return patch;
  });

/** Removes a template: it gives no more поручения; those it gave stay, with their tasks. */
export function deleteTemplate(
  ctx: CallContext,
  i: ParsedInput<'assignments.deleteTemplate'>,
): Output<'assignments.deleteTemplate'> {
  templateChange(ctx, i.id, 'removes a recurring assignment', (s, t) => {
    audit(s.db, ctx, s.office.id, 'assignments.deleteTemplate', 'assignment_template', t.id);
    return { deleted_at: s.st.now, active: 0 };
  });
  return { id: i.id };
}

/**
 * Gives each active template's поручение of the current period once its day has come, if not given yet.
 * Returns how many it gave.
 */
export function giveRecurring(env: { store: Store; clock: Clock; hlc: Hlc }): number {
  const read = env.store.read;
  const officeId = localOfficeId(read);
  if (!officeId) return 0;
  const templates = read.all(
    read.qb
      .selectFrom('assignment_templates')
      .selectAll()
      .where('active', '=', 1)
      .where('deleted_at', 'is', null),
  );
  if (templates.length === 0) return 0;
  return env.store.transaction((db) => {
    const ctx = systemContext(db, env, officeId);
    const s = beginWrite(db, ctx, officeRow(db));
    let given = 0;
    for (const t of templates) {
      const recurrence = t.recurrence as Recurrence;
      const period = periodKey(recurrence, s.today);
      const day = periodDay(recurrence, t.day, s.today);
      // Not before its day, and not for a period whose day went by before the template was made.
      if (s.today < day || day < localDate(new Date(t.created_at), s.office.time_zone)) continue;
      const taken = db.get(
        db.qb
          .selectFrom('assignments')
          .select('id')
          .where('template_id', '=', t.id)
          .where('period', '=', period),
      );
      if (taken) continue;
      const active = new Set(
        db
          .all(
            db.qb
              .selectFrom('users')
              .select('id')
              .where('id', 'in', assigneesOf(t))
              .where('active', '=', 1)
              .where('deleted_at', 'is', null),
          )
          .map((u) => u.id),
      );
      const assignees = assigneesOf(t).filter((id) => active.has(id));
      if (assignees.length === 0) continue;
      const dayMs = Date.parse(`${day}T00:00:00Z`);
      const row = insertAssignment(
        s,
        {
          ...NOTHING_YET,
          author_id: t.author_id,
          text: t.text,
          control_date: s.calendar.addWorkingDays(day, t.term_days),
          priority: t.priority,
          assignees: JSON.stringify(assignees),
          template_id: t.id,
          period,
        },
        {
          row: derivedId(dayMs, t.id, period),
          task: (who) => derivedId(dayMs, t.id, period, who),
        },
      );
      audit(db, ctx, s.office.id, 'assignments.recur', 'assignment', row.id, { template: t.id, period });
      given++;
    }
    return given;
  });
}

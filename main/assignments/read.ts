/** The поручения's reads: a card, the lists beside an appeal, event, contact or other record, the templates. */
import type { Output, ParsedInput } from '../../shared/api/index';
import type { ReadContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { keptFileContent } from './files';
import { assignmentCard, toAssignments, toTemplates } from './queries';

export function get(ctx: ReadContext, i: ParsedInput<'assignments.get'>): Output<'assignments.get'> {
  const db = ctx.store.read;
  return assignmentCard(db, i.id, ctx.actor, officeToday(ctx, officeRow(db)));
}

export function list(ctx: ReadContext, i: ParsedInput<'assignments.list'>): Output<'assignments.list'> {
  const db = ctx.store.read;
  let q = db.qb.selectFrom('assignments').selectAll().where('deleted_at', 'is', null);
  if (i.appealId) q = q.where('appeal_id', '=', i.appealId);
  if (i.eventId) q = q.where('event_id', '=', i.eventId);
  if (i.contactId) q = q.where('contact_id', '=', i.contactId);
  if (i.link) q = q.where('link_entity', '=', i.link.entity).where('link_id', '=', i.link.id);
  if (i.givenByMe) q = q.where('author_id', '=', ctx.actor?.userId ?? '');
  const rows = db.all(q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(i.limit));
  return toAssignments(db, rows, ctx.actor, officeToday(ctx, officeRow(db)));
}

export function templates(ctx: ReadContext): Output<'assignments.templates'> {
  const db = ctx.store.read;
  return toTemplates(
    db,
    db.all(
      db.qb
        .selectFrom('assignment_templates')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('created_at'),
    ),
  );
}

export const file = (ctx: ReadContext, i: ParsedInput<'assignments.file'>): Output<'assignments.file'> =>
  keptFileContent(ctx, 'assignment_files', i.id);

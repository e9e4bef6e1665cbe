/**
 * The read side of an appeal: its registry row and its card (fields, applicant, history, tasks, the
 * workflow's part), the same data the screen, the documents and the deputy's queue show.
 */
import type { ReadDb } from '../../db/sql';
import type { AppealTable } from '../../db/schema';
import type { AppealCard, AppealRow } from '../../shared/api/appeals';
import type { Output, ParsedInput } from '../../shared/api/index';
import { art11Warnings } from '../../shared/domain/appeal';
import { contactSummary } from '../contacts/queries';
import type { AuditedReadContext, ReadContext } from '../kernel/context';
import { officeRow, officeToday, userName } from '../office/queries';
import { appealRow, toRow } from './queries';
import { tasksOf } from '../tasks/queries';
import { workflowPart } from '../workflow/card';
import { historyEntry } from '../kernel/bookkeeping';

/** The card's editable fields as contract names, for history diffs. */
export function editable(a: AppealTable): Record<string, unknown> {
  return {
    receivedOn: a.received_on,
    channel: a.channel,
    kind: a.kind,
    isRepeat: a.is_repeat === 1,
    isCollective: a.is_collective === 1,
    signatories: a.signatories,
    isAnonymous: a.is_anonymous === 1,
    sheets: a.sheets,
    attachmentsNote: a.attachments_note,
    topics: JSON.parse(a.topics) as string[],
    summary: a.summary,
    text: a.text,
    responsibleId: a.responsible_id,
    executorId: a.executor_id,
    onControl: a.on_control === 1,
    forwardedFrom: a.forwarded_from_body
      ? { body: a.forwarded_from_body, outgoingNumber: a.forwarded_from_number, date: a.forwarded_from_date }
      : null,
    caseFile: a.case_file,
  };
}

/** `office` may be passed by a caller that has just read it (registration), to save reading it again. */
export function getCard(db: ReadDb, ctx: ReadContext, id: string, office = officeRow(db)): AppealCard {
  const a = appealRow(db, id);
  const applicant = contactSummary(db, a.applicant_id);
  const history = db
    .all(
      db.qb
        .selectFrom('appeal_history')
        .leftJoin('users', 'users.id', 'appeal_history.user_id')
        .select([
          'appeal_history.id',
          'appeal_history.at',
          'appeal_history.action',
          'appeal_history.changes',
          'appeal_history.comment',
          'users.full_name as user_name',
        ])
        .where('appeal_history.appeal_id', '=', id)
        .orderBy('appeal_history.at')
        .orderBy('appeal_history.hlc'),
    )
    .map((h) => historyEntry(h, h.user_name));
  const e = editable(a);
  return {
    ...toRow({ ...a, responsible_name: userName(db, a.responsible_id) }, officeToday(ctx, office)),
    version: a.hlc,
    termDate: a.term_date,
    isRepeat: e.isRepeat as boolean,
    isCollective: e.isCollective as boolean,
    signatories: a.signatories,
    isAnonymous: e.isAnonymous as boolean,
    sheets: a.sheets,
    attachmentsNote: a.attachments_note,
    text: a.text,
    executorId: a.executor_id,
    onControl: a.on_control === 1,
    forwardedFrom: e.forwardedFrom as AppealCard['forwardedFrom'],
    caseFile: a.case_file,
    event: a.event_id
      ? {
          id: a.event_id,
          title: db.get(db.qb.selectFrom('events').select('title').where('id', '=', a.event_id))!.title,
        }
      : null,
    result: a.result as AppealCard['result'],
    closedOn: a.closed_on,
    applicant,
    art11Warnings: art11Warnings({
      lastName: applicant.lastName,
      address: applicant.address,
      email: applicant.email,
      channel: a.channel as AppealRow['channel'],
      isAnonymous: a.is_anonymous === 1,
    }),
    history,
    tasks: tasksOf(db, id),
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    ...workflowPart(db, a, officeToday(ctx, office), ctx.actor?.role ?? null),
  };
}

/** Opening a card is an access to personal data (152-FZ Art. 19): it is logged. */
export function get(ctx: AuditedReadContext, input: ParsedInput<'appeals.get'>): Output<'appeals.get'> {
  const card = getCard(ctx.store.read, ctx, input.id);
  ctx.auditRead('appeals.get', 'appeal', input.id);
  return card;
}

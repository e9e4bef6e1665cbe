import type { AppealTable, ExternalRequestTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { extendTerm } from '../../shared/domain/deadlines';
import { OPEN_REQUEST_STATES } from '../../shared/domain/workflow/request';
import { appealHistory, audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { closeTasks, openTask, openTasks } from '../tasks/tasks';
import { assertAppealAction, moveAppeal, moveTasksWithTerm, openDraftTask } from './engine';
import { checkStepDate, closeAs, recordResolution, step } from './review';
import { type PersonScope } from '../kernel/scope';

type Card = Output<'workflow.resolve'>;

/** A new request in draft on an appeal in the request direction. */
export function newRequest(
  f: PersonScope,
  a: AppealTable,
  init: { bodyId?: string | null; kind?: ExternalRequestTable['kind']; text?: string | null } = {},
): ExternalRequestTable {
  const { st } = f;
  const seq =
    (f.db.rawGet<{ m: number | null }>(
      'SELECT max(seq) AS m FROM external_requests WHERE appeal_id = ?',
      a.id,
    )?.m ?? 0) + 1;
  const row: ExternalRequestTable = {
    ...newSyncColumns(st, f.office.id),
    appeal_id: a.id,
    seq,
    body_id: init.bodyId ?? null,
    kind: init.kind ?? 'deputy_request',
    status: 'draft',
    text: init.text ?? null,
    approved_by: null,
    approved_on: null,
    sent_on: null,
    outgoing_number: null,
    due_date: null,
    answered_on: null,
    answer_number: null,
    answer_summary: null,
    answer_attachment_id: null,
    next_step: null,
    stage_since: st.now,
  };
  insertSynced(f.db, 'external_requests', row);
  openDraftTask(f, a, row.id);
  appealHistory(f.db, f.ctx, st, f.office.id, a.id, 'request.create', { request: { from: null, to: seq } });
  return row;
}

/** The date the last answer to the appeal's requests came: the reply follows it. */
function lastAnswerOn(f: PersonScope, appealId: string): string | null {
  return (
    f.db.rawGet<{ on: string | null }>(
      'SELECT max(answered_on) AS "on" FROM external_requests WHERE appeal_id = ? AND deleted_at IS NULL',
      appealId,
    )?.on ?? null
  );
}

export function openRequestCount(f: PersonScope, appealId: string, except?: string): number {
  return f.db
    .all(
      f.db.qb
        .selectFrom('external_requests')
        .select(['id', 'status'])
        .where('appeal_id', '=', appealId)
        .where('deleted_at', 'is', null),
    )
    .filter((r) => r.id !== except && OPEN_REQUEST_STATES.includes(r.status as never)).length;
}

export const resolve = (ctx: CallContext, i: ParsedInput<'workflow.resolve'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'resolve');
    const on = i.resolvedOn ?? f.today;
    checkStepDate(f, 'resolvedOn', on, { registered: a.registered_on });
    recordResolution(f, a, null, i.text, i.requestNeeded ? 'request' : 'reply', on);
    // "Нужен запрос" moves the appeal to the request direction by itself; otherwise to the reply.
    const after = moveAppeal(f, a, 'resolve', i.requestNeeded ? 'in_request' : 'reply_draft', {}, i.text);
    if (i.requestNeeded) newRequest(f, after);
  });

export const saveReply = (ctx: CallContext, i: ParsedInput<'workflow.saveReply'>): Card =>
  step(ctx, i.id, (f, a) => {
    if (a.status !== 'reply_draft')
      throw new ApiError('invalid_state', 'the reply can be edited only while it is a draft', {
        field: 'id',
      });
    updateSynced(f.db, 'appeals', a.id, { reply_text: i.text }, f.st);
    appealHistory(f.db, f.ctx, f.st, f.office.id, a.id, 'replySaved', {
      replyText: { from: a.reply_text, to: i.text },
    });
    audit(f.db, f.ctx, f.office.id, 'workflow.saveReply', 'appeal', a.id);
  });

export const submitReply = (ctx: CallContext, i: ParsedInput<'workflow.submitReply'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'submitReply');
    if (!a.reply_text)
      throw new ApiError('validation', 'text: write the reply before passing it on', { field: 'text' });
    moveAppeal(f, a, 'submitReply', 'reply_approval', {}, i.comment ?? null);
  });

export const approveReply = (ctx: CallContext, i: ParsedInput<'workflow.approveReply'>): Card =>
  step(ctx, i.id, (f, a) =>
    moveAppeal(
      f,
      a,
      'approveReply',
      'reply_send',
      { reply_approved_by: f.actor.userId, reply_approved_on: f.today },
      i.comment ?? null,
    ),
  );

export const returnReply = (ctx: CallContext, i: ParsedInput<'workflow.returnReply'>): Card =>
  step(ctx, i.id, (f, a) => moveAppeal(f, a, 'returnReply', 'reply_draft', {}, i.comment));

export const sendReply = (ctx: CallContext, i: ParsedInput<'workflow.sendReply'>): Card =>
  step(ctx, i.id, (f, a) => {
    assertAppealAction(f, a, 'sendReply');
    checkStepDate(f, 'sentOn', i.sentOn, {
      registered: a.registered_on,
      answered: lastAnswerOn(f, a.id),
    });
    if (i.result === 'forwarded' || i.result === 'left_without_answer')
      throw new ApiError('validation', 'result: a reply on the merits has a result on the merits', {
        field: 'result',
      });
    moveAppeal(
      f,
      a,
      'sendReply',
      'closed',
      {
        reply_form: i.form,
        reply_sent_on: i.sentOn,
        reply_number: i.outgoingNumber ?? null,
        reply_signatory: i.signatory,
        ...closeAs(f, a, i.result, i.sentOn),
      },
      i.comment ?? null,
    );
  });

/**
 * 59-FZ Art. 12 p.2: once per appeal, by up to 30 days counted from the legal last day, with a task to
 * tell the applicant before the old date runs out.
 */
export function extendAppeal(
  f: PersonScope,
  a: AppealTable,
  days: number,
  reason: string,
  /** The input field that asked for it: `days` here, `extendDays` on a documents request. */
  field = 'days',
): AppealTable {
  if (a.status === 'closed')
    throw new ApiError('invalid_state', 'a closed appeal cannot be extended', { field: 'id' });
  if (a.extension_days)
    throw new ApiError('invalid_state', `${field}: the term has already been extended once`, { field });
  const term = extendTerm(a.term_date, days, { calendar: f.calendar, shift: f.office.deadline_shift });
  const after = updateSynced(
    f.db,
    'appeals',
    a.id,
    {
      term_date: term.termDate,
      due_date: term.controlDate,
      extension_days: days,
      extension_reason: reason,
      extended_by: f.actor.userId,
      extended_on: f.today,
    },
    f.st,
  );
  moveTasksWithTerm(f, a, term.controlDate);
  openTask(f.db, f.st, f.office.id, {
    appealId: a.id,
    kind: 'extension_notice',
    assigneeId: a.responsible_id,
    dueDate: a.due_date < f.today ? f.today : a.due_date,
  });
  appealHistory(
    f.db,
    f.ctx,
    f.st,
    f.office.id,
    a.id,
    'extended',
    { dueDate: { from: a.due_date, to: term.controlDate } },
    reason,
  );
  audit(f.db, f.ctx, f.office.id, 'workflow.extend', 'appeal', a.id, { days });
  return after;
}

export const extend = (ctx: CallContext, i: ParsedInput<'workflow.extend'>): Card =>
  step(ctx, i.id, (f, a) => void extendAppeal(f, a, i.days, i.reason));

export const notifyExtension = (ctx: CallContext, i: ParsedInput<'workflow.notifyExtension'>): Card =>
  step(ctx, i.id, (f, a) => {
    checkStepDate(f, 'notifiedOn', i.notifiedOn, { registered: a.registered_on });
    const tasks = openTasks(f.db, a.id, { kinds: ['extension_notice'] });
    if (!a.extension_days || tasks.length === 0)
      throw new ApiError('invalid_state', 'no extension notice is owed', { field: 'id' });
    closeTasks(f.db, f.st, tasks, 'done', f.actor.userId);
    updateSynced(f.db, 'appeals', a.id, { extension_notified_on: i.notifiedOn }, f.st);
    appealHistory(f.db, f.ctx, f.st, f.office.id, a.id, 'extensionNotified', {
      extensionNotifiedOn: { from: null, to: i.notifiedOn },
    });
    audit(f.db, f.ctx, f.office.id, 'workflow.notifyExtension', 'appeal', a.id);
  });

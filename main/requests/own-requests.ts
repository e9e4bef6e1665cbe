/**
 * The deputy's requests on his own initiative (3-FZ Art. 14 and the regional laws): a request with no
 * citizen's appeal. The desk drafts it (the addressee from the bodies' directory, the text, the legal
 * basis), the deputy approves it, the desk sends it — the answer is due by the term of the office's
 * jurisdiction — and records the answer, and the deputy closes it. The moves are the appeal requests'
 * table (`shared/domain/workflow/request.ts`); each write is one transaction with its history entry, its
 * change-log entries and the audit entry, and a refusal names the field and changes nothing.
 */
import type { OwnRequestTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { OwnRequest } from '../../shared/api/own-requests';
import { termFrom } from '../../shared/domain/deadlines';
import { jurisdictionTerm } from '../../shared/domain/own-requests';
import { TransitionError } from '../../shared/domain/workflow/appeal';
import {
  checkRequestTransition,
  type RequestAction,
  type RequestState,
} from '../../shared/domain/workflow/request';
import { audit, diff, insertSynced, newSyncColumns, updateSynced, type Changes } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginPersonWrite, beginWrite, type PersonScope } from '../kernel/scope';
import { linkToMandate } from '../mandates/mandates';
import { officeRow } from '../office/queries';
import { checkStepDate } from '../workflow/review';
import { jurisdictionOf, loadOwnRequest, ownRequestOf } from './own-queries';

const refuse = (field: string, message: string): never => {
  throw new ApiError('validation', `${field}: ${message}`, { field });
};

function history(
  f: PersonScope,
  requestId: string,
  action: string,
  changes: Changes,
  comment: string | null,
): void {
  insertSynced(f.db, 'own_request_history', {
    request_id: requestId,
    at: f.st.now,
    user_id: f.actor.userId,
    action,
    changes: JSON.stringify(changes),
    comment,
    ...newSyncColumns(f.st, f.office.id),
  });
}

/** The move the table allows the caller now, or the refusal (a step out of turn, a role that may not). */
function assertAction(f: PersonScope, r: OwnRequestTable, action: RequestAction): RequestState {
  try {
    return checkRequestTransition(action, r.status as RequestState, f.actor.role);
  } catch (e) {
    if (e instanceof TransitionError)
      throw new ApiError(e.reason === 'role' ? 'forbidden' : 'invalid_state', e.message, { field: 'id' });
    throw e;
  }
}

function move(
  f: PersonScope,
  r: OwnRequestTable,
  action: RequestAction,
  patch: Partial<OwnRequestTable>,
  comment: string | null,
): void {
  const to = assertAction(f, r, action);
  const full: Partial<OwnRequestTable> =
    to === r.status ? patch : { ...patch, status: to, stage_since: f.st.now };
  updateSynced(f.db, 'own_requests', r.id, full, f.st);
  const changes = diff(r as unknown as Record<string, unknown>, full as Record<string, unknown>);
  delete changes.stage_since;
  history(f, r.id, action, changes, comment);
  audit(f.db, f.ctx, f.office.id, `ownRequests.${action}`, 'own_request', r.id);
}

function step(ctx: CallContext, id: string, fn: (f: PersonScope, r: OwnRequestTable) => void): OwnRequest {
  ctx.store.transaction((db) => fn(beginPersonWrite(db, ctx), loadOwnRequest(db, id)));
  return ownRequestOf(ctx, id);
}

function checkedBody(f: PersonScope, bodyId: string | null | undefined): void {
  if (bodyId && !f.db.rawGet('SELECT 1 FROM bodies WHERE id = ? AND deleted_at IS NULL', bodyId))
    refuse('bodyId', 'no such body in the directory');
}

export function createOwnRequest(ctx: CallContext, i: ParsedInput<'ownRequests.create'>): OwnRequest {
  let id = '';
  ctx.store.transaction((db) => {
    const f = beginPersonWrite(db, ctx);
    checkedBody(f, i.bodyId);
    if (
      i.responsibleId &&
      !db.rawGet('SELECT 1 FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL', i.responsibleId)
    )
      refuse('responsibleId', 'no such active user');
    const last = db.rawGet<{ n: number | null }>('SELECT max(number) AS n FROM own_requests');
    const row: OwnRequestTable = {
      number: (last?.n ?? 0) + 1,
      body_id: i.bodyId ?? null,
      text: i.text ?? null,
      legal_basis: i.legalBasis ?? null,
      status: 'draft',
      responsible_id: i.responsibleId ?? f.actor.userId,
      approved_by: null,
      approved_on: null,
      sent_on: null,
      outgoing_number: null,
      term_days: null,
      due_date: null,
      answered_on: null,
      answer_number: null,
      answer_summary: null,
      stage_since: f.st.now,
      ...newSyncColumns(f.st, f.office.id),
    };
    insertSynced(db, 'own_requests', row);
    history(f, row.id, 'create', {}, null);
    audit(db, ctx, f.office.id, 'ownRequests.create', 'own_request', row.id);
    if (i.mandateId) linkToMandate(f, i.mandateId, 'own_request', row.id);
    id = row.id;
  });
  return ownRequestOf(ctx, id);
}

export const updateOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.update'>): OwnRequest =>
  step(ctx, i.id, (f, r) => {
    assertAction(f, r, 'update');
    checkedBody(f, i.bodyId);
    const patch: Partial<OwnRequestTable> = {};
    if (i.bodyId !== undefined) patch.body_id = i.bodyId;
    if (i.text !== undefined) patch.text = i.text;
    if (i.legalBasis !== undefined) patch.legal_basis = i.legalBasis;
    move(f, r, 'update', patch, null);
  });

export const submitOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.submit'>): OwnRequest =>
  step(ctx, i.id, (f, r) => {
    assertAction(f, r, 'submit');
    if (!r.body_id) refuse('bodyId', 'choose the addressee first');
    if (!r.text) refuse('text', 'write the request first');
    if (!r.legal_basis) refuse('legalBasis', 'name the law the request is made under');
    move(f, r, 'submit', {}, i.comment ?? null);
  });

export const approveOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.approve'>): OwnRequest =>
  step(ctx, i.id, (f, r) =>
    move(f, r, 'approve', { approved_by: f.actor.userId, approved_on: f.today }, i.comment ?? null),
  );

export const returnOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.return'>): OwnRequest =>
  step(ctx, i.id, (f, r) => move(f, r, 'return', {}, i.comment));

/** Sent: the answer is due the office's jurisdiction's term after, moved off a day off as its terms are. */
export const sendOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.send'>): OwnRequest =>
  step(ctx, i.id, (f, r) => {
    assertAction(f, r, 'send');
    checkStepDate(f, 'sentOn', i.sentOn, {});
    if (r.approved_on && i.sentOn < r.approved_on)
      refuse('sentOn', 'a request goes out after the deputy has approved it');
    const days = f.office.deputy_request_days;
    const due = termFrom(i.sentOn, days, f.calendar, f.office.deadline_shift).controlDate;
    move(
      f,
      r,
      'send',
      { sent_on: i.sentOn, outgoing_number: i.outgoingNumber, term_days: days, due_date: due },
      i.comment ?? null,
    );
  });

export const recordOwnAnswer = (ctx: CallContext, i: ParsedInput<'ownRequests.recordAnswer'>): OwnRequest =>
  step(ctx, i.id, (f, r) => {
    assertAction(f, r, 'recordAnswer');
    checkStepDate(f, 'answeredOn', i.answeredOn, {});
    if (r.sent_on && i.answeredOn < r.sent_on)
      refuse('answeredOn', 'the answer cannot come before the request was sent');
    move(
      f,
      r,
      'recordAnswer',
      { answered_on: i.answeredOn, answer_number: i.incomingNumber, answer_summary: i.summary },
      i.comment ?? null,
    );
  });

export const resolveOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.resolve'>): OwnRequest =>
  step(ctx, i.id, (f, r) => move(f, r, 'resolveAnswer', {}, i.comment));

export const cancelOwnRequest = (ctx: CallContext, i: ParsedInput<'ownRequests.cancel'>): OwnRequest =>
  step(ctx, i.id, (f, r) => move(f, r, 'cancel', {}, i.comment));

/**
 * The office's jurisdiction and the term it gives: a listed one has its law's days; another region's law
 * needs the days. Requests already sent keep the term they went out with.
 */
export function setJurisdiction(
  ctx: CallContext,
  i: ParsedInput<'ownRequests.setJurisdiction'>,
): Output<'ownRequests.setJurisdiction'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    if (i.jurisdiction === 'region' && i.days === undefined)
      refuse('days', 'name the term the region’s law sets');
    if (i.jurisdiction !== 'region' && i.days !== undefined)
      refuse('days', 'this jurisdiction’s law sets its own term');
    const after = updateSynced(
      db,
      'offices',
      w.office.id,
      {
        deputy_jurisdiction: i.jurisdiction,
        deputy_request_days: jurisdictionTerm(i.jurisdiction, i.days ?? w.office.deputy_request_days),
      },
      w.st,
    );
    audit(db, ctx, w.office.id, 'ownRequests.setJurisdiction', 'office', w.office.id, {
      jurisdiction: i.jurisdiction,
      days: after.deputy_request_days,
    });
    return jurisdictionOf(officeRow(db));
  });
}

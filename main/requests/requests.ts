import type { ExternalRequestTable, BodyTable } from '../../db/schema';
import type { ExternalRequest } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { termFrom, TERMS } from '../../shared/domain/deadlines';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import { requireActor, type CallContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { assertRequestAction, moveAppeal, moveRequest } from '../workflow/engine';
import { extendAppeal, newRequest, openRequestCount } from '../workflow/decision';
import { checkStepDate, recordResolution } from '../workflow/review';
import { bodyKey, loadRequest, requestQuery, toBody, toRequest, type RequestRow } from './queries';
import { beginPersonWrite, type PersonScope } from '../kernel/scope';
import { appealRow } from '../appeals/queries';

// ---- The directory of outside bodies.

export function createBody(ctx: CallContext, i: ParsedInput<'bodies.create'>): Output<'bodies.create'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    const st = stamp(ctx);
    if (
      db.get(
        db.qb
          .selectFrom('bodies')
          .select('id')
          .where('name_key', '=', bodyKey(i.name))
          .where('deleted_at', 'is', null),
      )
    )
      throw new ApiError('conflict', 'this body is already in the directory', { field: 'name' });
    const row: BodyTable = {
      ...newSyncColumns(st, office.id),
      name: i.name,
      name_key: bodyKey(i.name),
      address: i.address ?? null,
      email: i.email ?? null,
      head: i.head ?? null,
      answer_days: i.answerDays,
    };
    insertSynced(db, 'bodies', row);
    audit(db, ctx, office.id, 'bodies.create', 'body', row.id);
    return toBody(row);
  });
}

export function updateBody(ctx: CallContext, i: ParsedInput<'bodies.update'>): Output<'bodies.update'> {
  return ctx.store.transaction((db) => {
    const b = db.get(db.qb.selectFrom('bodies').selectAll().where('id', '=', i.id));
    if (!b) throw new ApiError('not_found', 'no such body', { field: 'id' });
    const patch: Partial<BodyTable> = {};
    if (i.name !== undefined) Object.assign(patch, { name: i.name, name_key: bodyKey(i.name) });
    if (i.address !== undefined) patch.address = i.address;
    if (i.email !== undefined) patch.email = i.email;
    if (i.head !== undefined) patch.head = i.head;
    if (i.answerDays !== undefined) patch.answer_days = i.answerDays;
    const after = updateSynced(db, 'bodies', b.id, patch, stamp(ctx));
    audit(db, ctx, b.office_id, 'bodies.update', 'body', b.id);
    return toBody(after);
  });
}

// ---- Requests.

function requestStep(
  ctx: CallContext,
  id: string,
  fn: (f: PersonScope, r: ExternalRequestTable) => void,
): ExternalRequest {
  ctx.store.transaction((db) => fn(beginPersonWrite(db, ctx), loadRequest(db, id)));
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  return toRequest(
    db.get(requestQuery(db).where('r.id', '=', id)) as RequestRow,
    today,
    requireActor(ctx).role,
  );
}

export function createRequest(ctx: CallContext, i: ParsedInput<'requests.create'>): ExternalRequest {
  let id = '';
  ctx.store.transaction((db) => {
    const f = beginPersonWrite(db, ctx);
    const a = appealRow(db, i.appealId);
    if (a.status !== 'in_request')
      throw new ApiError(
        'invalid_state',
        'requests are made once the deputy has resolved that one is needed',
        { field: 'appealId' },
      );
    id = newRequest(f, a, i).id;
  });
  return requestStep(ctx, id, () => undefined);
}

export const updateRequest = (ctx: CallContext, i: ParsedInput<'requests.update'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    const patch: Partial<ExternalRequestTable> = {};
    if (i.bodyId !== undefined) patch.body_id = i.bodyId;
    if (i.kind !== undefined) patch.kind = i.kind;
    if (i.text !== undefined) patch.text = i.text;
    moveRequest(f, r, 'update', patch);
  });

export const submitRequest = (ctx: CallContext, i: ParsedInput<'requests.submit'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    assertRequestAction(f, r, 'submit');
    if (!r.body_id)
      throw new ApiError('validation', 'bodyId: choose the addressee first', { field: 'bodyId' });
    if (!r.text) throw new ApiError('validation', 'text: write the request first', { field: 'text' });
    moveRequest(f, r, 'submit', {}, i.comment ?? null);
  });

export const approveRequest = (ctx: CallContext, i: ParsedInput<'requests.approve'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) =>
    moveRequest(f, r, 'approve', { approved_by: f.actor.userId, approved_on: f.today }, i.comment ?? null),
  );

export const returnRequest = (ctx: CallContext, i: ParsedInput<'requests.return'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => moveRequest(f, r, 'return', {}, i.comment));

export const sendRequest = (ctx: CallContext, i: ParsedInput<'requests.send'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    assertRequestAction(f, r, 'send');
    const appeal = appealRow(f.db, r.appeal_id);
    checkStepDate(f, 'sentOn', i.sentOn, { registered: appeal.registered_on });
    const body = f.db.get(
      f.db.qb
        .selectFrom('bodies')
        .select('answer_days')
        .where('id', '=', r.body_id ?? ''),
    );
    // The body's own term, but a body asked for documents owes them within 15 days (59-FZ Art. 10 p.2).
    const bodyDays = body?.answer_days ?? f.office.deputy_request_days;
    const days = r.kind === 'documents_request' ? Math.min(bodyDays, TERMS.documentsRequestAnswer) : bodyDays;
    const due = termFrom(i.sentOn, days, f.calendar, f.office.deadline_shift).controlDate;
    if (i.extendDays && r.kind !== 'documents_request')
      throw new ApiError(
        'validation',
        'extendDays: only a documents request extends the term (Art. 12 p.2)',
        {
          field: 'extendDays',
        },
      );
    // The request's own state is checked first: a request that cannot be sent extends nothing.
    moveRequest(
      f,
      r,
      'send',
      { sent_on: i.sentOn, outgoing_number: i.outgoingNumber, due_date: due },
      i.comment ?? null,
    );
    if (i.extendDays)
      extendAppeal(
        f,
        appealRow(f.db, r.appeal_id),
        i.extendDays,
        i.extensionReason ?? 'запрос документов (ч. 2 ст. 12 59-ФЗ)',
        'extendDays',
      );
  });

export const recordAnswer = (ctx: CallContext, i: ParsedInput<'requests.recordAnswer'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    assertRequestAction(f, r, 'recordAnswer');
    checkStepDate(f, 'answeredOn', i.answeredOn, {});
    if (r.sent_on && i.answeredOn < r.sent_on)
      throw new ApiError('validation', 'answeredOn: the answer cannot come before the request was sent', {
        field: 'answeredOn',
      });
    moveRequest(
      f,
      r,
      'recordAnswer',
      { answered_on: i.answeredOn, answer_number: i.incomingNumber, answer_summary: i.summary },
      i.comment ?? null,
    );
  });

export const resolveAnswer = (ctx: CallContext, i: ParsedInput<'requests.resolveAnswer'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    assertRequestAction(f, r, 'resolveAnswer');
    const a = appealRow(f.db, r.appeal_id);
    if (i.next === 'reply' && openRequestCount(f, a.id, r.id) > 0)
      throw new ApiError('invalid_state', 'other requests on this appeal are still open', { field: 'next' });
    recordResolution(f, a, r.id, i.text, i.next);
    moveRequest(f, r, 'resolveAnswer', { next_step: i.next }, i.text);
    if (i.next === 'request') newRequest(f, a, { bodyId: null, kind: r.kind });
    else moveAppeal(f, a, 'answerToReply', 'reply_draft', {}, i.text);
  });

export const cancelRequest = (ctx: CallContext, i: ParsedInput<'requests.cancel'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    moveRequest(f, r, 'cancel', {}, i.comment);
    // The last request gone: the deputy decides again, so the appeal is never left without a task.
    if (openRequestCount(f, r.appeal_id) === 0) {
      const a = appealRow(f.db, r.appeal_id);
      moveAppeal(f, a, 'requestsWithdrawn', 'awaiting_resolution', {}, i.comment);
    }
  });

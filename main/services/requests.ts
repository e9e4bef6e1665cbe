import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ReadDb } from '../../db/sql';
import type { BodyTable, ExternalRequestTable } from '../../db/schema';
import type { ExternalRequest } from '../../shared/api/appeals';
import { ApiError, type Role } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { RequestFilter } from '../../shared/api/requests';
import { termFrom, TERMS } from '../../shared/domain/deadlines';
import { addressKey, foldText } from '../../shared/domain/text';
import {
  REQUEST_ACTIONS,
  REQUEST_TRANSITIONS,
  type RequestState,
} from '../../shared/domain/workflow/request';
import { audit, insertSynced, newSyncColumns, stamp, updateSynced } from './bookkeeping';
import { requireActor, type CallContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { officeRow, officeToday } from './office';
import {
  assertRequestAction,
  beginFlow,
  loadAppeal,
  moveAppeal,
  moveRequest,
  type Flow,
} from './workflow/engine';
import { extendAppeal, newRequest, openRequestCount } from './workflow/decision';
import { notAfterTodayAll, recordResolution } from './workflow/review';

// ---- The directory of outside bodies.

const toBody = (b: BodyTable): Output<'bodies.create'> => ({
  id: b.id,
  name: b.name,
  address: b.address,
  email: b.email,
  head: b.head,
  answerDays: b.answer_days,
});
const bodyKey = (name: string): string => addressKey(name) ?? foldText(name);

export function listBodies(ctx: CallContext, i: ParsedInput<'bodies.list'>): Output<'bodies.list'> {
  const db = ctx.store.read;
  let q = db.qb.selectFrom('bodies').selectAll().where('deleted_at', 'is', null).orderBy('name_key');
  if (i.q) {
    const key = bodyKey(i.q);
    q = q.where('name_key', 'like', `%${key.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  return db.all(q.limit(500)).map(toBody);
}

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

type Row = ExternalRequestTable & { reg_number: string; body_name: string | null };

function requestQuery(db: ReadDb) {
  return db.qb
    .selectFrom('external_requests as r')
    .innerJoin('appeals as a', 'a.id', 'r.appeal_id')
    .leftJoin('bodies as b', 'b.id', 'r.body_id')
    .selectAll('r')
    .select(['a.reg_number', 'b.name as body_name'])
    .where('r.deleted_at', 'is', null);
}

export function toRequest(r: Row, today: string, role: Role | null): ExternalRequest {
  const status = r.status as RequestState;
  return {
    id: r.id,
    officeId: r.office_id,
    appealId: r.appeal_id,
    regNumber: r.reg_number,
    seq: r.seq,
    bodyId: r.body_id,
    bodyName: r.body_name,
    kind: r.kind,
    status,
    text: r.text,
    approvedOn: r.approved_on,
    sentOn: r.sent_on,
    outgoingNumber: r.outgoing_number,
    dueDate: r.due_date,
    answeredOn: r.answered_on,
    answerNumber: r.answer_number,
    answerSummary: r.answer_summary,
    nextStep: r.next_step as ExternalRequest['nextStep'],
    overdue: status === 'sent' && !!r.due_date && r.due_date < today,
    actions: role
      ? REQUEST_ACTIONS.filter(
          (a) => REQUEST_TRANSITIONS[a].from.includes(status) && REQUEST_TRANSITIONS[a].roles.includes(role),
        )
      : [],
  };
}

export function requestsOfAppeal(
  db: ReadDb,
  appealId: string,
  today: string,
  role: Role | null,
): ExternalRequest[] {
  return db
    .all(requestQuery(db).where('r.appeal_id', '=', appealId).orderBy('r.seq'))
    .map((r) => toRequest(r as Row, today, role));
}

function loadRequest(db: ReadDb, id: string): ExternalRequestTable {
  const r = db.get(
    db.qb.selectFrom('external_requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such request', { field: 'id' });
  return r;
}

function requestStep(
  ctx: CallContext,
  id: string,
  fn: (f: Flow, r: ExternalRequestTable) => void,
): ExternalRequest {
  ctx.store.transaction((db) => fn(beginFlow(db, ctx), loadRequest(db, id)));
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  return toRequest(db.get(requestQuery(db).where('r.id', '=', id)) as Row, today, requireActor(ctx).role);
}

export function createRequest(ctx: CallContext, i: ParsedInput<'requests.create'>): ExternalRequest {
  let id = '';
  ctx.store.transaction((db) => {
    const f = beginFlow(db, ctx);
    const a = loadAppeal(db, i.appealId);
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
    notAfterTodayAll(f, { sentOn: i.sentOn });
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
        loadAppeal(f.db, r.appeal_id),
        i.extendDays,
        i.extensionReason ?? 'запрос документов (ч. 2 ст. 12 59-ФЗ)',
        'extendDays',
      );
  });

export const recordAnswer = (ctx: CallContext, i: ParsedInput<'requests.recordAnswer'>): ExternalRequest =>
  requestStep(ctx, i.id, (f, r) => {
    assertRequestAction(f, r, 'recordAnswer');
    notAfterTodayAll(f, { answeredOn: i.answeredOn });
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
    const a = loadAppeal(f.db, r.appeal_id);
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
      const a = loadAppeal(f.db, r.appeal_id);
      moveAppeal(f, a, 'requestsWithdrawn', 'awaiting_resolution', {}, i.comment);
    }
  });

/**
 * The register's filter, on the request alone (alias `r`), so a count needs no join. Statuses are
 * literals, which lets the planner match them to the partial indexes over sent requests.
 */
function requestConditions(i: RequestFilter, today: string): RawBuilder<SqlBool> {
  const c: RawBuilder<unknown>[] = [sql`r.deleted_at IS NULL`];
  if (i.status?.length) c.push(sql`r.status IN (${sql.join(i.status)})`);
  if (i.awaitingAnswer || i.overdue) c.push(sql`r.status = 'sent'`);
  if (i.overdue) c.push(sql`r.due_date < ${today}`);
  if (i.bodyId) c.push(sql`r.body_id = ${i.bodyId}`);
  if (i.appealId) c.push(sql`r.appeal_id = ${i.appealId}`);
  return sql<SqlBool>`(${sql.join(c, sql` AND `)})`;
}

/** The register's filter over the requests query; the list and the home screen's figures share it. */
export function filterRequests(db: ReadDb, i: RequestFilter, today: string) {
  return requestQuery(db).where(requestConditions(i, today));
}

/** How many requests the filter finds: the requests alone are read, never their appeals. */
export function countRequests(db: ReadDb, i: RequestFilter, today: string): number {
  const r = db.get(
    db.qb
      .selectFrom('external_requests as r')
      .where(requestConditions(i, today))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return Number(r?.n ?? 0);
}

/**
 * The list's order: drafts and others with no due date first, then by due date; the id makes it total.
 * Written as the index of migration «list-pages» has it, so a page is an index walk.
 */
const DUE_KEY = sql<string>`coalesce(r.due_date, '')`;

export function listRequests(ctx: CallContext, i: ParsedInput<'requests.list'>): Output<'requests.list'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  let q = filterRequests(db, i, today);
  if (i.cursor) {
    const [due, id] = decodeCursor(i.cursor, 2, 'the request list');
    q = q.where(sql<SqlBool>`(${DUE_KEY}, r.id) > (${due}, ${id})`);
  }
  const rows = db.all(
    q
      .select(DUE_KEY.as('due_key'))
      .orderBy(DUE_KEY)
      .orderBy('r.id')
      .limit(i.limit + 1),
  );
  const page = rows.slice(0, i.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => toRequest(r as Row, today, ctx.actor?.role ?? null)),
    total: countRequests(db, i, today),
    nextCursor: rows.length > i.limit && last ? encodeCursor([last.due_key, last.id]) : null,
  };
}

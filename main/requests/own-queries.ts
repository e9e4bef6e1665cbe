/**
 * The read side of the deputy's own-initiative requests: a request as the screens show it, the register's
 * filter and pages, and the office's jurisdiction. Write modules import these; these import none.
 */
import type { OfficeTable, OwnRequestTable } from '../../db/schema';
import type { ReadDb } from '../../db/sql';
import { ApiError, type Role } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { OwnRequest, OwnRequestFilter } from '../../shared/api/own-requests';
import { isJurisdiction, type Jurisdiction } from '../../shared/domain/own-requests';
import {
  REQUEST_ACTIONS,
  REQUEST_TRANSITIONS,
  type RequestState,
} from '../../shared/domain/workflow/request';
import type { ReadContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { pageByDue, requestConditions } from './queries';

export type OwnRequestRow = OwnRequestTable & { body_name: string | null };

export function loadOwnRequest(db: ReadDb, id: string): OwnRequestTable {
  const r = db.get(
    db.qb.selectFrom('own_requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such request', { field: 'id' });
  return r;
}

function ownRequestQuery(db: ReadDb) {
  return db.qb
    .selectFrom('own_requests as r')
    .leftJoin('bodies as b', 'b.id', 'r.body_id')
    .selectAll('r')
    .select('b.name as body_name');
}

export function toOwnRequest(r: OwnRequestRow, today: string, role: Role | null): OwnRequest {
  const status = r.status as RequestState;
  return {
    id: r.id,
    number: r.number,
    bodyId: r.body_id,
    bodyName: r.body_name,
    text: r.text,
    legalBasis: r.legal_basis,
    status,
    responsibleId: r.responsible_id,
    approvedOn: r.approved_on,
    sentOn: r.sent_on,
    outgoingNumber: r.outgoing_number,
    termDays: r.term_days,
    dueDate: r.due_date,
    answeredOn: r.answered_on,
    answerNumber: r.answer_number,
    answerSummary: r.answer_summary,
    overdue: status === 'sent' && !!r.due_date && r.due_date < today,
    actions: role
      ? REQUEST_ACTIONS.filter(
          (a) => REQUEST_TRANSITIONS[a].from.includes(status) && REQUEST_TRANSITIONS[a].roles.includes(role),
        )
      : [],
  };
}

export function ownRequestOf(ctx: ReadContext, id: string): OwnRequest {
  const db = ctx.store.read;
  const r = db.get(ownRequestQuery(db).where('r.id', '=', id).where('r.deleted_at', 'is', null));
  if (!r) throw new ApiError('not_found', 'no such request', { field: 'id' });
  return toOwnRequest(r, officeToday(ctx, officeRow(db)), ctx.actor?.role ?? null);
}

export function countOwnRequests(db: ReadDb, i: OwnRequestFilter, today: string): number {
  const r = db.get(
    db.qb
      .selectFrom('own_requests as r')
      .where(requestConditions(i, today))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return Number(r?.n ?? 0);
}

/** In the appeals' requests' order: the index `own_requests_order` has it. */
export function listOwnRequests(
  ctx: ReadContext,
  i: ParsedInput<'ownRequests.list'>,
): Output<'ownRequests.list'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const q = ownRequestQuery(db).where(requestConditions(i, today));
  const { rows, nextCursor } = pageByDue(db, q, i, 'the list of own requests');
  return {
    rows: rows.map((r) => toOwnRequest(r, today, ctx.actor?.role ?? null)),
    total: countOwnRequests(db, i, today),
    nextCursor,
  };
}

export function jurisdictionOf(o: OfficeTable): { jurisdiction: Jurisdiction; days: number } {
  return {
    jurisdiction: isJurisdiction(o.deputy_jurisdiction) ? o.deputy_jurisdiction : 'federal',
    days: o.deputy_request_days,
  };
}

export const jurisdiction = (ctx: ReadContext): Output<'ownRequests.jurisdiction'> =>
  jurisdictionOf(officeRow(ctx.store.read));

/**
 * The read side of outside bodies and requests: the directory, a request's row as the screens show it,
 * the register's filter and pages. Write modules import these; these import no write module.
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ReadDb } from '../../db/sql';
import type { BodyTable, ExternalRequestTable } from '../../db/schema';
import type { ExternalRequest } from '../../shared/api/appeals';
import { ApiError, type Role } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { RequestFilter } from '../../shared/api/requests';
import { addressKey, foldText } from '../../shared/domain/text';
import {
  REQUEST_ACTIONS,
  REQUEST_TRANSITIONS,
  type RequestState,
} from '../../shared/domain/workflow/request';
import type { ReadContext } from '../kernel/context';
import { decodeCursor, encodeCursor } from '../kernel/cursor';
import { officeRow, officeToday } from '../office/queries';

// ---- The directory of outside bodies.

export const toBody = (b: BodyTable): Output<'bodies.create'> => ({
  id: b.id,
  name: b.name,
  address: b.address,
  email: b.email,
  head: b.head,
  answerDays: b.answer_days,
});
export const bodyKey = (name: string): string => addressKey(name) ?? foldText(name);

export function listBodies(ctx: ReadContext, i: ParsedInput<'bodies.list'>): Output<'bodies.list'> {
  const db = ctx.store.read;
  let q = db.qb.selectFrom('bodies').selectAll().where('deleted_at', 'is', null).orderBy('name_key');
  if (i.q) {
    const key = bodyKey(i.q);
    q = q.where('name_key', 'like', `%${key.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  return db.all(q.limit(500)).map(toBody);
}

// ---- Requests.

export type RequestRow = ExternalRequestTable & { reg_number: string; body_name: string | null };

export function requestQuery(db: ReadDb) {
  return db.qb
    .selectFrom('external_requests as r')
    .innerJoin('appeals as a', 'a.id', 'r.appeal_id')
    .leftJoin('bodies as b', 'b.id', 'r.body_id')
    .selectAll('r')
    .select(['a.reg_number', 'b.name as body_name'])
    .where('r.deleted_at', 'is', null);
}

export function toRequest(r: RequestRow, today: string, role: Role | null): ExternalRequest {
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
    .map((r) => toRequest(r as RequestRow, today, role));
}

export function loadRequest(db: ReadDb, id: string): ExternalRequestTable {
  const r = db.get(
    db.qb.selectFrom('external_requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null),
  );
  if (!r) throw new ApiError('not_found', 'no such request', { field: 'id' });
  return r;
}

/**
 * The register's filter, on the request alone (alias `r`), so a count needs no join. Statuses are
 * literals, which lets the planner match them to the partial indexes over sent requests.
 */
export function requestConditions(
  i: Omit<RequestFilter, 'appealId'> & { appealId?: string },
  today: string,
): RawBuilder<SqlBool> {
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

export function listRequests(ctx: ReadContext, i: ParsedInput<'requests.list'>): Output<'requests.list'> {
  const db = ctx.store.read;
  const today = officeToday(ctx, officeRow(db));
  const role = ctx.actor?.role ?? null;
  const { rows, nextCursor } = pageByDue(db, filterRequests(db, i, today), i, 'the request list');
  return {
    rows: rows.map((r) => toRequest(r as RequestRow, today, role)),
    total: countRequests(db, i, today),
    nextCursor,
  };
}

/** A page of a request list (alias `r`) in its order (see `DUE_KEY`), from the keyset cursor on. */
export function pageByDue<D, T extends keyof D, O extends { id: string }>(
  db: ReadDb,
  q: SelectQueryBuilder<D, T, O>,
  i: { cursor?: string | null | undefined; limit: number },
  what: string,
): { rows: O[]; nextCursor: string | null } {
  let page = q;
  if (i.cursor) {
    const [due, id] = decodeCursor(i.cursor, 2, what);
    page = page.where(sql<SqlBool>`(${DUE_KEY}, r.id) > (${due}, ${id})`);
  }
  const rows: (O & { due_key: string })[] = db.all(
    page
      .select(DUE_KEY.as('due_key'))
      .orderBy(DUE_KEY)
      .orderBy(sql`r.id`)
      .limit(i.limit + 1),
  ) as unknown as (O & { due_key: string })[];
  const kept = rows.slice(0, i.limit);
  const last = kept[kept.length - 1];
  return {
    rows: kept,
    nextCursor: rows.length > i.limit && last ? encodeCursor([last.due_key, last.id]) : null,
  };
}

/**
 * The register of наказы избирателей: record, edit, move through the statuses, tie to appeals, requests,
 * events and contacts. Each write is one transaction with the наказ's history entry, its change-log entries
 * and the audit entry; a refusal names the field and changes nothing.
 */
import type { MandateTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { Mandate } from '../../shared/api/mandates';
import { mandateMoveProblem, type MandateLinkKind, type MandateState } from '../../shared/domain/mandates';
import { nameOf } from '../classifier/queries';
import { audit, diff, insertSynced, newSyncColumns, updateSynced, type Changes } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginWrite, type WriteScope } from '../kernel/scope';
import { keepUpload } from '../assignments/files';
import { targetExists } from './card';
import { loadMandate, mandateOf } from './queries';

const refuse = (field: string, message: string): never => {
  throw new ApiError('validation', `${field}: ${message}`, { field });
};

export function mandateHistory(
  w: WriteScope,
  mandateId: string,
  action: string,
  changes: Changes = {},
  comment: string | null = null,
): void {
  insertSynced(w.db, 'mandate_history', {
    mandate_id: mandateId,
    at: w.st.now,
    user_id: w.actor?.userId ?? null,
    action,
    changes: JSON.stringify(changes),
    comment,
    ...newSyncColumns(w.st, w.office.id),
  });
}

type Fields = Omit<ParsedInput<'mandates.update'>, 'id'>;

/** The fields given, checked against the directory, the classifier and the users. */
function checkedPatch(db: WriteDb, i: Fields): Partial<MandateTable> {
  const p: Partial<MandateTable> = {};
  if (i.text !== undefined) p.text = i.text;
  if (i.givers !== undefined) p.givers = i.givers;
  if (i.district !== undefined) p.district = i.district;
  if (i.settlement !== undefined) p.settlement = i.settlement;
  if (i.address !== undefined) p.address = i.address;
  if (i.topic !== undefined) {
    if (i.topic && nameOf(db, i.topic) === null) refuse('topic', 'no such code in the classifier');
    p.topic = i.topic;
  }
  if (i.bodyId !== undefined) {
    if (i.bodyId && !db.rawGet('SELECT 1 FROM bodies WHERE id = ? AND deleted_at IS NULL', i.bodyId))
      refuse('bodyId', 'no such body in the directory');
    p.body_id = i.bodyId;
  }
  if (i.planYear !== undefined) p.plan_year = i.planYear;
  if (i.budgetLine !== undefined) p.budget_line = i.budgetLine;
  if (i.givenOn !== undefined) p.given_on = i.givenOn;
  if (i.responsibleId !== undefined) {
    if (
      i.responsibleId &&
      !db.rawGet('SELECT 1 FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL', i.responsibleId)
    )
      refuse('responsibleId', 'no such active user');
    p.responsible_id = i.responsibleId;
  }
  return p;
}

function addLink(
  w: WriteScope,
  m: MandateTable,
  kind: MandateLinkKind,
  targetId: string,
  field: string,
): void {
  if (!targetExists(w.db, kind, targetId)) refuse(field, `no such ${kind}`);
  const had = w.db.rawGet(
    'SELECT 1 FROM mandate_links WHERE mandate_id = ? AND kind = ? AND target_id = ? AND deleted_at IS NULL',
    m.id,
    kind,
    targetId,
  );
  if (had) throw new ApiError('conflict', `${field}: already linked to this наказ`, { field });
  insertSynced(w.db, 'mandate_links', {
    mandate_id: m.id,
    kind,
    target_id: targetId,
    ...newSyncColumns(w.st, w.office.id),
  });
  mandateHistory(w, m.id, 'link', { link: { from: null, to: { kind, targetId } } });
}

/** Ties a row another domain writes (an own-initiative request) to a наказ, in that write's transaction. */
export function linkToMandate(
  w: WriteScope,
  mandateId: string,
  kind: MandateLinkKind,
  targetId: string,
): void {
  const m = w.db.rawGet<MandateTable>(
    'SELECT * FROM mandates WHERE id = ? AND deleted_at IS NULL',
    mandateId,
  );
  if (!m) refuse('mandateId', 'no such наказ');
  addLink(w, m!, kind, targetId, 'mandateId');
}

function mandateWrite(ctx: CallContext, fn: (w: WriteScope) => string): Mandate {
  const id = ctx.store.transaction((db) => fn(beginWrite(db, ctx)));
  return mandateOf(ctx.store.read, id);
}

export const createMandate = (
  ctx: CallContext,
  i: ParsedInput<'mandates.create'>,
): Output<'mandates.create'> =>
  mandateWrite(ctx, (w) => {
    const p = checkedPatch(w.db, i);
    const event = i.eventId
      ? w.db.rawGet<{ event_date: string; district: string | null; address: string | null }>(
          'SELECT event_date, district, address FROM events WHERE id = ? AND deleted_at IS NULL',
          i.eventId,
        )
      : undefined;
    if (i.eventId && !event) refuse('eventId', 'no such event');
    const last = w.db.rawGet<{ n: number | null }>(
      'SELECT max(number) AS n FROM mandates WHERE office_id = ?',
      w.office.id,
    );
    const row: MandateTable = {
      number: (last?.n ?? 0) + 1,
      text: i.text,
      givers: p.givers ?? null,
      // Recorded at an event: its district and day unless told otherwise.
      district: p.district !== undefined ? p.district : (event?.district ?? null),
      settlement: p.settlement ?? null,
      address: p.address ?? null,
      topic: p.topic ?? null,
      body_id: p.body_id ?? null,
      plan_year: p.plan_year ?? null,
      budget_line: p.budget_line ?? null,
      status: 'accepted',
      status_reason: null,
      status_on: w.today,
      // An event not held yet (the наказ written down ahead) leaves today.
      given_on: p.given_on ?? (event && event.event_date <= w.today ? event.event_date : w.today),
      responsible_id: p.responsible_id !== undefined ? p.responsible_id : (w.actor?.userId ?? null),
      ...newSyncColumns(w.st, w.office.id),
    };
    if (row.given_on > w.today) refuse('givenOn', 'a наказ cannot be given after today');
    insertSynced(w.db, 'mandates', row);
    mandateHistory(w, row.id, 'create', { status: { from: null, to: 'accepted' } });
    if (i.eventId) addLink(w, row, 'event', i.eventId, 'eventId');
    for (const c of new Set(i.contactIds ?? [])) addLink(w, row, 'contact', c, 'contactIds');
    audit(w.db, ctx, w.office.id, 'mandates.create', 'mandate', row.id);
    return row.id;
  });

export const updateMandate = (
  ctx: CallContext,
  i: ParsedInput<'mandates.update'>,
): Output<'mandates.update'> =>
  mandateWrite(ctx, (w) => {
    const m = loadMandate(w.db, i.id);
    const p = checkedPatch(w.db, i);
    if (p.given_on && p.given_on > w.today) refuse('givenOn', 'a наказ cannot be given after today');
    const changes = diff(m as unknown as Record<string, unknown>, p as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return m.id;
    updateSynced(w.db, 'mandates', m.id, p, w.st);
    mandateHistory(w, m.id, 'update', changes);
    audit(w.db, ctx, w.office.id, 'mandates.update', 'mandate', m.id);
    return m.id;
  });

export const setMandateStatus = (
  ctx: CallContext,
  i: ParsedInput<'mandates.setStatus'>,
): Output<'mandates.setStatus'> =>
  mandateWrite(ctx, (w) => {
    const m = loadMandate(w.db, i.id);
    const from = m.status as MandateState;
    const problem = mandateMoveProblem(from, i.status, i.reason);
    if (problem)
      throw new ApiError(
        problem.field === 'status' ? 'invalid_state' : 'validation',
        `${problem.field}: ${problem.message}`,
        { field: problem.field },
      );
    const reason = i.reason ?? null;
    updateSynced(
      w.db,
      'mandates',
      m.id,
      { status: i.status, status_reason: reason, status_on: w.today },
      w.st,
    );
    const changes: Changes = { status: { from, to: i.status } };
    if (reason !== m.status_reason) changes.statusReason = { from: m.status_reason, to: reason };
    mandateHistory(w, m.id, 'status', changes, i.comment ?? null);
    audit(w.db, ctx, w.office.id, 'mandates.setStatus', 'mandate', m.id, { from, to: i.status });
    return m.id;
  });

export const linkMandate = (ctx: CallContext, i: ParsedInput<'mandates.link'>): Output<'mandates.link'> =>
  mandateWrite(ctx, (w) => {
    const m = loadMandate(w.db, i.id);
    addLink(w, m, i.kind, i.targetId, 'targetId');
    audit(w.db, ctx, w.office.id, 'mandates.link', 'mandate', m.id, { kind: i.kind, targetId: i.targetId });
    return m.id;
  });

export const unlinkMandate = (
  ctx: CallContext,
  i: ParsedInput<'mandates.unlink'>,
): Output<'mandates.unlink'> =>
  mandateWrite(ctx, (w) => {
    const m = loadMandate(w.db, i.id);
    const l = w.db.rawGet<{ id: string }>(
      'SELECT id FROM mandate_links WHERE mandate_id = ? AND kind = ? AND target_id = ? AND deleted_at IS NULL',
      m.id,
      i.kind,
      i.targetId,
    );
    if (!l) throw new ApiError('not_found', 'targetId: not linked to this наказ', { field: 'targetId' });
    updateSynced(w.db, 'mandate_links', l.id, { deleted_at: w.st.now }, w.st);
    mandateHistory(w, m.id, 'unlink', { link: { from: { kind: i.kind, targetId: i.targetId }, to: null } });
    audit(w.db, ctx, w.office.id, 'mandates.unlink', 'mandate', m.id, { kind: i.kind, targetId: i.targetId });
    return m.id;
  });

/** A document of a наказ: the content kept by its hash first, then the row and the history entry. */
export function attachToMandate(
  ctx: CallContext,
  i: ParsedInput<'mandates.attach'>,
): Output<'mandates.attach'> {
  loadMandate(ctx.store.read, i.id);
  const kept = keepUpload(ctx, i.mime, i.dataBase64);
  return mandateWrite(ctx, (w) => {
    const m = loadMandate(w.db, i.id);
    insertSynced(w.db, 'mandate_files', {
      mandate_id: m.id,
      sha256: kept.sha256,
      name: i.name,
      mime: i.mime,
      size: kept.size,
      ...newSyncColumns(w.st, w.office.id),
    });
    mandateHistory(w, m.id, 'attach', { file: { from: null, to: i.name } });
    audit(w.db, ctx, w.office.id, 'mandates.attach', 'mandate', m.id, { name: i.name, sha256: kept.sha256 });
    return m.id;
  });
}

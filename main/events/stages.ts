import type { ReadDb, WriteDb } from '../../db/sql';
import type { EventTable, OfficeTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import {
  CHECKLIST_OVERRIDE,
  checkMove,
  EVENT_DESK,
  EventMoveError,
  isOpenEventState,
  type EventStage,
  type EventState,
} from '../../shared/domain/workflow/event';
import { localDate } from '../../shared/util/clock';
import { audit, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { eventStageLimits } from '../office/queries';
import { getEventCard } from './card';
import { closeStageTasks, criteria, enterStage, eventHistory, loadEvent, undoneMandatory } from './flow';
import { beginWrite, type WriteScope } from '../kernel/scope';

function asApiError(e: unknown): never {
  if (e instanceof EventMoveError) throw new ApiError('invalid_state', e.message, { field: 'to' });
  throw e;
}

/**
 * Leaves the current stage forward: its mandatory items must be done, or the office head overrides
 * (the reason and the items left undone are recorded in the history and the audit log).
 */
function leaveForward(
  flow: WriteScope,
  e: EventTable,
  override: { reason: string } | undefined,
  system: boolean,
): string[] {
  const undone = undoneMandatory(flow.db, e.id);
  if (undone.length > 0 && !system) {
    if (!override)
      throw new ApiError('invalid_state', 'mandatory checklist items are not done', {
        field: 'to',
        details: { items: undone.map((i) => i.text) },
      });
    if (!flow.actor || !CHECKLIST_OVERRIDE.includes(flow.actor.role))
      throw new ApiError('forbidden', 'only the office head may leave a stage with its checklist undone', {
        field: 'override',
      });
  }
  closeStageTasks(flow, e.id, 'done');
  return undone.map((i) => i.text);
}

/** Puts the event in `to`, with its tasks, history and audit; the caller has checked the move. */
function moveTo(
  flow: WriteScope,
  e: EventTable,
  to: EventState,
  how: { direction: 'forward' | 'back'; override?: { reason: string }; system?: boolean },
): void {
  const from = e.stage as EventStage;
  let skipped: string[] = [];
  if (how.direction === 'forward') skipped = leaveForward(flow, e, how.override, how.system ?? false);
  else closeStageTasks(flow, e.id, 'cancelled');
  const after = updateSynced(
    flow.db,
    'events',
    e.id,
    { stage: to, stage_since: flow.st.now, closed_on: to === 'closed' ? flow.today : null },
    flow.st,
  );
  const changes = { stage: { from, to } };
  if (skipped.length > 0) {
    const reason = how.override?.reason ?? null;
    eventHistory(
      flow,
      e.id,
      how.system ? 'auto_moved' : 'override',
      { ...changes, skippedItems: { from: skipped, to: null } },
      reason,
    );
    if (!how.system)
      audit(flow.db, flow.ctx, flow.office.id, 'events.override', 'event', e.id, {
        from,
        to,
        items: skipped,
        reason,
      });
  } else eventHistory(flow, e.id, how.system ? 'auto_moved' : 'moved', changes);
  audit(flow.db, flow.ctx, flow.office.id, how.system ? 'events.autoMove' : 'events.move', 'event', e.id, {
    from,
    to,
  });
  if (isOpenEventState(to)) enterStage(flow, after, to);
}

export function move(ctx: CallContext, input: ParsedInput<'events.move'>): Output<'events.move'> {
  ctx.store.transaction((db) => {
    const flow = beginWrite(db, ctx);
    const e = loadEvent(db, input.id);
    let direction: 'forward' | 'back';
    try {
      direction = checkMove(e.stage as EventState, input.to, criteria(e));
    } catch (err) {
      asApiError(err);
    }
    if (input.to === 'closed' && !e.outcome)
      throw new ApiError('validation', 'outcome: an event closes with its outcome', { field: 'outcome' });
    moveTo(flow, e, input.to, { direction, override: input.override });
  });
  return getEventCard(ctx, input.id);
}

export function cancel(ctx: CallContext, input: ParsedInput<'events.cancel'>): Output<'events.cancel'> {
  ctx.store.transaction((db) => {
    const flow = beginWrite(db, ctx);
    const e = loadEvent(db, input.id);
    if (!isOpenEventState(e.stage as EventState))
      throw new ApiError('invalid_state', `an event in state ${e.stage} cannot be cancelled`, {
        field: 'id',
      });
    closeStageTasks(flow, e.id, 'cancelled');
    updateSynced(
      db,
      'events',
      e.id,
      { stage: 'cancelled', stage_since: flow.st.now, cancel_reason: input.reason },
      flow.st,
    );
    eventHistory(flow, e.id, 'cancelled', { stage: { from: e.stage, to: 'cancelled' } }, input.reason);
    audit(db, ctx, flow.office.id, 'events.cancel', 'event', e.id, { from: e.stage, reason: input.reason });
  });
  return getEventCard(ctx, input.id);
}

/** The desk ticks any item; anyone else only the items of a task given to them. */
export function checkItem(
  ctx: CallContext,
  input: ParsedInput<'events.checkItem'>,
): Output<'events.checkItem'> {
  const eventId = ctx.store.transaction((db) => {
    const flow = beginWrite(db, ctx);
    const item = db.get(
      db.qb
        .selectFrom('task_items as i')
        .innerJoin('tasks as t', 't.id', 'i.task_id')
        .select(['i.id', 'i.event_id', 'i.text', 'i.done_at', 't.status', 't.assignee_id'])
        .where('i.id', '=', input.id)
        .where('i.deleted_at', 'is', null),
    );
    if (!item) throw new ApiError('not_found', 'no such checklist item', { field: 'id' });
    if (item.status !== 'open')
      throw new ApiError('invalid_state', 'the stage of this item is over', { field: 'id' });
    if (!EVENT_DESK.includes(flow.actor!.role) && item.assignee_id !== (flow.actor?.userId ?? null))
      throw new ApiError('forbidden', 'this checklist item is someone else’s');
    if ((item.done_at !== null) === input.done) return item.event_id;
    updateSynced(
      db,
      'task_items',
      item.id,
      { done_at: input.done ? flow.st.now : null, done_by: input.done ? (flow.actor?.userId ?? null) : null },
      flow.st,
    );
    eventHistory(flow, item.event_id, input.done ? 'item_done' : 'item_undone', {}, item.text);
    audit(db, ctx, flow.office.id, 'events.checkItem', 'task_item', item.id, { done: input.done });
    return item.event_id;
  });
  return getEventCard(ctx, eventId);
}

/**
 * DOMAIN §5: an event created ahead moves to Согласование by itself when its day comes. The reminders
 * scheduler's `event_approval` rule calls this in its pass's write transaction, as the "system" user,
 * once per event (the reminder's unique key); the move has history, change log and audit like any other.
 * An event no longer in Создание stays where it is: someone may have moved it since the pass read it.
 */
export function moveEventToApproval(db: WriteDb, ctx: CallContext, eventId: string): void {
  const e = db.get(
    db.qb.selectFrom('events').selectAll().where('id', '=', eventId).where('deleted_at', 'is', null),
  );
  if (e?.stage !== 'creation') return;
  moveTo(beginWrite(db, ctx), e, 'approval', { direction: 'forward', system: true });
}

/**
 * Events held in a stage longer than the office's limit for it (working days since entering the
 * stage): what a "stuck" reminder rule reports. Reads only.
 */
export function eventsStuck(
  db: ReadDb,
  office: OfficeTable,
  calendar: ProductionCalendar,
  today: string,
): {
  id: string;
  title: string;
  stage: EventStage;
  since: string;
  limitDate: string;
  responsibleId: string | null;
}[] {
  const limits = eventStageLimits(office);
  const rows = db.all(
    db.qb
      .selectFrom('events')
      .select(['id', 'title', 'stage', 'stage_since', 'responsible_id'])
      .where('office_id', '=', office.id)
      .where('deleted_at', 'is', null)
      .where('stage', 'not in', ['closed', 'cancelled'])
      .orderBy('stage_since'),
  );
  return rows.flatMap((r) => {
    const stage = r.stage as EventStage;
    const since = localDate(new Date(r.stage_since), office.time_zone);
    const limitDate = calendar.addWorkingDays(since, limits[stage]);
    return limitDate < today
      ? [{ id: r.id, title: r.title, stage, since, limitDate, responsibleId: r.responsible_id }]
      : [];
  });
}

import type { ReadDb, WriteDb } from '../../db/sql';
import type { EventTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { EventPatch } from '../../shared/api/events';
import type { Output, ParsedInput } from '../../shared/api/index';
import {
  audit,
  diff,
  insertSynced,
  newSyncColumns,
  patchOf,
  updateSynced,
  type Stamp,
} from '../kernel/bookkeeping';
import type { AuditedReadContext, CallContext } from '../kernel/context';
import { eventFields, getEventCard } from './card';
import { enterStage, eventHistory, loadEvent, reassignEventTasks } from './flow';
import { checkKind } from './kinds';
import { isOpenEventState, type EventState } from '../../shared/domain/workflow/event';
import { beginWrite, type WriteScope } from '../kernel/scope';

/** A new event's card before anything but its title, kind and date is filled in. */
export const EVENT_BLANK = {
  start_time: null,
  end_time: null,
  place: null,
  address: null,
  district: null,
  escort_id: null,
  transfer_needed: 0,
  transfer_transport: null,
  transfer_out_at: null,
  transfer_back_at: null,
  expected_count: null,
  actual_count: null,
  programme: null,
  agenda: null,
  press_release_sent_on: null,
  press_answer_on: null,
  press_note: null,
  outcome: null,
  cancel_reason: null,
  closed_on: null,
} as const satisfies Partial<EventTable>;

type Fields = Partial<EventPatch> & { participants?: { contactId: string; attended: boolean }[] };

function checkUser(db: ReadDb, id: string | null | undefined, field: string): void {
  if (!id) return;
  const u = db.get(db.qb.selectFrom('users').select(['active']).where('id', '=', id));
  if (!u || u.active !== 1) throw new ApiError('validation', `${field}: no such active user`, { field });
}

/**
 * The press steps' dates: the release went out no later than today, and the press answered after it,
 * no later than today either. Refused naming the field.
 */
function checkPressDates(flow: WriteScope, p: Fields, before: EventTable | null): void {
  const sent =
    p.pressReleaseSentOn !== undefined ? p.pressReleaseSentOn : (before?.press_release_sent_on ?? null);
  const answered = p.pressAnswerOn !== undefined ? p.pressAnswerOn : (before?.press_answer_on ?? null);
  for (const [field, date] of [
    ['pressReleaseSentOn', p.pressReleaseSentOn],
    ['pressAnswerOn', p.pressAnswerOn],
  ] as const)
    if (date && date > flow.today)
      throw new ApiError('validation', `${field}: the date is in the future`, { field });
  if (sent && answered && answered < sent && (p.pressAnswerOn || p.pressReleaseSentOn)) {
    const field = p.pressAnswerOn ? 'pressAnswerOn' : 'pressReleaseSentOn';
    throw new ApiError('validation', `${field}: the press answered before the release was sent`, { field });
  }
}

function toColumns(p: Fields): Partial<EventTable> {
  const { patch: c, set } = patchOf<EventTable>();
  set('title', p.title);
  set('kind', p.kind);
  set('event_date', p.date);
  set('start_time', p.startTime);
  set('end_time', p.endTime);
  set('place', p.place);
  set('address', p.address);
  set('district', p.district);
  set('responsible_id', p.responsibleId);
  set('escort_id', p.escortId);
  if (p.transferNeeded !== undefined) c.transfer_needed = p.transferNeeded ? 1 : 0;
  set('transfer_transport', p.transferTransport);
  set('transfer_out_at', p.transferOutAt);
  set('transfer_back_at', p.transferBackAt);
  set('expected_count', p.expectedCount);
  set('actual_count', p.actualCount);
  set('programme', p.programme);
  set('agenda', p.agenda);
  set('press_release_sent_on', p.pressReleaseSentOn);
  set('press_answer_on', p.pressAnswerOn);
  set('press_note', p.pressNote);
  set('outcome', p.outcome);
  return c;
}

function participantsOf(db: ReadDb, eventId: string) {
  return db.all(
    db.qb
      .selectFrom('event_participants')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('deleted_at', 'is', null),
  );
}

/** Replaces the participant list: new contacts linked, dropped ones tombstoned, attendance updated. */
function setParticipants(
  db: WriteDb,
  st: Stamp,
  officeId: string,
  eventId: string,
  list: { contactId: string; attended: boolean }[],
): boolean {
  const wanted = new Map(list.map((p) => [p.contactId, p.attended]));
  if (wanted.size > 0) {
    const found = db.all(
      db.qb
        .selectFrom('contacts')
        .select('id')
        .where('id', 'in', [...wanted.keys()])
        .where('deleted_at', 'is', null),
    );
    if (found.length !== wanted.size)
      throw new ApiError('validation', 'participants: no such contact', { field: 'participants' });
  }
  let changed = false;
  const current = participantsOf(db, eventId);
  for (const p of current) {
    const attended = wanted.get(p.contact_id);
    if (attended === undefined) {
      updateSynced(db, 'event_participants', p.id, { deleted_at: st.now }, st);
      changed = true;
    } else if ((p.attended === 1) !== attended) {
      updateSynced(db, 'event_participants', p.id, { attended: attended ? 1 : 0 }, st);
      changed = true;
    }
    wanted.delete(p.contact_id);
  }
  for (const [contactId, attended] of wanted) {
    insertSynced(db, 'event_participants', {
      ...newSyncColumns(st, officeId),
      event_id: eventId,
      contact_id: contactId,
      attended: attended ? 1 : 0,
    });
    changed = true;
  }
  return changed;
}

export function create(ctx: CallContext, input: ParsedInput<'events.create'>): Output<'events.create'> {
  const id = ctx.store.transaction((db) => {
    const flow = beginWrite(db, ctx);
    const { st, office } = flow;
    checkKind(db, office.id, input.kind);
    checkUser(db, input.responsibleId, 'responsibleId');
    checkUser(db, input.escortId, 'escortId');
    checkPressDates(flow, input, null);
    const row: EventTable = {
      ...newSyncColumns(st, office.id),
      title: input.title,
      kind: input.kind,
      event_date: input.date,
      ...EVENT_BLANK,
      responsible_id: flow.actor?.userId ?? null,
      stage: 'creation',
      stage_since: st.now,
      created_by: flow.actor?.userId ?? null,
      ...toColumns(input),
    };
    insertSynced(db, 'events', row);
    setParticipants(db, st, office.id, row.id, input.participants);
    eventHistory(flow, row.id, 'created');
    enterStage(flow, row, 'creation');
    audit(db, ctx, office.id, 'events.create', 'event', row.id, { title: row.title, date: row.event_date });
    return row.id;
  });
  return getEventCard(ctx, id);
}

export function update(ctx: CallContext, input: ParsedInput<'events.update'>): Output<'events.update'> {
  ctx.store.transaction((db) => {
    const flow = beginWrite(db, ctx);
    const before = loadEvent(db, input.id);
    if (before.hlc !== input.version)
      throw new ApiError('conflict', 'the event was changed by someone else; reload it', {
        field: 'version',
      });
    const p = input.patch;
    if (
      !isOpenEventState(before.stage as EventState) &&
      (p.date !== undefined || p.responsibleId !== undefined)
    )
      throw new ApiError('invalid_state', 'a finished event keeps its date and people', { field: 'id' });
    if (p.kind !== undefined && p.kind !== before.kind) checkKind(db, flow.office.id, p.kind);
    checkUser(db, p.responsibleId, 'responsibleId');
    checkUser(db, p.escortId, 'escortId');
    checkPressDates(flow, p, before);
    const after = updateSynced(db, 'events', before.id, toColumns(p), flow.st);
    const changes = diff(eventFields(before), eventFields(after));
    if (p.participants && setParticipants(db, flow.st, flow.office.id, before.id, p.participants))
      changes.participants = { from: null, to: p.participants.length };
    if (Object.keys(changes).length === 0) return;
    if (changes.responsibleId || changes.escortId) reassignEventTasks(flow, after);
    eventHistory(flow, after.id, 'updated', changes);
    audit(db, ctx, flow.office.id, 'events.update', 'event', after.id, Object.keys(changes));
  });
  return getEventCard(ctx, input.id);
}

/** Opening a card shows participants' personal data (152-FZ Art. 19): it is logged. */
export function get(ctx: AuditedReadContext, input: ParsedInput<'events.get'>): Output<'events.get'> {
  const card = getEventCard(ctx, input.id);
  ctx.auditRead('events.get', 'event', input.id);
  return card;
}

/** An appeal registered from the event's card: checked, and noted in the event's history. */
export function linkAppeal(db: WriteDb, ctx: CallContext, eventId: string, regNumber: string): string {
  const e = db.get(
    db.qb
      .selectFrom('events')
      .select(['id', 'stage'])
      .where('id', '=', eventId)
      .where('deleted_at', 'is', null),
  );
  if (!e || e.stage === 'cancelled')
    throw new ApiError('validation', 'eventId: no such event', { field: 'eventId' });
  const flow: WriteScope = beginWrite(db, ctx);
  eventHistory(flow, e.id, 'appeal_registered', {}, regNumber);
  return e.id;
}

/**
 * Reception days: made one by one or by a repeating rule (weekdays every N weeks), changed, cancelled.
 * A day is checked whole before it is written — a host who is an active user, a linked event of the
 * «День приёма» kind — and a refusal names the field and changes nothing. Moving a day tells each booked
 * citizen; cancelling it cancels its bookings and tells each one.
 */
import type { ReceptionDayTable, SyncColumns } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { seriesDates } from '../../shared/domain/reception';
import { newId } from '../../shared/util/ids';
import { audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite, type WriteScope } from '../kernel/scope';
import { officeRow } from '../office/queries';
import { notifyCitizen } from './notices';
import { dayNotices, dayRow, liveBookings, receptionDay, receptionDays, slotsOf } from './queries';

const RECEPTION_EVENT_KIND = 'reception_day';

export const refuse = (field: string, message: string): never => {
  throw new ApiError('validation', `${field}: ${message}`, { field });
};

type DayInput = ParsedInput<'reception.createDay'>;
type Fields = Omit<
  ReceptionDayTable,
  keyof SyncColumns | 'status' | 'cancel_reason' | 'created_by' | 'series_id'
>;

function checkedFields(db: WriteDb, i: Omit<DayInput, 'date'> & { date: string }): Fields {
  if (i.hostId) {
    const u = db.rawGet<{ active: number; deleted_at: string | null }>(
      'SELECT active, deleted_at FROM users WHERE id = ?',
      i.hostId,
    );
    if (!u || u.active !== 1 || u.deleted_at !== null) refuse('hostId', 'no such active user');
  }
  if (i.eventId) {
    const e = db.rawGet<{ kind: string }>(
      'SELECT kind FROM events WHERE id = ? AND deleted_at IS NULL',
      i.eventId,
    );
    if (!e) throw new ApiError('not_found', 'no such event', { field: 'eventId' });
    if (e.kind !== RECEPTION_EVENT_KIND) refuse('eventId', 'the event is not a reception day');
  }
  for (const [n, b] of i.breaks.entries())
    if (b.from < i.startTime || b.to > i.endTime) refuse(`breaks.${n}`, 'a break lies inside the hours');
  return {
    day_date: i.date,
    host_id: i.hostId ?? null,
    place: i.place,
    start_time: i.startTime,
    end_time: i.endTime,
    slot_minutes: i.slotMinutes,
    breaks: JSON.stringify(i.breaks),
    event_id: i.eventId ?? null,
  };
}

function insertDay(w: WriteScope, f: Fields, seriesId: string | null): ReceptionDayTable {
  const row: ReceptionDayTable = {
    ...f,
    series_id: seriesId,
    status: 'open',
    cancel_reason: null,
    created_by: w.actor?.userId ?? null,
    ...newSyncColumns(w.st, w.office.id),
  };
  insertSynced(w.db, 'reception_days', row);
  return row;
}

export function days(ctx: ReadContext, i: ParsedInput<'reception.days'>): Output<'reception.days'> {
  const db = ctx.store.read;
  return receptionDays(db, officeRow(db).id, i.from, i.days);
}

export function notices(ctx: ReadContext, i: ParsedInput<'reception.notices'>): Output<'reception.notices'> {
  const db = ctx.store.read;
  return dayNotices(db, dayRow(db, i.dayId).id);
}

export function createDay(ctx: CallContext, i: DayInput): Output<'reception.createDay'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const row = insertDay(w, checkedFields(db, i), null);
    audit(db, ctx, w.office.id, 'reception.createDay', 'reception_day', row.id, { date: row.day_date });
    return receptionDay(db, row.id);
  });
}

export function createSeries(
  ctx: CallContext,
  i: ParsedInput<'reception.createSeries'>,
): Output<'reception.createSeries'> {
  const dates = seriesDates(i.from, i.to, i.weekdays, i.everyWeeks);
  if (dates.length === 0) refuse('weekdays', 'the rule gives no day');
  if (dates.length > 100) refuse('to', 'a rule gives at most 100 days');
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const seriesId = newId(w.st.nowMs);
    const made = dates.map((date) =>
      insertDay(w, checkedFields(db, { ...i, date, eventId: null }), seriesId),
    );
    audit(db, ctx, w.office.id, 'reception.createSeries', 'reception_day', seriesId, {
      from: i.from,
      to: i.to,
      days: made.length,
    });
    return made.map((d) => receptionDay(db, d.id));
  });
}

export function updateDay(
  ctx: CallContext,
  i: ParsedInput<'reception.updateDay'>,
): Output<'reception.updateDay'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const before = dayRow(db, i.id);
    if (before.hlc !== i.version)
      throw new ApiError('conflict', 'the day was changed by someone else; reload it', { field: 'version' });
    if (before.status === 'cancelled') refuse('id', 'the day is cancelled');
    const f = checkedFields(db, i.fields);
    const after = { ...before, ...f };
    const slots = new Set(slotsOf(after));
    const booked = liveBookings(db, before.id);
    if (booked.some((b) => b.slot !== null && !slots.has(b.slot)))
      refuse('fields.startTime', 'booked slots would be lost; move those bookings first');
    updateSynced(db, 'reception_days', before.id, f, w.st);
    const moved = f.day_date !== before.day_date || f.place !== before.place;
    if (moved) for (const b of booked) if (b.slot !== null) notifyCitizen(w, b, after, 'moved');
    audit(db, ctx, w.office.id, 'reception.updateDay', 'reception_day', before.id, {
      date: { from: before.day_date, to: f.day_date },
    });
    return receptionDay(db, before.id);
  });
}

export function cancelDay(
  ctx: CallContext,
  i: ParsedInput<'reception.cancelDay'>,
): Output<'reception.cancelDay'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const day = dayRow(db, i.id);
    if (day.status === 'cancelled') refuse('id', 'the day is cancelled');
    updateSynced(db, 'reception_days', day.id, { status: 'cancelled', cancel_reason: i.reason }, w.st);
    const booked = liveBookings(db, day.id);
    for (const b of booked) {
      updateSynced(db, 'reception_bookings', b.id, { status: 'cancelled' }, w.st);
      if (b.slot !== null) notifyCitizen(w, b, day, 'cancelled', i.reason);
    }
    audit(db, ctx, w.office.id, 'reception.cancelDay', 'reception_day', day.id, {
      reason: i.reason,
      bookings: booked.length,
    });
    return receptionDay(db, day.id);
  });
}

/**
 * Booking a citizen into a slot, moving or cancelling the booking, marking who came, walk-ins in the
 * day's queue, and the appeal registered from a booking in one step. A slot is held by the unique index
 * on (day, slot, seat): the service refuses a taken slot inside its transaction, and should two calls
 * ever pass that check the database refuses the second just the same. Moving a booking out of a slot
 * two computers booked apart settles the conflict: the booking left there takes seat 0.
 */
import type { ReceptionBookingTable, ReceptionDayTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit, insertSynced, newSyncColumns, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginPersonWrite, beginWrite, type WriteScope } from '../kernel/scope';
import { resolveApplicant } from '../contacts/contacts';
import { beginRegistration, registerIn } from '../appeals/register';
import { appealRow } from '../appeals/queries';
import { answerOrally } from '../workflow/oral';
import { refuse } from './days';
import { notifyCitizen } from './notices';
import { bookingRow, bookingView, dayRow, nextQueueNo, slotBookings, slotsOf } from './queries';

const SLOT_TAKEN = 'the slot is already booked';

/** The day, open, with `slot` among its slots and free; refuses naming the field otherwise. */
function freeSlot(db: WriteDb, dayId: string, slot: string): ReceptionDayTable {
  const day = dayRow(db, dayId);
  if (day.status === 'cancelled') refuse('dayId', 'the day is cancelled');
  if (!slotsOf(day).includes(slot)) refuse('slot', 'no such slot on this day');
  if (slotBookings(db, dayId, slot).length > 0) throw new ApiError('conflict', SLOT_TAKEN, { field: 'slot' });
  return day;
}

/** The unique index's own refusal, said as the service says it. */
function holdingSlot<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (e instanceof Error && /UNIQUE constraint failed: reception_bookings/.test(e.message))
      throw new ApiError('conflict', SLOT_TAKEN, { field: 'slot' });
    throw e;
  }
}

/** After a booking leaves a slot, the ones left there take seats 0, 1… (a conflict settled by a move). */
function closeUpSeats(w: WriteScope, dayId: string, slot: string | null): void {
  if (slot === null) return;
  slotBookings(w.db, dayId, slot).forEach((b, seat) => {
    if (b.seat !== seat) updateSynced(w.db, 'reception_bookings', b.id, { seat }, w.st);
  });
}

function newBooking(
  w: WriteScope,
  i: ParsedInput<'reception.book'> | ParsedInput<'reception.addWalkIn'>,
  place: { slot: string | null; queueNo: number | null },
): ReceptionBookingTable {
  const contact = resolveApplicant(w.db, w.office.id, i.applicant, w.st);
  const row: ReceptionBookingTable = {
    day_id: i.dayId,
    slot: place.slot,
    seat: 0,
    queue_no: place.queueNo,
    contact_id: contact.id,
    question: i.question,
    status: 'booked',
    appeal_id: null,
    booked_by: w.actor?.userId ?? null,
    ...newSyncColumns(w.st, w.office.id),
  };
  holdingSlot(() => insertSynced(w.db, 'reception_bookings', row));
  return row;
}

export function book(ctx: CallContext, i: ParsedInput<'reception.book'>): Output<'reception.book'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const day = freeSlot(db, i.dayId, i.slot);
    const row = newBooking(w, i, { slot: i.slot, queueNo: null });
    notifyCitizen(w, row, day, 'booked');
    audit(db, ctx, w.office.id, 'reception.book', 'reception_booking', row.id, {
      day: day.day_date,
      slot: i.slot,
    });
    return bookingView(db, row.id);
  });
}

export function addWalkIn(
  ctx: CallContext,
  i: ParsedInput<'reception.addWalkIn'>,
): Output<'reception.addWalkIn'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const day = dayRow(db, i.dayId);
    if (day.status === 'cancelled') refuse('dayId', 'the day is cancelled');
    const row = newBooking(w, i, { slot: null, queueNo: nextQueueNo(db, day.id) });
    audit(db, ctx, w.office.id, 'reception.addWalkIn', 'reception_booking', row.id, {
      queueNo: row.queue_no,
    });
    return bookingView(db, row.id);
  });
}

function liveBooking(db: WriteDb, id: string): ReceptionBookingTable {
  const b = bookingRow(db, id);
  if (b.status === 'cancelled') refuse('id', 'a cancelled booking');
  return b;
}

export function moveBooking(
  ctx: CallContext,
  i: ParsedInput<'reception.moveBooking'>,
): Output<'reception.moveBooking'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const b = liveBooking(db, i.id);
    if (b.slot === null) refuse('id', 'no such slot on this day');
    const day = freeSlot(db, i.dayId, i.slot);
    const moved = holdingSlot(() =>
      updateSynced(db, 'reception_bookings', b.id, { day_id: day.id, slot: i.slot, seat: 0 }, w.st),
    );
    closeUpSeats(w, b.day_id, b.slot);
    notifyCitizen(w, moved, day, 'moved');
    audit(db, ctx, w.office.id, 'reception.moveBooking', 'reception_booking', b.id, {
      from: { day: b.day_id, slot: b.slot },
      to: { day: day.id, slot: i.slot },
    });
    return bookingView(db, b.id);
  });
}

export function cancelBooking(
  ctx: CallContext,
  i: ParsedInput<'reception.cancelBooking'>,
): Output<'reception.cancelBooking'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const b = liveBooking(db, i.id);
    updateSynced(db, 'reception_bookings', b.id, { status: 'cancelled' }, w.st);
    closeUpSeats(w, b.day_id, b.slot);
    audit(db, ctx, w.office.id, 'reception.cancelBooking', 'reception_booking', b.id, { slot: b.slot });
    return bookingView(db, b.id);
  });
}

export function mark(ctx: CallContext, i: ParsedInput<'reception.mark'>): Output<'reception.mark'> {
  return ctx.store.transaction((db) => {
    const w = beginWrite(db, ctx);
    const b = liveBooking(db, i.id);
    if (b.status !== i.status) updateSynced(db, 'reception_bookings', b.id, { status: i.status }, w.st);
    audit(db, ctx, w.office.id, 'reception.mark', 'reception_booking', b.id, { status: i.status });
    return bookingView(db, b.id);
  });
}

/** A refusal of the registration names its field under `appeal.`, as the input has it. */
function underAppeal<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    if (!(e instanceof ApiError) || !e.extra.field) throw e;
    const field = `appeal.${e.extra.field}`;
    throw new ApiError(e.code, e.message.replace(e.extra.field, field), { ...e.extra, field });
  }
}

/**
 * The appeal of the citizen of a booking or of the queue, registered in the booking's transaction: the
 * applicant is the booking's contact, the event is the day's, and an oral answer given on the spot
 * closes it at once (59-FZ Art. 13 p.2). The citizen is marked as come.
 */
export function registerAppeal(
  ctx: CallContext,
  i: ParsedInput<'reception.registerAppeal'>,
): Output<'reception.registerAppeal'> {
  return ctx.store.transaction((db) => {
    const b = liveBooking(db, i.bookingId);
    if (b.appeal_id) refuse('bookingId', 'the appeal is already registered');
    const day = dayRow(db, b.day_id);
    if (i.oralAnswer && i.appeal.channel !== 'reception')
      refuse('appeal.channel', 'an oral answer is given at a personal reception only');
    const run = beginRegistration(db, ctx);
    const appeal = underAppeal(() =>
      registerIn(db, ctx, run, {
        ...i.appeal,
        applicant: { contactId: b.contact_id, forceNew: false },
        eventId: i.appeal.eventId ?? day.event_id,
      }),
    );
    if (i.oralAnswer) answerOrally(beginPersonWrite(db, ctx), appealRow(db, appeal.id), i.oralAnswer);
    updateSynced(db, 'reception_bookings', b.id, { appeal_id: appeal.id, status: 'came' }, run.st);
    audit(db, ctx, run.office.id, 'reception.registerAppeal', 'reception_booking', b.id, {
      appeal: appeal.id,
    });
    return { appealId: appeal.id, regNumber: appeal.reg_number, booking: bookingView(db, b.id) };
  });
}

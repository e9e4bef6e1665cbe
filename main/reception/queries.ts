/**
 * The reception schedule's read side: days in a range with their slots cut from the hours, each slot's
 * bookings (two or more live ones: a conflict two computers made apart), the walk-in queue, and the
 * citizens' names and phones from the contact base. The screen, the day's list and the services read
 * these.
 */
import type { ReadDb } from '../../db/sql';
import type { ReceptionBookingTable, ReceptionDayTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Booking, Notice, ReceptionDay, Slot } from '../../shared/api/reception';
import { addDays, daySlots, type Break } from '../../shared/domain/reception';

export function dayRow(db: ReadDb, id: string): ReceptionDayTable {
  const d = db.rawGet<ReceptionDayTable>(
    'SELECT * FROM reception_days WHERE id = ? AND deleted_at IS NULL',
    id,
  );
  if (!d) throw new ApiError('not_found', 'no such reception day', { field: 'dayId' });
  return d;
}

export function bookingRow(db: ReadDb, id: string): ReceptionBookingTable {
  const b = db.rawGet<ReceptionBookingTable>(
    'SELECT * FROM reception_bookings WHERE id = ? AND deleted_at IS NULL',
    id,
  );
  if (!b) throw new ApiError('not_found', 'no such booking', { field: 'id' });
  return b;
}

/** The live bookings of a slot (a booking not cancelled), the one holding it first. */
export function slotBookings(db: ReadDb, dayId: string, slot: string): ReceptionBookingTable[] {
  return db.rawAll<ReceptionBookingTable>(
    `SELECT * FROM reception_bookings WHERE day_id = ? AND slot = ? AND deleted_at IS NULL
       AND status <> 'cancelled' ORDER BY seat, id`,
    dayId,
    slot,
  );
}

/** A day's live bookings, walk-ins included. */
export function liveBookings(db: ReadDb, dayId: string): ReceptionBookingTable[] {
  return db.rawAll<ReceptionBookingTable>(
    `SELECT * FROM reception_bookings WHERE day_id = ? AND deleted_at IS NULL AND status <> 'cancelled'
     ORDER BY slot, seat, queue_no, id`,
    dayId,
  );
}

export const breaksOf = (d: ReceptionDayTable): Break[] => JSON.parse(d.breaks) as Break[];

export const slotsOf = (d: ReceptionDayTable): string[] =>
  daySlots(d.start_time, d.end_time, d.slot_minutes, breaksOf(d));

interface BookingView extends ReceptionBookingTable {
  full_name: string;
  email: string | null;
  phone: string | null;
  reg_number: string | null;
  notice_channel: 'email' | 'call' | null;
  notice_state: string | null;
}

const BOOKING_VIEW = `
SELECT b.*, c.full_name, c.email,
  (SELECT p.raw FROM contact_phones p WHERE p.contact_id = b.contact_id AND p.deleted_at IS NULL
     ORDER BY p.created_at LIMIT 1) AS phone,
  a.reg_number,
  n.channel AS notice_channel, n.state AS notice_state
FROM reception_bookings b
JOIN contacts c ON c.id = b.contact_id
LEFT JOIN appeals a ON a.id = b.appeal_id
LEFT JOIN reception_notices n ON n.id = (
  SELECT id FROM reception_notices WHERE booking_id = b.id AND deleted_at IS NULL
  ORDER BY created_at DESC, hlc DESC LIMIT 1)`;

function toBooking(b: BookingView): Booking {
  return {
    id: b.id,
    dayId: b.day_id,
    slot: b.slot,
    queueNo: b.queue_no,
    contactId: b.contact_id,
    citizenName: b.full_name,
    phone: b.phone,
    email: b.email,
    question: b.question,
    status: b.status,
    appealId: b.appeal_id,
    regNumber: b.reg_number,
    notice: b.notice_channel ? { channel: b.notice_channel, state: b.notice_state ?? '' } : null,
  };
}

export function bookingView(db: ReadDb, id: string): Booking {
  return toBooking(db.rawGet<BookingView>(`${BOOKING_VIEW} WHERE b.id = ?`, id)!);
}

function toDay(db: ReadDb, d: ReceptionDayTable, bookings: readonly Booking[]): ReceptionDay {
  const bySlot = new Map<string, Booking[]>();
  const queue: Booking[] = [];
  for (const b of bookings) {
    if (b.slot === null) queue.push(b);
    else bySlot.set(b.slot, [...(bySlot.get(b.slot) ?? []), b]);
  }
  // A booking whose time the day no longer cuts (hours changed on another computer) is still shown.
  const times = [...new Set([...slotsOf(d), ...bySlot.keys()])].sort();
  const slots: Slot[] = times.map((time) => {
    const held = bySlot.get(time) ?? [];
    return {
      time,
      state: held.length === 0 ? 'free' : held.length > 1 ? 'conflict' : 'booked',
      bookings: held,
    };
  });
  queue.sort((a, b) => (a.queueNo ?? 0) - (b.queueNo ?? 0));
  const host = d.host_id
    ? db.rawGet<{ full_name: string }>('SELECT full_name FROM users WHERE id = ?', d.host_id)
    : undefined;
  return {
    id: d.id,
    date: d.day_date,
    hostId: d.host_id,
    hostName: host?.full_name ?? null,
    place: d.place,
    startTime: d.start_time,
    endTime: d.end_time,
    slotMinutes: d.slot_minutes,
    breaks: breaksOf(d),
    eventId: d.event_id,
    seriesId: d.series_id,
    status: d.status,
    cancelReason: d.cancel_reason,
    version: d.hlc,
    slots,
    queue,
  };
}

/** The office's reception days from `from` for `days` days, in date order, each with its bookings. */
export function receptionDays(db: ReadDb, officeId: string, from: string, days: number): ReceptionDay[] {
  const to = addDays(from, days - 1);
  const rows = db.rawAll<ReceptionDayTable>(
    `SELECT * FROM reception_days WHERE office_id = ? AND day_date BETWEEN ? AND ? AND deleted_at IS NULL
     ORDER BY day_date, start_time, id`,
    officeId,
    from,
    to,
  );
  if (rows.length === 0) return [];
  const bookings = db
    .rawAll<BookingView>(
      `${BOOKING_VIEW} WHERE b.day_id IN (SELECT value FROM json_each(?)) AND b.deleted_at IS NULL
         AND b.status <> 'cancelled' ORDER BY b.slot, b.seat, b.queue_no, b.id`,
      JSON.stringify(rows.map((r) => r.id)),
    )
    .map(toBooking);
  return rows.map((d) =>
    toDay(
      db,
      d,
      bookings.filter((b) => b.dayId === d.id),
    ),
  );
}

export function receptionDay(db: ReadDb, id: string): ReceptionDay {
  const d = dayRow(db, id);
  return receptionDays(db, d.office_id, d.day_date, 1).find((x) => x.id === id)!;
}

export function dayNotices(db: ReadDb, dayId: string): Notice[] {
  return db
    .rawAll<{
      id: string;
      booking_id: string;
      reason: Notice['reason'];
      channel: Notice['channel'];
      address: string | null;
      text: string;
      state: Notice['state'];
      task_id: string | null;
      created_at: string;
    }>(
      `SELECT id, booking_id, reason, channel, address, text, state, task_id, created_at
       FROM reception_notices WHERE day_id = ? AND deleted_at IS NULL ORDER BY created_at, hlc`,
      dayId,
    )
    .map((n) => ({
      id: n.id,
      bookingId: n.booking_id,
      reason: n.reason,
      channel: n.channel,
      address: n.address,
      text: n.text,
      state: n.state,
      taskId: n.task_id,
      createdAt: n.created_at,
    }));
}

/** The number the day's queue gives the next walk-in. */
export function nextQueueNo(db: ReadDb, dayId: string): number {
  const last = db.rawGet<{ n: number | null }>(
    'SELECT max(queue_no) AS n FROM reception_bookings WHERE day_id = ? AND slot IS NULL AND deleted_at IS NULL',
    dayId,
  );
  return (last?.n ?? 0) + 1;
}

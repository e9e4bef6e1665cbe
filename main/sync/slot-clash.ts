import type { WriteDb } from '../../db/sql';
import { localWrite } from '../../shared/sync/merge';
import type { RowState } from '../../shared/sync/protocol';
import { audit, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { nextQueueNo } from '../reception/queries';
import { ownNode } from './desks';

/**
 * Two bookings of one reception slot, made on two computers of one office while apart. Neither may be
 * lost or merged into the other: both rows stay, the booking made later (the greater id; ids grow with
 * time) takes the slot's next seat (1, 2…), so the database's hold on seat 0 is kept, and the slot shows
 * both as a conflict until one is moved. Walk-ins queued on two computers with one number are told
 * apart the same way: the later takes the day's next number, so the queue keeps one order. Every
 * computer that meets the clash makes the same change, so they agree.
 */

const SLOT_HOLDER =
  "SELECT id FROM reception_bookings WHERE day_id = ? AND slot = ? AND seat = ? AND id <> ? AND deleted_at IS NULL AND status <> 'cancelled'";
const QUEUE_HOLDER =
  'SELECT id FROM reception_bookings WHERE day_id = ? AND slot IS NULL AND queue_no = ? AND id <> ? AND deleted_at IS NULL';

const booked = (s: RowState): boolean =>
  s.d.slot !== null && s.d.slot !== undefined && s.d.deleted_at == null && s.d.status !== 'cancelled';
const queued = (s: RowState): boolean =>
  (s.d.slot === null || s.d.slot === undefined) && typeof s.d.queue_no === 'number' && s.d.deleted_at == null;

function nextSeat(db: WriteDb, s: RowState): number {
  const r = db.rawGet<{ n: number | null }>(
    "SELECT max(seat) AS n FROM reception_bookings WHERE day_id = ? AND slot = ? AND deleted_at IS NULL AND status <> 'cancelled'",
    s.d.day_id,
    s.d.slot,
  );
  return (r?.n ?? 0) + 1;
}

/** The live booking the incoming one clashes with, and the change that tells the later of them apart. */
function clashOf(
  db: WriteDb,
  s: RowState,
): { holder: string; change: { seat: number } | { queue_no: number } } | null {
  if (booked(s)) {
    const h = db.rawGet<{ id: string }>(SLOT_HOLDER, s.d.day_id, s.d.slot, s.d.seat, s.id);
    return h ? { holder: h.id, change: { seat: nextSeat(db, s) } } : null;
  }
  if (queued(s)) {
    const h = db.rawGet<{ id: string }>(QUEUE_HOLDER, s.d.day_id, s.d.queue_no, s.id);
    return h ? { holder: h.id, change: { queue_no: nextQueueNo(db, String(s.d.day_id)) } } : null;
  }
  return null;
}

/**
 * Called before an incoming booking's state is written: when another live booking holds its seat of the
 * slot (or its number in the queue), the later of the two moves on (the local one in place, or the
 * incoming state before it is written). Returns the state to write, and whether it is a new local write
 * to send.
 */
export function settleSlotClash(
  db: WriteDb,
  ctx: CallContext,
  incoming: RowState,
): { state: RowState; renumbered: boolean } {
  const clash = clashOf(db, incoming);
  if (!clash) return { state: incoming, renumbered: false };
  // The change must order after the state it answers (as a number clash's renumbering does).
  ctx.hlc.receive(incoming.h, Math.max(ctx.clock.now().getTime(), Date.parse(incoming.h.slice(0, 24))));
  const st = stamp(ctx);
  const later = clash.holder > incoming.id ? clash.holder : incoming.id;
  audit(db, ctx, String(incoming.o), 'sync.slotClash', 'reception_booking', later, {
    slot: incoming.d.slot,
    day: incoming.d.day_id,
    kept: later === clash.holder ? incoming.id : clash.holder,
    ...clash.change,
  });
  if (later === clash.holder) {
    updateSynced(db, 'reception_bookings', clash.holder, clash.change, st);
    return { state: incoming, renumbered: false };
  }
  const state = localWrite(
    incoming,
    'reception_bookings',
    { ...clash.change, updated_at: st.now },
    st.hlc,
    ownNode(db),
  )!;
  return { state, renumbered: true };
}

import type { WriteDb } from '../../db/sql';
import { localWrite } from '../../shared/sync/merge';
import type { RowState } from '../../shared/sync/protocol';
import { audit, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { ownNode } from './desks';

/**
 * Two bookings of one reception slot, made on two computers of one office while apart. Neither may be
 * lost or merged into the other: both rows stay, the booking made later (the greater id; ids grow with
 * time) takes the slot's next seat (1, 2…), so the database's hold on seat 0 is kept, and the slot shows
 * both as a conflict until one is moved. Every computer that meets the clash makes the same change, so
 * they agree.
 */

const HOLDER =
  "SELECT id FROM reception_bookings WHERE day_id = ? AND slot = ? AND seat = ? AND id <> ? AND deleted_at IS NULL AND status <> 'cancelled'";

const live = (s: RowState): boolean =>
  s.d.slot !== null && s.d.slot !== undefined && s.d.deleted_at == null && s.d.status !== 'cancelled';

function nextSeat(db: WriteDb, s: RowState): number {
  const r = db.rawGet<{ n: number | null }>(
    "SELECT max(seat) AS n FROM reception_bookings WHERE day_id = ? AND slot = ? AND deleted_at IS NULL AND status <> 'cancelled'",
    s.d.day_id,
    s.d.slot,
  );
  return (r?.n ?? 0) + 1;
}

/**
 * Called before an incoming booking's state is written: when another live booking holds its seat of the
 * slot, the later of the two moves to the next seat (the local one in place, or the incoming state
 * before it is written). Returns the state to write, and whether it is a new local write to send.
 */
export function settleSlotClash(
  db: WriteDb,
  ctx: CallContext,
  incoming: RowState,
): { state: RowState; renumbered: boolean } {
  if (!live(incoming)) return { state: incoming, renumbered: false };
  const holder = db.rawGet<{ id: string }>(
    HOLDER,
    incoming.d.day_id,
    incoming.d.slot,
    incoming.d.seat,
    incoming.id,
  );
  if (!holder) return { state: incoming, renumbered: false };
  // The change must order after the state it answers (as a number clash's renumbering does).
  ctx.hlc.receive(incoming.h, Math.max(ctx.clock.now().getTime(), Date.parse(incoming.h.slice(0, 24))));
  const st = stamp(ctx);
  const seat = nextSeat(db, incoming);
  const later = holder.id > incoming.id ? holder.id : incoming.id;
  audit(db, ctx, String(incoming.o), 'sync.slotClash', 'reception_booking', later, {
    slot: incoming.d.slot,
    day: incoming.d.day_id,
    kept: later === holder.id ? incoming.id : holder.id,
    seat,
  });
  if (later === holder.id) {
    updateSynced(db, 'reception_bookings', holder.id, { seat }, st);
    return { state: incoming, renumbered: false };
  }
  const state = localWrite(
    incoming,
    'reception_bookings',
    { seat, updated_at: st.now },
    st.hlc,
    ownNode(db),
  )!;
  return { state, renumbered: true };
}

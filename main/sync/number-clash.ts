import { createHash } from 'node:crypto';
import type { WriteDb } from '../../db/sql';
import { clashSuffix } from '../../shared/domain/regnumber';
import { localWrite } from '../../shared/sync/merge';
import type { RowState } from '../../shared/sync/protocol';
import { audit, logChange, stamp, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { historyId } from './conflicts';
import { ownNode } from './desks';

/**
 * Two appeals of one office with one registration number. Desk numbers make it impossible for the
 * app's own numbering; it can still happen when numbers were issued outside it (a database copied to a
 * second computer, a number typed over by hand). The merge must not stop, and neither appeal may be lost
 * or hidden: the appeal registered later (the greater id; ids grow with registration time) keeps its
 * number with a suffix, /2 (or /3…), its key leaves its desk's sequence, and both appeals' histories
 * say what happened. Every computer that meets the clash makes the same change, so they agree.
 */

interface Holder {
  id: string;
  reg_number: string;
  created_at: string;
}

/** A `reg_seq` key of its own for a renumbered appeal, below every desk's range, derived from its id. */
function outOfSequenceKey(id: string): number {
  return -parseInt(createHash('sha256').update(id).digest('hex').slice(0, 12), 16);
}

/** Another appeal with the number, or with the key, each found off its unique index. */
export const HOLDER_BY_NUMBER =
  'SELECT id, reg_number, created_at FROM appeals WHERE office_id = ? AND reg_number = ? AND id <> ?';
export const HOLDER_BY_KEY =
  'SELECT id, reg_number, created_at FROM appeals WHERE office_id = ? AND reg_year = ? AND reg_seq = ? AND id <> ?';

function holderOf(db: WriteDb, s: RowState): Holder | undefined {
  return (
    db.rawGet<Holder>(HOLDER_BY_NUMBER, s.o, s.d.reg_number, s.id) ??
    db.rawGet<Holder>(HOLDER_BY_KEY, s.o, s.d.reg_year, s.d.reg_seq, s.id)
  );
}

function renumbered(db: WriteDb, officeId: string, number: string): string {
  return clashSuffix(
    number,
    (candidate) =>
      !!db.rawGet('SELECT 1 FROM appeals WHERE office_id = ? AND reg_number = ?', officeId, candidate),
  );
}

/**
 * Called before an incoming appeal's state is written: when another appeal holds its number, the later
 * of the two is renumbered (the local one in place, or the incoming state before it is written) and
 * both histories are noted. Returns the state to write, and whether it is a new local write to send.
 */
export function settleNumberClash(
  db: WriteDb,
  ctx: CallContext,
  incoming: RowState,
): { state: RowState; renumbered: boolean } {
  const holder = holderOf(db, incoming);
  if (!holder) return { state: incoming, renumbered: false };
  // The renumbering must order after the state it answers, though the clock moves past what is
  // received only when the page is merged (and, as there, a clock ahead of ours is taken, not refused).
  ctx.hlc.receive(incoming.h, Math.max(ctx.clock.now().getTime(), Date.parse(incoming.h.slice(0, 24))));
  const st = stamp(ctx);
  const number = String(incoming.d.reg_number);
  if (holder.id > incoming.id) {
    // The local appeal is the later one: it moves aside (a local edit, sent on the next sync).
    const to = renumbered(db, incoming.o, holder.reg_number);
    updateSynced(db, 'appeals', holder.id, { reg_number: to, reg_seq: outOfSequenceKey(holder.id) }, st);
    note(db, ctx, st, incoming.o, {
      kept: incoming.id,
      moved: holder.id,
      number: holder.reg_number,
      to,
      at: holder.created_at,
    });
    return { state: incoming, renumbered: false };
  }
  const to = renumbered(db, incoming.o, number);
  const state = localWrite(
    incoming,
    'appeals',
    { reg_number: to, reg_seq: outOfSequenceKey(incoming.id), updated_at: st.now },
    st.hlc,
    ownNode(db),
  )!;
  note(db, ctx, st, incoming.o, {
    kept: holder.id,
    moved: incoming.id,
    number,
    to,
    at: String(incoming.d.created_at),
  });
  return { state, renumbered: true };
}

interface Clash {
  kept: string;
  moved: string;
  number: string;
  to: string;
  /** When the later appeal was registered: the same on every computer, unlike the moment it is met. */
  at: string;
}

/**
 * One entry on each appeal's history, under ids derived from the clash, so every computer that meets
 * it writes the same two entries and the card shows each once.
 */
function note(db: WriteDb, ctx: CallContext, st: Stamp, officeId: string, c: Clash): void {
  const key = `number-clash\n${c.kept}\n${c.moved}\n${c.number}`;
  const entries = [
    { appeal: c.kept, action: 'number_clash_kept', changes: {}, comment: c.to },
    {
      appeal: c.moved,
      action: 'number_clash',
      changes: { regNumber: { from: c.number, to: c.to } },
      comment: null,
    },
  ];
  for (const [i, e] of entries.entries()) {
    const id = historyId(`${key}\n${i}`);
    if (db.rawGet('SELECT 1 FROM appeal_history WHERE id = ?', id)) continue;
    const row = {
      id,
      office_id: officeId,
      created_at: c.at,
      updated_at: c.at,
      hlc: st.hlc,
      deleted_at: null,
      appeal_id: e.appeal,
      at: c.at,
      user_id: null,
      action: e.action,
      changes: JSON.stringify(e.changes),
      comment: e.comment,
    };
    db.insert('appeal_history', row);
    logChange(db, 'appeal_history', row, 'upsert');
  }
  audit(db, ctx, officeId, 'sync.numberClash', 'appeal', c.moved, { from: c.number, to: c.to, kept: c.kept });
}

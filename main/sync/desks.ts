import type { ReadDb, WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import { insertSynced, newSyncColumns, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { IS_PENDING } from './sent-mark';

/**
 * Desk numbers: which computer of the office issues which registration numbers (АРМ). The computer the
 * office was set up on is desk 1. A computer that joins through HQ claims the next number it has not
 * seen taken, sends the claim, and holds the number only when a pull made after HQ acknowledged the
 * claim shows no other computer claiming it; otherwise it claims the next one. HQ applies batches one
 * at a time, so of two computers claiming one number the second to reach HQ always sees the first's
 * claim and moves on: no two computers ever hold one number, online or offline afterwards.
 */

export function ownNode(db: ReadDb): string {
  const node = db.rawGet<{ value: string }>("SELECT value FROM local_state WHERE key = 'hlc_node'")?.value;
  if (!node) throw new Error('internal: the database has no HLC node id');
  return node;
}

/** This computer's desk number, once it holds one. */
export function heldDesk(db: ReadDb): number | null {
  const v = db.rawGet<{ value: string }>("SELECT value FROM local_state WHERE key = 'desk'")?.value;
  return v === undefined ? null : Number(v);
}

interface DeskRow {
  id: string;
  number: number;
}

function ownRow(db: ReadDb, officeId: string, node: string): DeskRow | undefined {
  return db.rawGet<DeskRow>(
    'SELECT id, number FROM office_desks WHERE office_id = ? AND node = ? AND deleted_at IS NULL',
    officeId,
    node,
  );
}

function takenByAnother(db: ReadDb, officeId: string, node: string, number: number): boolean {
  return !!db.rawGet(
    'SELECT 1 FROM office_desks WHERE office_id = ? AND number = ? AND node <> ? AND deleted_at IS NULL',
    officeId,
    number,
    node,
  );
}

/** How many desks the office has, as far as this computer knows. */
export function deskCount(db: ReadDb, officeId: string): number {
  return db.rawGet<{ n: number }>(
    'SELECT count(DISTINCT number) AS n FROM office_desks WHERE office_id = ? AND deleted_at IS NULL',
    officeId,
  )!.n;
}

/** The computer the office is set up on is desk 1; its row tells every other computer so. */
export function setUpFirstDesk(db: WriteDb, ctx: CallContext, officeId: string): void {
  db.rawRun("INSERT INTO local_state (key, value) VALUES ('desk', '1')");
  ensureDeskRow(db, ctx, officeId, 1);
}

/** The held desk's synced row (an office set up before desks were numbered gets it on first use). */
function ensureDeskRow(db: WriteDb, ctx: CallContext, officeId: string, number: number): void {
  const node = ownNode(db);
  if (ownRow(db, officeId, node)) return;
  insertSynced(db, 'office_desks', { ...newSyncColumns(stamp(ctx), officeId), node, number });
}

/** The desk a registration on this computer numbers under; a computer without one may not register. */
export function deskForRegistration(db: WriteDb, ctx: CallContext, officeId: string): number {
  const desk = heldDesk(db);
  if (desk === null)
    throw new ApiError('invalid_state', 'this computer has no desk number yet; sync with HQ first');
  ensureDeskRow(db, ctx, officeId, desk);
  return desk;
}

/** A joined computer without a desk: it claims one on its next sync with HQ. */
export function needsDesk(db: ReadDb): boolean {
  return heldDesk(db) === null;
}

/** The held desk's row, for an office set up before desks were numbered (before its first sync). */
export function ensureHeldDeskRow(db: WriteDb, ctx: CallContext, officeId: string): void {
  const desk = heldDesk(db);
  if (desk !== null) ensureDeskRow(db, ctx, officeId, desk);
}

/**
 * Claims a desk number: the next after every number this computer knows of (never 1, the first
 * computer's), unless its present claim is not contested. Numbers given up leave gaps; a desk number
 * is a name, not a count.
 */
export function claimDesk(db: WriteDb, ctx: CallContext, officeId: string): number {
  const node = ownNode(db);
  const mine = ownRow(db, officeId, node);
  if (mine && !takenByAnother(db, officeId, node, mine.number)) return mine.number;
  const max =
    db.rawGet<{ m: number | null }>(
      'SELECT max(number) AS m FROM office_desks WHERE office_id = ? AND deleted_at IS NULL',
      officeId,
    )?.m ?? 1;
  // Computers that met on one number step apart by their node ids, so they do not meet again on the next.
  const rank = mine
    ? db.rawGet<{ n: number }>(
        'SELECT count(*) AS n FROM office_desks WHERE office_id = ? AND number = ? AND node < ? AND deleted_at IS NULL',
        officeId,
        mine.number,
        node,
      )!.n
    : 0;
  const number = Math.max(max, 1) + 1 + rank;
  const st = stamp(ctx);
  if (mine) updateSynced(db, 'office_desks', mine.id, { number }, st);
  else insertSynced(db, 'office_desks', { ...newSyncColumns(st, officeId), node, number });
  return number;
}

/**
 * Takes the claimed number for good when HQ holds the claim as it stands (acknowledged, so every pull
 * after it shows any claim that reached HQ first) and the pull just made shows nobody else claiming it.
 * Call only after a pull that followed the claim's acknowledgement.
 */
export function settleDesk(db: WriteDb, officeId: string): number | null {
  const node = ownNode(db);
  const mine = ownRow(db, officeId, node);
  if (!mine || takenByAnother(db, officeId, node, mine.number)) return null;
  const sent = db.rawGet<{ pending: number; data: string }>(
    `SELECT ${IS_PENDING} AS pending, data FROM sync_rows WHERE table_name = 'office_desks' AND row_id = ?`,
    mine.id,
  );
  if (!sent || sent.pending !== 0 || (JSON.parse(sent.data) as { number: number }).number !== mine.number)
    return null;
  db.rawRun(
    "INSERT INTO local_state (key, value) VALUES ('desk', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    String(mine.number),
  );
  return mine.number;
}

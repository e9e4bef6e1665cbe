import { createHash } from 'node:crypto';
import type { ReadDb, WriteDb } from '../../db/sql';
import {
  conflictFromRecord,
  type Conflict,
  type ConflictRecord,
  type RowState,
} from '../../shared/sync/protocol';
import type { FieldLoss } from '../../shared/sync/merge';
import { logChange, stamp } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';

/**
 * Conflicts: a value lost by last-writer-wins, kept with the value that won, noted once in the
 * object's history on every node that learns of it, and settled on the sync screen.
 */

// ---- conflicts -----------------------------------------------------------------------------------

export interface ConflictRow extends ConflictRecord {
  pending: number;
}

/** The same lost write gets the same id wherever it is noticed, so HQ and an office record it once. */
export function conflictId(table: string, rowId: string, field: string, lostHlc: string): string {
  return createHash('sha256').update(`${table}\n${rowId}\n${field}\n${lostHlc}`).digest('hex').slice(0, 32);
}

export function conflictFromLoss(row: RowState, loss: FieldLoss, detectedAt: string): Conflict {
  return {
    id: conflictId(row.t, row.id, loss.field, loss.lostHlc),
    o: row.o,
    t: row.t,
    r: row.id,
    f: loss.field,
    keptValue: (loss.keptValue ?? null) as Conflict['keptValue'],
    keptHlc: loss.keptHlc,
    lostValue: (loss.lostValue ?? null) as Conflict['lostValue'],
    lostHlc: loss.lostHlc,
    detectedAt,
    resolvedAt: null,
    resolution: null,
  };
}

/**
 * Keeps a conflict (once) and, for an appeal or an event, notes it in the object's history so the card
 * shows it. A resolution made elsewhere is taken over. Returns whether the conflict is new here.
 */
export function recordConflict(db: WriteDb, ctx: CallContext, c: Conflict, pending: boolean): boolean {
  const inserted = db.rawRun(
    `INSERT INTO sync_conflicts (id, office_id, table_name, row_id, field, kept_value, kept_hlc, lost_value,
       lost_hlc, detected_at, resolved_at, resolution, pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    c.id,
    c.o,
    c.t,
    c.r,
    c.f,
    JSON.stringify(c.keptValue),
    c.keptHlc,
    JSON.stringify(c.lostValue),
    c.lostHlc,
    c.detectedAt,
    c.resolvedAt,
    c.resolution,
    pending ? 1 : 0,
  ).changes;
  if (inserted === 0) {
    if (c.resolvedAt)
      db.rawRun(
        'UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL',
        c.resolvedAt,
        c.resolution,
        c.id,
      );
    return false;
  }
  noteInHistory(db, ctx, c);
  return true;
}

const HISTORY: Partial<Record<string, { table: 'appeal_history' | 'event_history'; key: string }>> = {
  appeals: { table: 'appeal_history', key: 'appeal_id' },
  events: { table: 'event_history', key: 'event_id' },
};

function noteInHistory(db: WriteDb, ctx: CallContext, c: Conflict): void {
  const target = HISTORY[c.t];
  if (!target) return;
  if (!db.rawGet(`SELECT 1 FROM ${c.t} WHERE id = ?`, c.r)) return;
  const st = stamp(ctx);
  // Every node that learns of the conflict writes the same entry (its id comes from the conflict's),
  // so the history shows it once after sync.
  const row = {
    id: historyId(c.id),
    office_id: c.o,
    created_at: c.detectedAt,
    updated_at: c.detectedAt,
    hlc: st.hlc,
    deleted_at: null,
    [target.key]: c.r,
    at: c.detectedAt,
    user_id: null,
    action: 'sync_conflict',
    changes: JSON.stringify({ [c.f]: { from: c.lostValue, to: c.keptValue } }),
    comment: null,
  };
  const exists = db.rawGet(`SELECT 1 FROM ${target.table} WHERE id = ?`, row.id);
  if (exists) return;
  db.insert(target.table, row as never);
  logChange(db, target.table, row as never, 'upsert');
}

/** A UUID-shaped id derived from the conflict's. */
export function historyId(conflict: string): string {
  const h = createHash('sha256').update(`history\n${conflict}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Conflicts for the screen: open first, newest first. */
export function listConflicts(db: ReadDb, limit: number): Conflict[] {
  return db
    .rawAll<ConflictRow>(
      'SELECT * FROM sync_conflicts ORDER BY resolved_at IS NOT NULL, detected_at DESC LIMIT ?',
      limit,
    )
    .map(conflictFromRecord);
}

export function getConflict(db: ReadDb, id: string): Conflict | undefined {
  const r = db.rawGet<ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ?', id);
  return r ? conflictFromRecord(r) : undefined;
}

export function markResolved(db: WriteDb, id: string, resolution: 'kept' | 'restored', at: string): void {
  db.rawRun(
    'UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, pending = 1 WHERE id = ?',
    at,
    resolution,
    id,
  );
}

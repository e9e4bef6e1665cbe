import type { ReadDb, Store, WriteDb } from '../../db/sql';
import { SYNCED_TABLES, type SyncedTable } from '../../db/schema';
import {
  SHARED_TABLES,
  conflictFromRecord,
  stateFromRecord,
  type Conflict,
  type RowState,
  type RowStateRecord,
} from '../../shared/sync/protocol';
import { localWrite } from '../../shared/sync/merge';
import { newId } from '../../shared/util/ids';
import { type ConflictRow } from './conflicts';
import { ownNode } from './desks';
import { IS_PENDING, NEXT_PENDING, nextPendingNumber, sentThrough } from './sent-mark';
import { officeKey, sealOutgoing } from './sealing';

// HQ builds its conflicts with the office's rule.
export { conflictFromLoss } from './conflicts';
export { ownNode } from './desks';
export { sentThrough } from './sent-mark';

/**
 * The office's side of sync, over its own SQLite file: folding the change log into per-field states,
 * taking out what HQ has not acknowledged, and merging what HQ sends. Every function runs inside the
 * caller's write transaction, so the rows, their change-log entries and the sync states commit together.
 */

const SYNCED = new Set<string>(SYNCED_TABLES);
const SHARED = new Set<string>(SHARED_TABLES);

export function isSyncedTable(t: string): t is SyncedTable {
  return SYNCED.has(t);
}

export function isSharedTable(t: string): boolean {
  return SHARED.has(t);
}

// ---- sync_state ----------------------------------------------------------------------------------

export function getState(db: ReadDb, key: string): string | null {
  return db.rawGet<{ value: string }>('SELECT value FROM sync_state WHERE key = ?', key)?.value ?? null;
}

export function setState(db: WriteDb, key: string, value: string | null): void {
  if (value === null) db.rawRun('DELETE FROM sync_state WHERE key = ?', key);
  else
    db.rawRun(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      key,
      value,
    );
}

/**
 * A transaction of sync's own bookkeeping (folded states, the mark of what HQ acknowledged), committed
 * without waiting for the WAL's sync to the disk: a power cut may lose it, never tear it (the WAL keeps
 * commits whole and in order, and the next synced commit syncs it too), and what it held is redone: the
 * fold from the change log, a batch sent again under its content id is answered from HQ's record. The
 * connection's own setting is back before any other call can run.
 */
export function bookkeeping<T>(store: Store, fn: (db: WriteDb) => T): T {
  const before = store.sqlite.pragma('synchronous', { simple: true }) as number;
  store.sqlite.pragma('synchronous = NORMAL');
  try {
    return store.transaction(fn);
  } finally {
    store.sqlite.pragma(`synchronous = ${before}`);
  }
}

// ---- per-field states ----------------------------------------------------------------------------

interface StoredRow extends RowStateRecord {
  pending: number;
}

export function loadState(
  db: ReadDb,
  table: string,
  id: string,
): { state: RowState; pending: boolean } | undefined {
  const r = db.rawGet<StoredRow & { is_pending: number }>(
    `SELECT *, ${IS_PENDING} AS is_pending FROM sync_rows WHERE table_name = ? AND row_id = ?`,
    table,
    id,
  );
  return r ? { state: stateFromRecord(r), pending: r.is_pending === 1 } : undefined;
}

/** A row's state; pending (HQ does not hold it): `true` numbers it next, a number is the caller's. */
export function saveState(db: WriteDb, s: RowState, pending: boolean | number): void {
  const numbered = typeof pending === 'number';
  db.rawRun(
    `INSERT INTO sync_rows (table_name, row_id, office_id, hlc, data, clocks, bases, pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ${numbered ? '?' : pending ? NEXT_PENDING : '0'})
     ON CONFLICT (table_name, row_id) DO UPDATE SET office_id = excluded.office_id, hlc = excluded.hlc,
       data = excluded.data, clocks = excluded.clocks, bases = excluded.bases, pending = excluded.pending`,
    s.t,
    s.id,
    s.o,
    s.h,
    JSON.stringify(s.d),
    s.c ? JSON.stringify(s.c) : null,
    s.b ? JSON.stringify(s.b) : null,
    ...(numbered ? [pending] : []),
  );
}

/**
 * The states a fold made pending, by `table\nid`, with their numbers: a push takes its batch from here
 * instead of reading back and parsing what it has just written (a row saved again since, under another
 * number, is read from the table).
 */
export type FoldedStates = Map<string, { n: number; state: RowState }>;

const FOLD_CHUNK = 5000;

/**
 * Brings the per-field states up to the change log: each entry since the last fold is compared with
 * the row's state, and the fields it changed take its clock. Entries written by a merge equal the state
 * already and change nothing, so what HQ sent is never sent back as news. At most `limit` entries
 * (a sync folds a part, sends it, and folds the next while HQ merges); `done` once none are left.
 */
export function foldChangeLog(
  db: WriteDb,
  limit = Infinity,
  keep?: FoldedStates,
): { folded: number; done: boolean } {
  const node = ownNode(db);
  // Whatever is folded may go to HQ next, with the users' hashes sealed under the office's key.
  officeKey(db);
  let from = Number(getState(db, 'folded_seq') ?? 0);
  let number = nextPendingNumber(db);
  let folded = 0;
  let read = 0;
  let done = false;
  while (read < limit) {
    const take = Math.min(FOLD_CHUNK, limit - read);
    const entries = db.rawAll<{ seq: number; table_name: string; row_id: string; hlc: string; data: string }>(
      'SELECT seq, table_name, row_id, hlc, data FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?',
      from,
      take,
    );
    for (const e of entries) {
      const next = foldEntry(db, node, e);
      if (!next) continue;
      saveState(db, next, number);
      keep?.set(`${next.t}\n${next.id}`, { n: number, state: next });
      number++;
      folded++;
    }
    read += entries.length;
    if (entries.length > 0) from = entries[entries.length - 1]!.seq;
    if (entries.length < take) {
      done = true;
      break;
    }
  }
  setState(db, 'folded_seq', String(from));
  return { folded, done };
}

interface LogEntry {
  table_name: string;
  row_id: string;
  hlc: string;
  data: string;
}

/** One change-log entry into its row's state: the new state when it changed something (a local write to send). */
function foldEntry(db: WriteDb, node: string, e: LogEntry): RowState | null {
  if (!isSyncedTable(e.table_name)) return null;
  const prev = loadState(db, e.table_name, e.row_id);
  return localWrite(prev?.state, e.table_name, JSON.parse(e.data) as Record<string, unknown>, e.hlc, node);
}

/** The key of a change-log entry a merge wrote and already holds in its state (see `foldAfterMerge`). */
export function settledKey(table: string, id: string, hlc: string): string {
  return `${table}\n${id}\n${hlc}`;
}

/**
 * The fold after a merge: the merge's own entries (`settled`, checked equal to their states as they were
 * written) are passed over by their key without reading their rows back. The others (a renumbered
 * appeal, a history note) are folded as local writes, and so is every entry of a row that has one of
 * those, in order, exactly as `foldChangeLog` would.
 */
export function foldAfterMerge(db: WriteDb, settled: ReadonlySet<string>): number {
  const node = ownNode(db);
  const from = Number(getState(db, 'folded_seq') ?? 0);
  const entries = db.rawAll<{ seq: number; table_name: string; row_id: string; hlc: string }>(
    'SELECT seq, table_name, row_id, hlc FROM change_log WHERE seq > ? ORDER BY seq',
    from,
  );
  const mixed = new Set<string>();
  for (const e of entries)
    if (!settled.has(settledKey(e.table_name, e.row_id, e.hlc))) mixed.add(`${e.table_name}\n${e.row_id}`);
  let folded = 0;
  for (const e of entries) {
    if (!mixed.has(`${e.table_name}\n${e.row_id}`)) continue;
    const { data } = db.rawGet<{ data: string }>('SELECT data FROM change_log WHERE seq = ?', e.seq)!;
    const next = foldEntry(db, node, { ...e, data });
    if (!next) continue;
    saveState(db, next, true);
    folded++;
  }
  setState(db, 'folded_seq', String(entries[entries.length - 1]?.seq ?? from));
  return folded;
}

/** How many rows are pending after the number `after` (null: after the mark), counted up to `cap`. */
export function pendingAfter(db: ReadDb, after: number | null, cap: number): number {
  return db.rawGet<{ n: number }>(
    'SELECT count(*) AS n FROM (SELECT 1 FROM sync_rows WHERE pending > ? LIMIT ?)',
    Math.max(after ?? 0, sentThrough(db)),
    cap,
  )!.n;
}

export function pendingCount(db: ReadDb): number {
  const rows = db.rawGet<{ n: number }>(`SELECT count(*) AS n FROM sync_rows WHERE ${IS_PENDING}`)!.n;
  const conflicts = db.rawGet<{ n: number }>('SELECT count(*) AS n FROM sync_conflicts WHERE pending = 1')!.n;
  return rows + conflicts;
}

/** Changes since the last fold not yet folded: pending too, though not yet in `sync_rows`. */
export function unfoldedCount(db: ReadDb): number {
  const from = Number(getState(db, 'folded_seq') ?? 0);
  return db.rawGet<{ n: number }>('SELECT count(*) AS n FROM change_log WHERE seq > ?', from)!.n;
}

export interface OutgoingBatch {
  rows: RowState[];
  conflicts: Conflict[];
  /** The rows' numbers (`pending`) run from above `from` through `through`, every pending one between. */
  from: number;
  through: number;
}

/**
 * Up to `limit` rows HQ has not acknowledged, in the order they became pending, after the number `after`
 * (the previous batch's `through`, so the next batch can be taken while that one is on its way;
 * null: from HQ's acknowledgements), and with the first batch the conflicts to send. The same until
 * acknowledged: an interrupted sync sends them again.
 */
export function extractBatch(
  db: ReadDb,
  limit: number | null,
  after: number | null = null,
  folded?: FoldedStates,
): OutgoingBatch {
  const from = Math.max(after ?? 0, sentThrough(db));
  const { rows, through } = folded ? takeFolded(db, from, limit, folded) : readPending(db, from, limit);
  const conflicts =
    after === null
      ? db
          .rawAll<ConflictRow>('SELECT * FROM sync_conflicts WHERE pending = 1 LIMIT ?', limit ?? -1)
          .map(conflictFromRecord)
      : [];
  return { ...sealOutgoing(db, { rows, conflicts }), from, through };
}

function readPending(db: ReadDb, from: number, limit: number | null): { rows: RowState[]; through: number } {
  const stored = db.rawAll<StoredRow>(
    'SELECT * FROM sync_rows WHERE pending > ? ORDER BY pending LIMIT ?',
    from,
    limit ?? -1,
  );
  return { rows: stored.map(stateFromRecord), through: stored[stored.length - 1]?.pending ?? from };
}

/** The pending rows' keys and numbers from the index, their states from the fold where it holds them. */
function takeFolded(
  db: ReadDb,
  from: number,
  limit: number | null,
  folded: FoldedStates,
): { rows: RowState[]; through: number } {
  const keys = db.rawAll<{ table_name: string; row_id: string; pending: number }>(
    'SELECT table_name, row_id, pending FROM sync_rows WHERE pending > ? ORDER BY pending LIMIT ?',
    from,
    limit ?? -1,
  );
  const rows = keys.map((k) => {
    const key = `${k.table_name}\n${k.row_id}`;
    const kept = folded.get(key);
    folded.delete(key);
    return kept?.n === k.pending ? kept.state : loadState(db, k.table_name, k.row_id)!.state;
  });
  return { rows, through: keys[keys.length - 1]?.pending ?? from };
}

export interface Acknowledged {
  rows: Pick<RowState, 't' | 'id' | 'h' | 'b'>[];
  conflicts: Pick<Conflict, 'id' | 'resolvedAt'>[];
}

/**
 * HQ holds these states now: a row changed again since is still pending. A batch that follows what HQ
 * acknowledged moves the mark over it (one write); any other (a bundle's answer) clears its rows one
 * by one, where they still hold the state HQ took.
 */
export function acknowledge(
  db: WriteDb,
  batch: Acknowledged & Partial<Pick<OutgoingBatch, 'from' | 'through'>>,
): void {
  if (batch.from !== undefined && batch.through !== undefined && batch.from <= sentThrough(db)) {
    if (batch.through > sentThrough(db)) setState(db, 'sent_through', String(batch.through));
  } else
    for (const r of batch.rows)
      db.rawRun(
        'UPDATE sync_rows SET pending = 0 WHERE table_name = ? AND row_id = ? AND hlc = ? AND bases IS ?',
        r.t,
        r.id,
        r.h,
        r.b ? JSON.stringify(r.b) : null,
      );
  for (const c of batch.conflicts)
    db.rawRun('UPDATE sync_conflicts SET pending = 0 WHERE id = ? AND resolved_at IS ?', c.id, c.resolvedAt);
}

export function newBatchId(nowMs: number): string {
  return newId(nowMs);
}

import type Database from 'better-sqlite3';
import type { WriteDb } from '../../db/sql';
import type { DB, SyncColumns, SyncedTable } from '../../db/schema';
import { newId } from '../../shared/util/ids';
import type { CallContext, ReadContext } from './context';

/** One write's moment: the same instant and a fresh HLC stamp for every row it touches. */
export interface Stamp {
  now: string;
  nowMs: number;
  hlc: string;
}

export function stamp(ctx: CallContext): Stamp {
  const d = ctx.clock.now();
  return { now: d.toISOString(), nowMs: d.getTime(), hlc: ctx.hlc.send(d.getTime()) };
}

type Row<T extends SyncedTable> = DB[T];

/**
 * The sync columns of a new row (DESIGN invariant 4): a fresh UUIDv7 (or one the caller made, from an
 * `idSequence`), its office, the write's stamp.
 */
export function newSyncColumns(st: Stamp, officeId: string, id: string = newId(st.nowMs)): SyncColumns {
  return {
    id,
    office_id: officeId,
    created_at: st.now,
    updated_at: st.now,
    hlc: st.hlc,
    deleted_at: null,
  };
}

/** Inserts a synced row and its change-log entry (the whole row, for sync); returns the row's insert. */
export function insertSynced<T extends SyncedTable>(db: WriteDb, table: T, row: Row<T>): Database.RunResult {
  const result = db.insert(table, row as never);
  logChange(db, table, row as Row<SyncedTable>, 'upsert');
  return result;
}

/**
 * `insertSynced` for many rows of one table (an import): the columns are fixed once, so each row is a bind
 * and a step of one prepared statement, with the same whole-row change-log entry.
 */
export function syncedInserter<T extends SyncedTable>(
  db: WriteDb,
  table: T,
  columns: readonly (keyof Row<T> & string)[],
): (row: Row<T>) => void {
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return (row) => {
    db.rawRun(sql, ...columns.map((c) => row[c]));
    logChange(db, table, row as Row<SyncedTable>, 'upsert');
  };
}

/** Updates a synced row, bumps its stamp, and logs the row as it now is. Returns the row after the change. */
export function updateSynced<T extends SyncedTable>(
  db: WriteDb,
  table: T,
  id: string,
  patch: Partial<Row<T>>,
  st: Stamp,
): Row<T> {
  const values: Record<string, unknown> = { ...patch, updated_at: st.now, hlc: st.hlc };
  const columns = Object.keys(values);
  // Column names come from the typed patch, never from input: safe to splice into the statement.
  db.rawRun(
    `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ...columns.map((c) => values[c]),
    id,
  );
  const row = db.rawGet<Row<T>>(`SELECT * FROM ${table} WHERE id = ?`, id);
  if (!row) throw new Error(`internal: ${table} ${id} vanished during update`);
  logChange(db, table, row as Row<SyncedTable>, 'upsert');
  return row;
}

/** Appends a row as it now is to the change log (sync writes merged rows through it too). */
export function logChange(
  db: WriteDb,
  table: SyncedTable,
  row: Row<SyncedTable>,
  op: 'upsert' | 'delete',
): void {
  const entry = [row.hlc, row.office_id, table, row.id, op, JSON.stringify(row), row.updated_at];
  const held = heldEntries.get(db);
  if (held) held.push(entry);
  else db.rawRun(LOG_ONE, ...entry);
}

const logSql = (rows: number): string =>
  'INSERT INTO change_log (hlc, office_id, table_name, row_id, op, data, at) VALUES ' +
  Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ');
const LOG_ONE = logSql(1);
/** Held entries go in statements of these many rows, largest first: three statement shapes in all. */
const LOG_CHUNKS = [64, 8, 1];
const heldEntries = new WeakMap<WriteDb, unknown[][]>();

/**
 * Runs a bulk write (a batch of registrations) with its change-log entries held back, then writes them
 * in the order they were made, in statements of up to 64 rows instead of one each. The write must not
 * read the change log meanwhile; if it throws, nothing is written and its transaction rolls back.
 */
export function withHeldChangeLog<T>(db: WriteDb, write: () => T): T {
  const held: unknown[][] = [];
  heldEntries.set(db, held);
  try {
    const result = write();
    let at = 0;
    for (const size of LOG_CHUNKS)
      for (; held.length - at >= size; at += size)
        db.rawRun(logSql(size), ...held.slice(at, at + size).flat());
    return result;
  } finally {
    heldEntries.delete(db);
  }
}

/**
 * Drops the change-log entries of a row but its latest: after an erasure (152-FZ) the personal data must
 * not survive in the row's earlier versions; the latest entry (the anonymised row) is what sync needs.
 */
export function forgetEarlierVersions(db: WriteDb, table: SyncedTable, rowId: string): void {
  db.rawRun(
    'DELETE FROM change_log WHERE table_name = ? AND row_id = ? AND seq < (SELECT max(seq) FROM change_log WHERE table_name = ? AND row_id = ?)',
    table,
    rowId,
    table,
    rowId,
  );
}

export function audit(
  db: WriteDb,
  ctx: ReadContext,
  officeId: string | null,
  action: string,
  entity: string | null,
  entityId: string | null,
  details?: unknown,
): void {
  db.insert('audit_log', {
    at: ctx.clock.now().toISOString(),
    office_id: officeId,
    user_id: ctx.actor?.userId ?? null,
    login: ctx.actor?.login ?? null,
    transport: ctx.transport,
    action,
    entity,
    entity_id: entityId,
    details: details === undefined ? null : JSON.stringify(details),
  } as never);
}

export type Changes = Record<string, { from: unknown; to: unknown }>;

/** A history row (an appeal's or an event's) as its card shows it: who, and the changes parsed. */
export function historyEntry(
  h: { id: string; at: string; action: string; changes: string; comment: string | null },
  userName: string | null,
) {
  return {
    id: h.id,
    at: h.at,
    userName,
    action: h.action,
    changes: JSON.parse(h.changes) as Changes,
    comment: h.comment,
  };
}

export function appealHistory(
  db: WriteDb,
  ctx: CallContext,
  st: Stamp,
  officeId: string,
  appealId: string,
  action: string,
  changes: Changes = {},
  comment: string | null = null,
): void {
  // The sync columns last: properties after a leading spread are added one by one by V8's runtime.
  insertSynced(db, 'appeal_history', {
    appeal_id: appealId,
    at: st.now,
    user_id: ctx.actor?.userId ?? null,
    action,
    changes: JSON.stringify(changes),
    comment,
    ...newSyncColumns(st, officeId),
  });
}

/** A patch of a row built field by field, where `undefined` means "leave it as it is". */
export function patchOf<T>(): { patch: Partial<T>; set<K extends keyof T>(k: K, v: T[K] | undefined): void } {
  const patch: Partial<T> = {};
  return {
    patch,
    set(k, v) {
      if (v !== undefined) patch[k] = v;
    },
  };
}

/** Field-by-field difference of two plain objects, for history entries. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const out: Changes = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = { from: a ?? null, to: b ?? null };
  }
  return out;
}

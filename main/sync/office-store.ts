import type { ReadDb, WriteDb } from '../../db/sql';
import { SYNCED_TABLES, type SyncedTable } from '../../db/schema';
import {
  SHARED_TABLES,
  conflictFromRecord,
  stateFromRecord,
  type Conflict,
  type PullResponse,
  type RowState,
  type RowStateRecord,
} from '../../shared/sync/protocol';
import { localWrite, mergeRow } from '../../shared/sync/merge';
import { newId } from '../../shared/util/ids';
import { logChange } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { indexForSearch, setTopics } from '../appeals/register';
import { conflictFromLoss, recordConflict, type ConflictRow } from './conflicts';
import { ownNode } from './desks';
import { settleNumberClash } from './number-clash';
import { officeKey, openIncoming, sealOutgoing } from './sealing';

// HQ builds its conflicts with the office's rule.
export { conflictFromLoss } from './conflicts';
export { ownNode } from './desks';

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

// ---- per-field states ----------------------------------------------------------------------------

interface StoredRow extends RowStateRecord {
  pending: number;
}

function loadState(db: ReadDb, table: string, id: string): { state: RowState; pending: boolean } | undefined {
  const r = db.rawGet<StoredRow>('SELECT * FROM sync_rows WHERE table_name = ? AND row_id = ?', table, id);
  return r ? { state: stateFromRecord(r), pending: r.pending === 1 } : undefined;
}

function saveState(db: WriteDb, s: RowState, pending: boolean): void {
  db.rawRun(
    `INSERT INTO sync_rows (table_name, row_id, office_id, hlc, data, clocks, bases, pending)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (table_name, row_id) DO UPDATE SET office_id = excluded.office_id, hlc = excluded.hlc,
       data = excluded.data, clocks = excluded.clocks, bases = excluded.bases, pending = excluded.pending`,
    s.t,
    s.id,
    s.o,
    s.h,
    JSON.stringify(s.d),
    s.c ? JSON.stringify(s.c) : null,
    s.b ? JSON.stringify(s.b) : null,
    pending ? 1 : 0,
  );
}

const FOLD_CHUNK = 5000;

/**
 * Brings the per-field states up to the change log: each entry since the last fold is compared with
 * the row's state, and the fields it changed take its clock. Entries written by a merge equal the state
 * already and change nothing, so what HQ sent is never sent back as news.
 */
export function foldChangeLog(db: WriteDb): number {
  const node = ownNode(db);
  // Whatever is folded may go to HQ next, with the users' hashes sealed under the office's key.
  officeKey(db);
  let from = Number(getState(db, 'folded_seq') ?? 0);
  let folded = 0;
  for (;;) {
    const entries = db.rawAll<{ seq: number; table_name: string; row_id: string; hlc: string; data: string }>(
      'SELECT seq, table_name, row_id, hlc, data FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?',
      from,
      FOLD_CHUNK,
    );
    for (const e of entries) {
      if (!isSyncedTable(e.table_name)) continue;
      const prev = loadState(db, e.table_name, e.row_id);
      const next = localWrite(prev?.state, e.table_name, JSON.parse(e.data), e.hlc, node);
      if (next) {
        saveState(db, next, true);
        folded++;
      }
    }
    if (entries.length === 0) break;
    from = entries[entries.length - 1]!.seq;
    if (entries.length < FOLD_CHUNK) break;
  }
  setState(db, 'folded_seq', String(from));
  return folded;
}

export function pendingCount(db: ReadDb): number {
  const rows = db.rawGet<{ n: number }>('SELECT count(*) AS n FROM sync_rows WHERE pending = 1')!.n;
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
}

/**
 * Up to `limit` rows HQ has not acknowledged, in key order after `after` (the previous batch's last
 * key, so the next batch can be taken while that one is on its way), and with the first batch the
 * conflicts to send. The same until acknowledged: an interrupted sync sends them again.
 */
export function extractBatch(
  db: ReadDb,
  limit: number | null,
  after: readonly [string, string] | null = null,
): OutgoingBatch {
  const rows = (
    after
      ? db.rawAll<StoredRow>(
          'SELECT * FROM sync_rows WHERE pending = 1 AND (table_name, row_id) > (?, ?) ORDER BY table_name, row_id LIMIT ?',
          after[0],
          after[1],
          limit ?? -1,
        )
      : db.rawAll<StoredRow>(
          'SELECT * FROM sync_rows WHERE pending = 1 ORDER BY table_name, row_id LIMIT ?',
          limit ?? -1,
        )
  ).map(stateFromRecord);
  const conflicts = after
    ? []
    : db
        .rawAll<ConflictRow>('SELECT * FROM sync_conflicts WHERE pending = 1 LIMIT ?', limit ?? -1)
        .map(conflictFromRecord);
  return sealOutgoing(db, { rows, conflicts });
}

export interface Acknowledged {
  rows: Pick<RowState, 't' | 'id' | 'h' | 'b'>[];
  conflicts: Pick<Conflict, 'id' | 'resolvedAt'>[];
}

/** HQ holds these states now: a row changed again since is still pending (its clock moved on). */
export function acknowledge(db: WriteDb, batch: Acknowledged): void {
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

// ---- applying what HQ sends ----------------------------------------------------------------------

const columnCache = new WeakMap<ReadDb, Map<string, Set<string>>>();

function columnsOf(db: ReadDb, table: SyncedTable): Set<string> {
  let byTable = columnCache.get(db);
  if (!byTable) {
    byTable = new Map();
    columnCache.set(db, byTable);
  }
  let cols = byTable.get(table);
  if (!cols) {
    cols = new Set(db.rawAll<{ name: string }>(`PRAGMA table_info(${table})`).map((c) => c.name));
    byTable.set(table, cols);
  }
  return cols;
}

/** Writes a merged row into its table (insert or update in place: no delete, so no cascade). */
function writeRow(db: WriteDb, s: RowState): Record<string, unknown> {
  const table = s.t as SyncedTable;
  const cols = columnsOf(db, table);
  const names = Object.keys(s.d).filter((k) => cols.has(k));
  const values = names.map((k) => s.d[k]);
  const updates = names.filter((k) => k !== 'id').map((k) => `${k} = excluded.${k}`);
  // Names are the table's own columns (checked above), never text from the wire. The row as written
  // comes back from the write itself, not from a second lookup (a join writes 100,000 of them).
  const row = db.rawGet<Record<string, unknown>>(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')} RETURNING *`,
    ...values,
  )!;
  logChange(db, table, row as never, 'upsert');
  return row;
}

/** What a row's change means beyond the row: the topic index and the full-text index of appeals. */
function refreshDerived(db: WriteDb, touched: Map<string, Set<string>>): void {
  // The topics follow the appeal's own row only; the search text also its applicant and phones. A
  // join brings an appeal, its applicant and the phones in different pages: the topics are written once.
  const own = new Set(touched.get('appeals') ?? []);
  const appeals = new Set(own);
  const contacts = [...(touched.get('contacts') ?? []), ...contactsOfPhones(db, touched)];
  for (const contact of contacts)
    for (const a of db.rawAll<{ id: string }>('SELECT id FROM appeals WHERE applicant_id = ?', contact))
      appeals.add(a.id);
  for (const id of appeals) {
    const appeal = db.rawGet<Record<string, unknown>>('SELECT * FROM appeals WHERE id = ?', id);
    if (!appeal) continue;
    if (own.has(id)) setTopics(db, id, JSON.parse(String(appeal.topics)) as string[]);
    // The applicant may arrive in a later batch; the appeal is indexed again when it does.
    if (db.rawGet('SELECT 1 FROM contacts WHERE id = ?', appeal.applicant_id))
      indexForSearch(db, appeal as never);
  }
}

function contactsOfPhones(db: ReadDb, touched: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const id of touched.get('contact_phones') ?? []) {
    const p = db.rawGet<{ contact_id: string }>('SELECT contact_id FROM contact_phones WHERE id = ?', id);
    if (p) out.push(p.contact_id);
  }
  return out;
}

export interface ApplyResult {
  rows: number;
  changed: number;
  conflicts: number;
  /** The newest clock received, for the node's own HLC. */
  newest: string | null;
}

const TABLE_ORDER = new Map<string, number>(SYNCED_TABLES.map((t, i) => [t, i]));

/**
 * Merges HQ's rows into this office: fields by LWW, lost local edits kept as conflicts, the rows
 * written with their change-log entries. Rows of another office or a table that is not synced are
 * refused whole (HQ never sends them; a forged answer changes nothing).
 */
export function applyIncoming(
  db: WriteDb,
  ctx: CallContext,
  officeId: string,
  hqOfficeId: string,
  incoming: Pick<PullResponse, 'rows' | 'conflicts'>,
): ApplyResult {
  for (const r of incoming.rows) {
    const allowed = r.o === officeId || (r.o === hqOfficeId && isSharedTable(r.t));
    if (!isSyncedTable(r.t) || !allowed || r.d.id !== r.id || (r.d.office_id ?? r.o) !== r.o)
      throw new Error(`HQ sent a row this office may not hold: ${r.t} ${r.id}`);
  }
  for (const c of incoming.conflicts)
    if (c.o !== officeId) throw new Error(`HQ sent a conflict of another office: ${c.id}`);
  foldChangeLog(db);
  const now = ctx.clock.now().toISOString();
  const touched = new Map<string, Set<string>>();
  let changed = 0;
  let conflicts = 0;
  let newest: string | null = null;
  const rows = openIncoming(db, incoming.rows).sort((a, b) => TABLE_ORDER.get(a.t)! - TABLE_ORDER.get(b.t)!);
  for (const r of rows) {
    if (!newest || r.h > newest) newest = r.h;
    const local = loadState(db, r.t, r.id);
    const m = mergeRow(local?.state, r);
    for (const loss of m.losses)
      if (recordConflict(db, ctx, conflictFromLoss(m.state, loss, now), true)) conflicts++;
    let state = m.state;
    let renumbered = false;
    if (m.valuesChanged) {
      if (r.t === 'appeals') ({ state, renumbered } = settleNumberClash(db, ctx, m.state));
      writeRow(db, state);
      changed++;
      let set = touched.get(r.t);
      if (!set) touched.set(r.t, (set = new Set()));
      set.add(r.id);
    }
    if (m.stateChanged || m.localAhead || renumbered)
      saveState(db, state, (local?.pending ?? false) || m.localAhead || m.losses.length > 0 || renumbered);
  }
  for (const c of incoming.conflicts) if (recordConflict(db, ctx, c, false)) conflicts++;
  refreshDerived(db, touched);
  // The merge wrote change-log entries equal to the states: fold them now, so they are not news.
  foldChangeLog(db);
  return { rows: rows.length, changed, conflicts, newest };
}

export function newBatchId(nowMs: number): string {
  return newId(nowMs);
}

import type { ReadDb, WriteDb } from '../../db/sql';
import { SYNCED_TABLES, type SyncedTable } from '../../db/schema';
import type { PullResponse, RowState } from '../../shared/sync/protocol';
import { localWrite, mergeRow } from '../../shared/sync/merge';
import { logChange } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { indexForSearch, setTopics } from '../appeals/register';
import { FacetBatch } from '../contacts/facets';
import { AppealCountBatch } from '../reports/statistics/batch';
import { conflictFromLoss, recordConflict } from './conflicts';
import { ownNode } from './desks';
import { settleNumberClash } from './number-clash';
import { settleSlotClash } from './slot-clash';
import {
  foldAfterMerge,
  foldChangeLog,
  isSharedTable,
  isSyncedTable,
  loadState,
  saveState,
  settledKey,
} from './office-store';
import { openIncoming } from './sealing';

/**
 * Merging what HQ sends into the office's own file (a page of a pull, or of the analyst view's
 * catch-up), inside the caller's write transaction: each row's state read once, its row written with
 * its change-log entry, the appeals' topics and search text refreshed, the statistics' and the contact
 * filters' counts kept, and the change log folded past the merge's own entries.
 */

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

/** Tables whose rows count in a contact's filter signature, by the contact they belong to. */
const FACET_CHILDREN = new Set(['contact_phones', 'contact_labels', 'contact_consents']);

/**
 * The counts' triggers stand aside for the page (`reports/statistics/batch.ts`, `contacts/facets.ts`):
 * a join's 20,000 appeals would otherwise upsert some twenty statistics rows each, one by one, and recount
 * a contact after each of its phones. Appeals are counted this way only when every appeal of the page is
 * new here (a join, a new office in the analyst view); a page that changes appeals already counted
 * leaves them to the triggers.
 */
class PageCounts {
  private readonly appeals: AppealCountBatch | null;
  private readonly facets: FacetBatch;

  constructor(
    private readonly db: WriteDb,
    rows: readonly RowState[],
  ) {
    const appealIds = rows.filter((r) => r.t === 'appeals').map((r) => r.id);
    const known =
      appealIds.length > 0 &&
      db.rawGet(
        // Each id looked up by the key (CROSS JOIN keeps the ids outside), not every appeal's state scanned.
        "SELECT 1 FROM json_each(?) AS j CROSS JOIN sync_rows AS s WHERE s.table_name = 'appeals' AND s.row_id = j.value LIMIT 1",
        JSON.stringify(appealIds),
      ) !== undefined;
    this.appeals = appealIds.length > 0 && !known ? new AppealCountBatch(db) : null;
    this.facets = new FacetBatch(db);
  }

  /** Before a row is written: the contacts it changes leave their counts (once each). */
  writing(s: RowState, local: RowState | undefined): void {
    if (s.t === 'contacts') {
      if (local) this.facets.changing(s.id);
      else this.facets.created(s.id);
    } else if (FACET_CHILDREN.has(s.t)) {
      this.facets.changing(String(s.d.contact_id));
      const before = local?.d.contact_id;
      if (before !== undefined && before !== s.d.contact_id) this.facets.changing(String(before));
    }
  }

  /** After a row is written. */
  written(s: RowState, local: RowState | undefined): void {
    if (this.appeals && s.t === 'appeals' && !local)
      this.appeals.added(
        this.db.rawGet<{ rowid: number }>('SELECT rowid FROM appeals WHERE id = ?', s.id)!.rowid,
      );
  }

  /** Counts what the page wrote (its topics included) and gives the counting back to the triggers. */
  finish(): void {
    this.appeals?.finish();
    this.facets.finish();
  }
}

type Written = Map<string, { row: Record<string, unknown>; state: RowState }>;

/**
 * What a row's change means beyond the row: the topic index and the full-text index of appeals. The
 * topics follow the appeal's own row only; the search text also its applicant and phones. A join brings
 * an appeal, its applicant and the phones in different pages: each appeal's topics are written with its
 * row, and its search text once its applicant is here (an appeal without one yet is indexed when the
 * applicant arrives). Rows this page wrote are taken as written, not read back.
 */
function refreshDerived(db: WriteDb, written: Written): void {
  const known = new Map<string, boolean>();
  const hasContact = (id: unknown): boolean => {
    const key = String(id);
    let has = known.get(key);
    if (has === undefined) known.set(key, (has = !!db.rawGet('SELECT 1 FROM contacts WHERE id = ?', key)));
    return has;
  };
  // An appeal written here is read back only when it is indexed: a number clash later in the page may
  // have renumbered it (its topics it cannot change).
  const toIndex = new Map<string, Record<string, unknown> | null>();
  const contacts = new Set<string>();
  for (const [key, { row }] of written) {
    const t = key.slice(0, key.indexOf('\n'));
    if (t === 'appeals') {
      setTopics(db, String(row.id), JSON.parse(String(row.topics)) as string[]);
      if (hasContact(row.applicant_id)) toIndex.set(String(row.id), null);
    } else if (t === 'contacts') contacts.add(String(row.id));
    else if (t === 'contact_phones') contacts.add(String(row.contact_id));
  }
  for (const contact of contacts) {
    if (!hasContact(contact)) continue;
    for (const a of db.rawAll<Record<string, unknown>>(
      'SELECT * FROM appeals WHERE applicant_id = ?',
      contact,
    ))
      toIndex.set(String(a.id), a);
  }
  for (const [id, row] of toIndex) {
    const appeal = row ?? db.rawGet<Record<string, unknown>>('SELECT * FROM appeals WHERE id = ?', id)!;
    indexForSearch(db, appeal as never);
  }
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
  // Each row as written and the state it was saved with, to fold the merge's own entries without
  // reading them back (`foldAfterMerge`).
  const written: Written = new Map();
  let changed = 0;
  let conflicts = 0;
  let newest: string | null = null;
  const rows = openIncoming(db, incoming.rows).sort((a, b) => TABLE_ORDER.get(a.t)! - TABLE_ORDER.get(b.t)!);
  const counts = new PageCounts(db, rows);
  for (const r of rows) {
    if (!newest || r.h > newest) newest = r.h;
    const local = loadState(db, r.t, r.id);
    const m = mergeRow(local?.state, r);
    for (const loss of m.losses)
      if (recordConflict(db, ctx, conflictFromLoss(m.state, loss, now), true)) conflicts++;
    let state = m.state;
    let renumbered = false;
    let row: Record<string, unknown> | null = null;
    if (m.valuesChanged) {
      if (r.t === 'appeals') ({ state, renumbered } = settleNumberClash(db, ctx, m.state));
      else if (r.t === 'reception_bookings') ({ state, renumbered } = settleSlotClash(db, ctx, m.state));
      counts.writing(state, local?.state);
      row = writeRow(db, state);
      counts.written(state, local?.state);
      changed++;
    }
    const saved = m.stateChanged || m.localAhead || renumbered;
    if (saved)
      saveState(db, state, (local?.pending ?? false) || m.localAhead || m.losses.length > 0 || renumbered);
    const key = `${r.t}\n${r.id}`;
    if (row) written.set(key, { row, state });
    else if (saved && written.has(key)) written.get(key)!.state = state;
  }
  for (const c of incoming.conflicts) if (recordConflict(db, ctx, c, false)) conflicts++;
  refreshDerived(db, written);
  counts.finish();
  // The merge wrote change-log entries equal to the states: they are not news. An entry the fold would
  // still take as a change (a value the table stored otherwise than it came) is folded as before.
  const node = ownNode(db);
  const settled = new Set<string>();
  for (const [key, { row, state }] of written) {
    const [t, id] = key.split('\n') as [string, string];
    if (localWrite(state, t, row, String(row.hlc), node) === null)
      settled.add(settledKey(t, id, String(row.hlc)));
  }
  foldAfterMerge(db, settled);
  return { rows: rows.length, changed, conflicts, newest };
}

import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Conflict, RowState } from '../../shared/sync/protocol';
import { takeSeq, type HqDB, type HqRowTable } from './store';

/** HQ's stored rows and conflicts: batched reads and writes inside a push's transaction. */

/** Ids in one `IN (…)` and rows in one multi-row insert: well under SQLite's 32,766 parameters. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** HQ's stored state of the rows a batch names, keyed by table and id. */
export async function loadRows(
  trx: Kysely<HqDB>,
  rows: readonly RowState[],
): Promise<Map<string, HqRowTable>> {
  const byTable = new Map<string, string[]>();
  for (const r of rows) {
    let ids = byTable.get(r.t);
    if (!ids) byTable.set(r.t, (ids = []));
    ids.push(r.id);
  }
  const out = new Map<string, HqRowTable>();
  const pg = isPostgres(trx);
  for (const [table, ids] of byTable)
    for (const part of pg ? [ids] : chunks(ids, CHUNK))
      for (const row of await trx
        .selectFrom('hq_rows')
        .selectAll()
        .where('table_name', '=', table)
        // PostgreSQL: the ids as one array parameter, not a statement of thousands to parse.
        .where('row_id', pg ? '=' : 'in', pg ? sql<string>`any(${part}::text[])` : part)
        .execute())
        out.set(`${row.table_name}\n${row.row_id}`, row);
  return out;
}

function isPostgres(trx: Kysely<HqDB>): boolean {
  return trx.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Writes merged rows, each with a fresh HQ sequence number, so pulls see them in order. On PostgreSQL
 * one statement a batch, its rows as one JSON parameter the server unpacks (`json_to_recordset`): a
 * multi-row `VALUES` list is thousands of parameters the server parses and plans at every batch, and
 * one array per column is text the driver escapes element by element and re-measures in JavaScript
 * (profiled: 1.9 s of HQ's serving thread, and most of its garbage, for 100,000 rows). SQLite, in
 * process, takes the `VALUES` lists as fast.
 */
export async function writeRows(trx: Kysely<HqDB>, writes: Omit<HqRowTable, 'seq'>[]): Promise<void> {
  if (writes.length === 0) return;
  let seq = await takeSeq(trx, writes.length);
  if (isPostgres(trx)) {
    const records = JSON.stringify(writes.map((w, i) => ({ ...w, seq: seq + i })));
    await sql`INSERT INTO hq_rows (table_name, row_id, office_id, hlc, data, clocks, bases, origin, seq)
      SELECT table_name, row_id, office_id, hlc, data, clocks, bases, origin, seq
      FROM json_to_recordset(${records}::json) AS r(table_name text, row_id text, office_id text,
        hlc text, data text, clocks text, bases text, origin text, seq bigint)
      ON CONFLICT (table_name, row_id) DO UPDATE SET hlc = excluded.hlc, data = excluded.data,
        clocks = excluded.clocks, bases = excluded.bases, origin = excluded.origin, seq = excluded.seq`.execute(
      trx,
    );
    return;
  }
  for (const part of chunks(writes, CHUNK))
    await trx
      .insertInto('hq_rows')
      .values(part.map((w) => ({ ...w, seq: seq++ })))
      .onConflict((oc) =>
        oc.columns(['table_name', 'row_id']).doUpdateSet((eb) => ({
          hlc: eb.ref('excluded.hlc'),
          data: eb.ref('excluded.data'),
          clocks: eb.ref('excluded.clocks'),
          bases: eb.ref('excluded.bases'),
          origin: eb.ref('excluded.origin'),
          seq: eb.ref('excluded.seq'),
        })),
      )
      .execute();
}

/** Records conflicts once each (their ids come from the lost value); a resolution updates the record. */
export async function writeConflicts(trx: Kysely<HqDB>, conflicts: Conflict[]): Promise<void> {
  for (const c of conflicts) {
    const prev = await trx
      .selectFrom('hq_conflicts')
      .select(['resolved_at'])
      .where('id', '=', c.id)
      .executeTakeFirst();
    if (prev && (prev.resolved_at || !c.resolvedAt)) continue;
    const seq = await takeSeq(trx, 1);
    if (prev)
      await trx
        .updateTable('hq_conflicts')
        .set({ resolved_at: c.resolvedAt, resolution: c.resolution, seq })
        .where('id', '=', c.id)
        .execute();
    else
      await trx
        .insertInto('hq_conflicts')
        .values({
          id: c.id,
          office_id: c.o,
          table_name: c.t,
          row_id: c.r,
          field: c.f,
          kept_value: JSON.stringify(c.keptValue),
          kept_hlc: c.keptHlc,
          lost_value: JSON.stringify(c.lostValue),
          lost_hlc: c.lostHlc,
          detected_at: c.detectedAt,
          resolved_at: c.resolvedAt,
          resolution: c.resolution,
          seq,
        })
        .execute();
  }
}

/** HQ's stored record of a row state HQ itself wrote (no office node sent it). */
export function hqWrite(state: RowState): Omit<HqRowTable, 'seq'> {
  return {
    table_name: state.t,
    row_id: state.id,
    office_id: state.o,
    hlc: state.h,
    data: JSON.stringify(state.d),
    clocks: state.c ? JSON.stringify(state.c) : null,
    bases: state.b ? JSON.stringify(state.b) : null,
    origin: null,
  };
}

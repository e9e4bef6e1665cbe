import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connect';
import { MIGRATIONS } from '../../db/migrations/index';
import { m0033 } from '../../db/migrations/0033-sync-sent-mark';
import { extractBatch, isSyncedTable, pendingCount, sentThrough } from '../../main/sync/office-store';
import { appealInput } from './helpers';
import { tempFiles } from './migration-helpers';
import { enrolledOffice, startTestHq, type SyncNode } from './sync-fixture';
import { stopTestPg } from './sync-pg';

const T0 = '2026-03-02T07:00:00Z';
const newFile = tempFiles('sent-mark-');
afterAll(stopTestPg, 60_000);

/** The rows the office still has to send, as `table/id`, in key order. */
function pendingKeys(node: SyncNode): string[] {
  return extractBatch(node.handle.store.read, null)
    .rows.map((r) => `${r.t}/${r.id}`)
    .sort();
}

/** Counts every rewrite of a `sync_rows` row on the office's connection from now on. */
function countRowWrites(node: SyncNode): () => number {
  const db = node.handle.sqlite;
  db.exec(`CREATE TEMP TABLE row_writes (n INTEGER);
    CREATE TEMP TRIGGER row_writes_count AFTER UPDATE ON main.sync_rows BEGIN INSERT INTO row_writes VALUES (1); END;`);
  return () => (db.prepare('SELECT count(*) AS n FROM row_writes').get() as { n: number }).n;
}

describe('the mark of what HQ acknowledged', () => {
  it('moves over a batch HQ took without rewriting its rows; a row changed while it was on its way stays pending', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ТВР', T0);
    const appeals: { id: string }[] = [];
    for (let i = 0; i < 3; i++) appeals.push(await desk.value('appeals.register', appealInput()));
    const next = desk.sync.nextBatch()!;
    expect(next.batch.rows.length).toBe(pendingCount(desk.handle.store.read));
    await desk.sync.link().push(next.request);

    // Meanwhile an appeal is edited; its rows are folded again, behind the batch on its way.
    const seqBefore = (
      desk.handle.sqlite.prepare('SELECT max(seq) AS s FROM change_log').get() as { s: number }
    ).s;
    const card = await desk.value('appeals.get', { id: appeals[1]!.id });
    await desk.value('appeals.update', { id: card.id, version: card.version, patch: { summary: 'Правка' } });
    desk.sync.fold();
    const changedMeanwhile = (
      desk.handle.sqlite
        .prepare('SELECT DISTINCT table_name, row_id FROM change_log WHERE seq > ?')
        .all(seqBefore) as { table_name: string; row_id: string }[]
    )
      .filter((r) => isSyncedTable(r.table_name))
      .map((r) => `${r.table_name}/${r.row_id}`)
      .sort();

    const writes = countRowWrites(desk);
    desk.sync.acknowledge(next.batch);
    expect(writes()).toBe(0);
    // The count sees a rewrite when there is one.
    desk.handle.sqlite
      .prepare("UPDATE sync_rows SET pending = pending WHERE table_name = 'appeals' AND row_id = ?")
      .run(appeals[0]!.id);
    expect(writes()).toBe(1);
    expect(sentThrough(desk.handle.store.read)).toBe(next.batch.through);
    const stillPending = pendingKeys(desk);
    expect(stillPending).toContain(`appeals/${appeals[1]!.id}`);
    expect(stillPending).toEqual(changedMeanwhile);

    // The next sync sends the edit, and nothing is left.
    const outcome = await desk.sync.syncNow();
    expect(outcome).toMatchObject({ ok: true, sent: stillPending.length });
    expect(pendingCount(desk.handle.store.read)).toBe(0);
    const atHq = (await hq.hq.rowsOf(desk.sync.state('office_id')!)).find((r) => r.id === appeals[1]!.id);
    expect(atHq?.d.summary).toBe('Правка');
  });

  it('numbers the rows an older office had pending in the order they were sent, and leaves the sent ones', () => {
    const file = newFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0033)) });
    const insert = old.prepare(
      `INSERT INTO sync_rows (table_name, row_id, office_id, hlc, data, pending) VALUES (?, ?, 'o1', 'h', '{}', ?)`,
    );
    for (const [t, id, pending] of [
      ['tasks', 'c', 1],
      ['appeals', 'b', 1],
      ['appeals', 'x', 0],
      ['appeals', 'a', 1],
      ['contacts', 'z', 0],
    ] as const)
      insert.run(t, id, pending);
    old.close();

    const db = openDatabase(file);
    const rows = db
      .prepare("SELECT table_name || '/' || row_id AS k, pending FROM sync_rows ORDER BY pending, k")
      .all();
    expect(rows).toEqual([
      { k: 'appeals/x', pending: 0 },
      { k: 'contacts/z', pending: 0 },
      { k: 'appeals/a', pending: 1 },
      { k: 'appeals/b', pending: 2 },
      { k: 'tasks/c', pending: 3 },
    ]);
    db.close();
  });
});

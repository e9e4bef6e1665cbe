import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema';
import { SyncHttpError, httpLink, type HqLink } from '../../main/sync/engine';
import { PROTOCOL_VERSION, type RowState } from '../../shared/sync/protocol';
import { formatHlc } from '../../shared/util/hlc';
import { newId } from '../../shared/util/ids';
import { enrolledOffice, startTestHq, type HqKind, type TestHq } from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';
let batch = 0;

function row(table: string, officeId: string, node: string, id = newId()): RowState {
  const h = formatHlc({ millis: Date.parse(T0), counter: 1, node });
  return {
    t: table,
    id,
    o: officeId,
    h,
    d: { id, office_id: officeId, created_at: T0, updated_at: T0, hlc: h, deleted_at: null, note: 'тайное' },
  };
}

async function push(link: HqLink, rows: RowState[]) {
  return link.push({ v: PROTOCOL_VERSION, batchId: `b-${++batch}`, now: T0, rows, conflicts: [] });
}

async function refused(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncHttpError) return e.status;
    throw e;
  }
  return 200;
}

async function hqDump(hq: TestHq): Promise<string> {
  const rows = await hq.hq.db
    .selectFrom('hq_rows')
    .selectAll()
    .orderBy('table_name')
    .orderBy('row_id')
    .execute();
  const batches = await hq.hq.db
    .selectFrom('hq_batches')
    .select(['node', 'batch_id'])
    .orderBy('batch_id')
    .execute();
  return JSON.stringify([rows, batches]);
}

/** Office A's token against office B's rows, table by table: refused with 403, and HQ unchanged. */
export function isolationSuite(kind: HqKind): void {
  describe(`isolation between offices (HQ on ${kind})`, () => {
    it('an office reads only its own rows and HQ’s reference data, and writes none of another office’s', async () => {
      const hq = await startTestHq(kind, T0);
      const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
      const aId = a.sync.state('office_id')!;
      const bId = b.sync.state('office_id')!;
      const aNode = a.handle.hlc.last.slice(-16);
      const bNode = b.handle.hlc.last.slice(-16);
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect((await b.sync.syncNow()).ok).toBe(true);
      const bRows = new Map<string, RowState>();
      for (const t of SYNCED_TABLES) bRows.set(t, row(t, bId, bNode));
      await push(b.sync.link(), [...bRows.values()]);
      await hq.hq.publish('bodies', {
        name: 'Администрация города',
        name_key: 'администрация города',
        answer_days: 30,
      });

      // Reading: A's pull holds no row of B, whatever the table.
      const pulled = await a.sync.link().pull(0, 5000);
      expect(pulled.rows.length).toBeGreaterThan(0);
      expect(pulled.rows.filter((r) => r.o !== aId && r.o !== hq.hq.officeId)).toEqual([]);
      expect(pulled.rows.filter((r) => r.o === hq.hq.officeId).map((r) => r.t)).toEqual(['bodies']);

      const before = await hqDump(hq);
      for (const t of SYNCED_TABLES) {
        const own = row(t, aId, aNode);
        // A row claiming office B.
        expect(await refused(push(a.sync.link(), [own, row(t, bId, aNode)])), t).toBe(403);
        // B's row taken over under A's office id.
        const stolen = row(t, aId, aNode, bRows.get(t)!.id);
        expect(await refused(push(a.sync.link(), [own, stolen])), t).toBe(403);
        // A row whose values name another office than the state.
        const forged = row(t, aId, aNode);
        forged.d.office_id = bId;
        expect(await refused(push(a.sync.link(), [own, forged])), t).toBe(403);
        // HQ's own reference rows are HQ's to write.
        expect(await refused(push(a.sync.link(), [row(t, hq.hq.officeId, aNode)])), t).toBe(403);
      }
      expect(await refused(push(a.sync.link(), [row('sessions', aId, aNode)]))).toBe(403);
      expect(await hqDump(hq)).toBe(before);

      // A wrong token reads nothing.
      expect(await refused(httpLink(hq.url, 'not-a-token').pull(0, 10))).toBe(401);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { httpLink } from '../../main/sync/engine';
import { appealInput, dumpTables } from './helpers';
import { enrolledOffice, joinedNode, startTestHq, type HqKind, type SyncNode } from './sync-fixture';

/**
 * The sync suite, run with HQ on SQLite (sync.test.ts) and on PostgreSQL (sync-pg.test.ts): the same
 * tests, the same expectations.
 */

export const T0 = '2026-03-02T07:00:00Z';

async function editSummary(node: SyncNode, id: string, summary: string): Promise<void> {
  const card = await node.value('appeals.get', { id });
  await node.value('appeals.update', { id, version: card.version, patch: { summary } });
}

function appealRow(node: SyncNode, id: string): Record<string, unknown> {
  return node.handle.sqlite.prepare('SELECT * FROM appeals WHERE id = ?').get(id) as Record<string, unknown>;
}

export function syncSuite(kind: HqKind): void {
  describe(`office → HQ sync (HQ on ${kind})`, () => {
    it('carries an office to HQ and to a second computer of the office, and edits back', async () => {
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0);
      const ids: string[] = [];
      const inputs = [appealInput(), appealInput(), appealInput()];
      for (const input of inputs) ids.push((await desk.value('appeals.register', input)).id);
      const first = await desk.sync.syncNow();
      expect(first).toMatchObject({ ok: true, error: null });
      expect(first.sent).toBeGreaterThan(10);
      const officeId = (await desk.value('office.get', {})).id;
      const atHq = await hq.hq.rowsOf(officeId);
      expect(
        atHq
          .filter((r) => r.t === 'appeals')
          .map((r) => r.id)
          .sort(),
      ).toEqual([...ids].sort());

      const laptop = await joinedNode(hq, desk, T0);
      expect((await laptop.value('appeals.count', {})).count).toBe(3);
      expect(appealRow(laptop, ids[0]!)).toEqual(appealRow(desk, ids[0]!));
      // The registry's search finds the merged appeals (the full-text index is built on merge).
      const found = await laptop.value('appeals.list', { filter: { q: inputs[1]!.applicant!.lastName! } });
      expect(found.rows.map((a) => a.id)).toContain(ids[1]);

      await editSummary(laptop, ids[0]!, 'Исправлено на ноутбуке');
      expect((await laptop.sync.syncNow()).ok).toBe(true);
      expect((await desk.sync.syncNow()).ok).toBe(true);
      expect(appealRow(desk, ids[0]!).summary).toBe('Исправлено на ноутбуке');
      expect(appealRow(desk, ids[0]!)).toEqual(appealRow(laptop, ids[0]!));

      // An attachment's file goes to HQ after the rows, and to the laptop at its next sync.
      const scan = Buffer.from('%PDF-1.4 скан');
      const att = await desk.value('attachments.add', {
        appealId: ids[1]!,
        name: 'скан.pdf',
        mime: 'application/pdf',
        dataBase64: scan.toString('base64'),
      });
      expect((await desk.sync.syncNow()).ok).toBe(true);
      expect(await hq.hq.fileOf(officeId, att.sha256)).toEqual(scan);
      expect((await laptop.sync.syncNow()).ok).toBe(true);
      expect((await laptop.value('attachments.get', { id: att.id })).dataBase64).toBe(
        scan.toString('base64'),
      );
      // The laptop never sends back a file it fetched, even had its cursor not passed the row yet.
      laptop.handle.sqlite.prepare("UPDATE sync_state SET value = '0' WHERE key = 'files_sent_rowid'").run();
      expect(await laptop.value('sync.status', {})).toMatchObject({ filesToSend: 0, filesToFetch: 0 });
      // HQ keeps each office's files apart, and takes no file that does not match its hash.
      const other = await enrolledOffice(hq, 'РЖВ', T0);
      const otherLink = httpLink(hq.url, other.sync.state('token')!);
      expect(await otherLink.getFile!(att.sha256)).toBeNull();
      await expect(otherLink.putFile!(att.sha256, Buffer.from('не тот файл'))).rejects.toThrow(
        'the file does not match its hash',
      );
      expect(await hq.hq.fileOf(officeId, att.sha256)).toEqual(scan);

      // Nothing new: a sync sends and receives nothing and changes nothing.
      const before = dumpTables(desk.handle.sqlite);
      const idle = await desk.sync.syncNow();
      expect(idle).toMatchObject({ ok: true, sent: 0, received: 0 });
      expect(dumpTables(desk.handle.sqlite).replace(/"last_attempt_at","value":"[^"]*"/, '')).toBe(
        before.replace(/"last_attempt_at","value":"[^"]*"/, ''),
      );
    });

    it('keeps both values of concurrent edits: the later wins everywhere, the other is a conflict on the card', async () => {
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0);
      const { id } = await desk.value('appeals.register', appealInput());
      await desk.sync.syncNow();
      const laptop = await joinedNode(hq, desk, T0);
      await editSummary(desk, id, 'Правка в приёмной');
      laptop.clock.advance(60_000);
      await editSummary(laptop, id, 'Правка на выезде');
      await desk.sync.syncNow();
      await laptop.sync.syncNow();
      await desk.sync.syncNow();
      for (const n of [desk, laptop]) expect(appealRow(n, id).summary).toBe('Правка на выезде');
      expect(appealRow(desk, id)).toEqual(appealRow(laptop, id));
      const conflicts = desk.handle.sqlite.prepare('SELECT * FROM sync_conflicts').all() as Record<
        string,
        unknown
      >[];
      expect(conflicts).toMatchObject([
        {
          table_name: 'appeals',
          row_id: id,
          field: 'summary',
          kept_value: '"Правка на выезде"',
          lost_value: '"Правка в приёмной"',
        },
      ]);
      expect(await hq.hq.conflictsOf(appealRow(desk, id).office_id as string)).toBe(1);
      const card = await desk.value('appeals.get', { id });
      expect(card.history.some((h) => h.action === 'sync_conflict')).toBe(true);
      expect(await laptop.value('appeals.get', { id })).toMatchObject({ history: card.history });
    });

    it('answers a replayed batch from its record, and a replayed answer changes nothing', async () => {
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0);
      await desk.value('appeals.register', appealInput());
      const next = desk.sync.nextBatch()!;
      const link = desk.sync.link();
      expect(await link.push(next.request)).toMatchObject({ replayed: false });
      expect(await link.push(next.request)).toMatchObject({ replayed: true, applied: 0 });
      desk.sync.acknowledge(next.batch);
      const laptop = await joinedNode(hq, desk, T0);
      const answer = await laptop.sync.link().pull(0, 5000);
      const before = dumpTables(laptop.handle.sqlite);
      laptop.sync.apply(answer);
      expect(dumpTables(laptop.handle.sqlite)).toBe(before);
    });
  });
}

export function syncApiSuite(kind: HqKind): void {
  describe(`sync through the API (HQ on ${kind})`, () => {
    it('shows the status, syncs now, lists a conflict with both values and puts the replaced value back', async () => {
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0);
      const { id } = await desk.value('appeals.register', appealInput());
      expect(await desk.value('sync.status', {})).toMatchObject({
        enrolled: true,
        lastSyncAt: null,
        openConflicts: 0,
      });
      expect((await desk.value('sync.status', {})).pending).toBeGreaterThan(0);
      expect(await desk.value('sync.now', {})).toMatchObject({ ok: true, error: null });
      expect(await desk.value('sync.status', {})).toMatchObject({
        pending: 0,
        lastSyncAt: new Date(T0).toISOString(),
        lastError: null,
        driftWarning: null,
      });
      const laptop = await joinedNode(hq, desk, T0);
      await editSummary(desk, id, 'Правка в приёмной');
      laptop.clock.advance(60_000);
      await editSummary(laptop, id, 'Правка на выезде');
      await desk.value('sync.now', {});
      await laptop.value('sync.now', {});
      await desk.value('sync.now', {});
      const [conflict] = await desk.value('sync.conflicts', {});
      expect(conflict).toMatchObject({
        table: 'appeals',
        rowId: id,
        field: 'summary',
        keptValue: 'Правка на выезде',
        lostValue: 'Правка в приёмной',
        resolvedAt: null,
      });
      expect((await desk.value('sync.status', {})).openConflicts).toBe(1);
      desk.clock.advance(120_000);
      expect(await desk.value('sync.resolve', { id: conflict!.id, choice: 'restored' })).toMatchObject({
        resolution: 'restored',
      });
      await desk.value('sync.now', {});
      await laptop.value('sync.now', {});
      for (const n of [desk, laptop]) expect(appealRow(n, id).summary).toBe('Правка в приёмной');
      expect((await laptop.value('sync.conflicts', {}))[0]).toMatchObject({
        id: conflict!.id,
        resolution: 'restored',
      });
      expect((await desk.value('sync.status', {})).openConflicts).toBe(0);

      // HQ out of reach: the status says so in plain words, and the changes wait.
      await editSummary(desk, id, 'Без связи');
      await hq.server.close();
      const failed = await desk.value('sync.now', {});
      expect(failed.ok).toBe(false);
      expect(failed.error).toMatch(/Нет связи с сервером штаба/);
      expect(await desk.value('sync.status', {})).toMatchObject({ lastError: failed.error });
      expect((await desk.value('sync.status', {})).pending).toBeGreaterThan(0);
    });
  });
}

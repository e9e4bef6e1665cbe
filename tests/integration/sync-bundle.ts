import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '../../db/schema';
import { HqError } from '../../main/hq/service';
import { attachmentPath } from '../../main/attachments/attachments';
import { pendingCount } from '../../main/sync/office-store';
import { IS_PENDING } from '../../main/sync/sent-mark';
import { BundleError } from '../../main/sync/signing';
import { appealInput } from './helpers';
import {
  copiedNode,
  enrolledOffice,
  startTestHq,
  type HqKind,
  type SyncNode,
  type TestHq,
} from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';

/** The office's rows and sync states; of a row's place in the queue to HQ, only whether it is pending. */
function officeData(node: SyncNode, except: string[] = []): string {
  const tables = [...SYNCED_TABLES, 'sync_rows', 'sync_conflicts'].filter((t) => !except.includes(t));
  const states = `SELECT table_name, row_id, office_id, hlc, data, clocks, bases, ${IS_PENDING} AS pending
    FROM sync_rows WHERE table_name <> 'bodies'`;
  return JSON.stringify(
    tables.map((t) =>
      node.handle.sqlite.prepare(`${t === 'sync_rows' ? states : `SELECT * FROM ${t}`} ORDER BY 1, 2`).all(),
    ),
  );
}

async function hqRows(hq: TestHq, officeId: string): Promise<string> {
  const rows = await hq.hq.rowsOf(officeId);
  return JSON.stringify(rows.sort((a, b) => (a.t + a.id < b.t + b.id ? -1 : 1)));
}

async function hqDump(hq: TestHq): Promise<string> {
  const rows = await hq.hq.db.selectFrom('hq_rows').selectAll().orderBy('row_id').execute();
  return JSON.stringify(rows);
}

async function register(node: SyncNode, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await node.value('appeals.register', appealInput());
}

export function bundleSuite(kind: HqKind): void {
  describe(`sync bundles (HQ on ${kind})`, () => {
    it('a bundle round trip ends where an HTTP sync does; a changed bundle is refused both ways', async () => {
      const viaHttp = await startTestHq(kind, T0);
      const viaFile = await startTestHq(kind, T0);
      const desk = await enrolledOffice(viaHttp, 'ТВР', T0);
      await register(desk, 4);
      const copy = copiedNode(desk);
      const code = (await copy.value('office.get', {})).code;
      await copy.sync.enrol(viaFile.url, await viaFile.hq.createEnrolmentCode(code));
      const officeId = desk.sync.state('office_id')!;

      const roundTrip = async () => {
        expect((await desk.sync.syncNow()).error).toBeNull();
        const answer = await viaFile.hq.importOfficeBundle(copy.sync.exportBundle());
        copy.sync.importBundle(answer);
      };
      await roundTrip();
      expect(await hqRows(viaFile, officeId)).toBe(await hqRows(viaHttp, officeId));
      expect(officeData(copy)).toBe(officeData(desk));

      // A second round brings HQ's reference data back; the office's rows stay as they are on both ways.
      for (const hq of [viaHttp, viaFile])
        await hq.hq.publish('bodies', {
          name: 'Администрация Твери',
          name_key: 'администрация твери',
          answer_days: 30,
        });
      await roundTrip();
      expect(await hqRows(viaFile, officeId)).toBe(await hqRows(viaHttp, officeId));
      expect(officeData(copy, ['bodies'])).toBe(officeData(desk, ['bodies']));
      for (const node of [desk, copy])
        expect(node.handle.sqlite.prepare('SELECT name FROM bodies').all()).toEqual([
          { name: 'Администрация Твери' },
        ]);
      expect(pendingCount(copy.handle.store.read)).toBe(0);

      // Changed on the way: HQ refuses the office's bundle, and the office refuses HQ's answer.
      await register(copy, 1);
      const bundle = copy.sync.exportBundle();
      const before = await hqDump(viaFile);
      const tampered = bundle.replace('Протекает крыша', 'Протекает кровля');
      expect(tampered).not.toBe(bundle);
      await expect(viaFile.hq.importOfficeBundle(tampered)).rejects.toThrow(HqError);
      await expect(viaFile.hq.importOfficeBundle(tampered)).rejects.toMatchObject({ status: 403 });
      const otherOffice = JSON.stringify({ ...JSON.parse(bundle), officeId: viaFile.hq.officeId });
      await expect(viaFile.hq.importOfficeBundle(otherOffice)).rejects.toMatchObject({ status: 403 });
      expect(await hqDump(viaFile)).toBe(before);

      await viaFile.hq.publish('bodies', { name: 'Прокуратура', name_key: 'прокуратура', answer_days: 30 });
      const answer = await viaFile.hq.importOfficeBundle(bundle);
      const local = officeData(copy);
      expect(() => copy.sync.importBundle(answer.replace('Прокуратура', 'Прокурорура'))).toThrow(BundleError);
      expect(officeData(copy)).toBe(local);
      copy.sync.importBundle(answer);
      expect(
        copy.handle.sqlite.prepare("SELECT count(*) AS n FROM bodies WHERE name = 'Прокуратура'").get(),
      ).toEqual({ n: 1 });
    });

    it('carries attachments’ files both ways: the office’s to HQ, and back those it lacks', async () => {
      const hq = await startTestHq(kind, T0);
      const desk = await enrolledOffice(hq, 'ТВР', T0);
      const officeId = desk.sync.state('office_id')!;
      const appeal = await desk.value('appeals.register', appealInput());
      const scan = Buffer.from('%PDF-1.4 скан жалобы');
      const att = await desk.value('attachments.add', {
        appealId: appeal.id,
        name: 'жалоба.pdf',
        mime: 'application/pdf',
        dataBase64: scan.toString('base64'),
      });
      const roundTrip = async () =>
        desk.sync.importBundle(await hq.hq.importOfficeBundle(desk.sync.exportBundle()));
      expect(await desk.value('sync.status', {})).toMatchObject({ filesToSend: 1, filesToFetch: 0 });
      await roundTrip();
      expect(await hq.hq.fileOf(officeId, att.sha256)).toEqual(scan);
      expect(await desk.value('sync.status', {})).toMatchObject({ filesToSend: 0, filesToFetch: 0 });

      // Gone from this computer's folder: the next bundle asks for it and HQ's answer brings it back.
      fs.rmSync(attachmentPath(path.dirname(desk.file), att.sha256));
      expect(await desk.value('sync.status', {})).toMatchObject({ filesToSend: 0, filesToFetch: 1 });
      await roundTrip();
      expect((await desk.value('attachments.get', { id: att.id })).dataBase64).toBe(scan.toString('base64'));
    });
  });
}

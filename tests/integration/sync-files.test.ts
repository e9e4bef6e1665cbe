import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { filesForBundle, syncFiles, takeBundleFiles, type FileLink } from '../../main/sync/files';
import { appealInput } from './helpers';
import { testOffice } from './office-fixture';

/**
 * Attachments' files beside the rows (main/sync/files.ts), against an office's real database and data
 * folder; HQ's end is a map of the files it was sent, which is all the exchange asks of it.
 */
/** HQ's end of the exchange: the files it holds, and the hashes it was sent in order. */
function hqFiles(held: [string, Buffer][] = []): {
  atHq: Map<string, Buffer>;
  sent: string[];
  link: FileLink;
} {
  const atHq = new Map(held);
  const sent: string[] = [];
  const link: FileLink = {
    putFile: async (sha256, data) => {
      sent.push(sha256);
      atHq.set(sha256, data);
    },
    getFile: async (sha256) => atHq.get(sha256) ?? null,
  };
  return { atHq, sent, link };
}

describe('attachments’ files at a sync', () => {
  it('sends each file once, at most the bytes allowed a sync, and fetches back what is missing', async () => {
    const o = await testOffice();
    const dataDir = path.dirname(o.file);
    const appeal = await o.call('appeals.register', appealInput());
    const contents = ['первый скан', 'второй скан', 'третий скан'].map((t) => Buffer.from(t));
    const added = [];
    for (const [i, data] of contents.entries())
      added.push(
        await o.call('attachments.add', {
          appealId: appeal.id,
          name: `скан-${i + 1}.txt`,
          mime: 'text/plain',
          dataBase64: data.toString('base64'),
        }),
      );
    const { atHq, sent, link } = hqFiles();
    // Each scan is 21 bytes: with 30 allowed, the first sync sends two and the next one the third.
    const limit = 30;
    expect(contents.every((c) => c.length === 21)).toBe(true);
    const waiting = async () => {
      const s = await o.call('sync.status', {});
      return [s.filesToSend, s.filesToFetch];
    };
    expect(await waiting()).toEqual([3, 0]);
    expect(await syncFiles(o.handle.store, dataDir, link, limit)).toEqual({ sent: 2, fetched: 0 });
    expect(await waiting()).toEqual([1, 0]);
    expect(await syncFiles(o.handle.store, dataDir, link, limit)).toEqual({ sent: 1, fetched: 0 });
    expect(await syncFiles(o.handle.store, dataDir, link, limit)).toEqual({ sent: 0, fetched: 0 });
    expect(sent).toEqual(added.map((a) => a.sha256));

    // Files gone from this computer come back from HQ, checked against their hashes.
    for (const a of added) fs.rmSync(attachmentPath(dataDir, a.sha256));
    expect(await waiting()).toEqual([0, 3]);
    expect(await syncFiles(o.handle.store, dataDir, link, limit)).toEqual({ sent: 0, fetched: 2 });
    expect(await syncFiles(o.handle.store, dataDir, link, limit)).toEqual({ sent: 0, fetched: 1 });
    expect(await waiting()).toEqual([0, 0]);
    for (const [i, a] of added.entries())
      expect((await o.call('attachments.get', { id: a.id })).dataBase64).toBe(
        contents[i]!.toString('base64'),
      );

    // A file HQ sends that does not match its hash is not kept.
    fs.rmSync(attachmentPath(dataDir, added[0]!.sha256));
    atHq.set(added[0]!.sha256, Buffer.from('подменённый файл'));
    await expect(syncFiles(o.handle.store, dataDir, link, limit)).rejects.toThrow('does not match');
    expect(fs.existsSync(attachmentPath(dataDir, added[0]!.sha256))).toBe(false);
  });
});

describe('a поручение’s and a наказ’s files at a sync', () => {
  it('are sent once like attachments, fetched back where missing, and ride a bundle with their own cursors', async () => {
    const o = await testOffice();
    const dataDir = path.dirname(o.file);
    const m = await o.call('mandates.create', { text: 'Отремонтировать крыльцо поликлиники' });
    const anna = await o.addUser('anna', 'assistant');
    const head = await o.addUser('head', 'office_head');
    const a = await o.call(
      'assignments.create',
      { text: 'Проверить крыльцо', assigneeIds: [anna.id], termDays: 3 },
      head.token,
    );
    const mandateDoc = Buffer.from('протокол встречи с жителями');
    const assignmentDoc = Buffer.from('акт осмотра крыльца');
    await o.call('mandates.attach', {
      id: m.id,
      name: 'протокол.txt',
      mime: 'text/plain',
      dataBase64: mandateDoc.toString('base64'),
    });
    await o.call(
      'assignments.attach',
      { id: a.id, name: 'акт.txt', mime: 'text/plain', dataBase64: assignmentDoc.toString('base64') },
      anna.token,
    );
    const hashes = o.handle.sqlite
      .prepare('SELECT sha256 FROM mandate_files UNION ALL SELECT sha256 FROM assignment_files')
      .all()
      .map((r) => (r as { sha256: string }).sha256);
    expect(hashes).toHaveLength(2);

    // A bundle carries both files and, once HQ's answer comes, counts them as sent by their own tables.
    const bundle = filesForBundle(o.handle.store, dataDir)!;
    expect(bundle.items.map((i) => i.sha256).sort()).toEqual([...hashes].sort());
    expect(Object.keys(bundle.more ?? {}).sort()).toEqual(['assignment_files', 'mandate_files']);
    const status = async () => {
      const s = await o.call('sync.status', {});
      return [s.filesToSend, s.filesToFetch];
    };
    expect(await status()).toEqual([2, 0]);
    takeBundleFiles(o.handle.store, dataDir, { upTo: bundle.upTo, more: bundle.more, items: [] });
    expect(await status()).toEqual([0, 0]);

    // Over HTTP: nothing left to send; a file gone from this computer is fetched back and downloads.
    const { sent, link } = hqFiles(bundle.items.map((i) => [i.sha256, Buffer.from(i.dataBase64, 'base64')]));
    expect(await syncFiles(o.handle.store, dataDir, link)).toEqual({ sent: 0, fetched: 0 });
    for (const h of hashes) fs.rmSync(attachmentPath(dataDir, h));
    expect(await status()).toEqual([0, 2]);
    expect(await syncFiles(o.handle.store, dataDir, link)).toEqual({ sent: 0, fetched: 2 });
    const card = await o.call('mandates.card', { id: m.id });
    const got = await o.call('mandates.file', { id: card.files[0]!.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(mandateDoc)).toBe(true);
    expect(sent).toEqual([]);
  });

  it('a fresh computer sends what was attached on it over HTTP, each once', async () => {
    const o = await testOffice();
    const dataDir = path.dirname(o.file);
    const m = await o.call('mandates.create', { text: 'Освещение во дворе' });
    await o.call('mandates.attach', {
      id: m.id,
      name: 'фото.txt',
      mime: 'text/plain',
      dataBase64: Buffer.from('фото двора').toString('base64'),
    });
    const sent: string[] = [];
    const link: FileLink = {
      putFile: async (sha256) => void sent.push(sha256),
      getFile: async () => null,
    };
    expect(await syncFiles(o.handle.store, dataDir, link)).toEqual({ sent: 1, fetched: 0 });
    expect(await syncFiles(o.handle.store, dataDir, link)).toEqual({ sent: 0, fetched: 0 });
    expect(sent).toEqual([
      (o.handle.sqlite.prepare('SELECT sha256 FROM mandate_files').get() as { sha256: string }).sha256,
    ]);
  });
});

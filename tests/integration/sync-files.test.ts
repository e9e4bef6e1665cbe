import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { syncFiles, type FileLink } from '../../main/sync/files';
import { appealInput } from './helpers';
import { testOffice } from './office-fixture';

/**
 * Attachments' files beside the rows (main/sync/files.ts), against an office's real database and data
 * folder; HQ's end is a map of the files it was sent, which is all the exchange asks of it.
 */
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
    const atHq = new Map<string, Buffer>();
    const sent: string[] = [];
    const link: FileLink = {
      putFile: async (sha256, data) => {
        sent.push(sha256);
        atHq.set(sha256, data);
      },
      getFile: async (sha256) => atHq.get(sha256) ?? null,
    };
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

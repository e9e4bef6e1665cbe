/**
 * Contact imports and the personal data they carry: the uploaded list goes once its import ends, a path is
 * refused over HTTP by the call that names it, and a row sharing a family phone is another person.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { finished } from '../../main/contacts/jobs';
import { sameName } from '../../main/contacts/same-name';
import { UPLOAD_LEFTOVER_MS } from '../../main/contacts/uploads';
import { startHttpServer } from '../../main/transport/http/server';
import { fixedClock } from '../../shared/util/clock';
import { testOffice, type TestOffice } from './office-fixture';

const HEADER = 'Фамилия;Имя;Отчество;Телефон;Адрес';
const csv = (...lines: string[]): string =>
  iconv.encode([HEADER, ...lines].join('\r\n') + '\r\n', 'cp1251').toString('base64');
const LIST = csv('Ёлкина;Майя;Йовановна;8 (999) 123-45-67;г. Тверь, ул. Советская, д. 5');

const uploads = (o: TestOffice): string[] => {
  const dir = path.join(o.tmp.dir, 'imports');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

async function upload(o: TestOffice, dataBase64 = LIST): Promise<string> {
  return (await o.call('contacts.upload', { name: 'база.csv', dataBase64 })).uploadId;
}

/** What `finished` needs to find an office's jobs: its store. */
const contextOf = (o: TestOffice) => ({ store: o.handle.store }) as unknown as Parameters<typeof finished>[0];

describe('an uploaded contact list', () => {
  it('stays for the preview and the dry run, and goes when the import ends', async () => {
    const o = await testOffice();
    const uploadId = await upload(o);
    expect(uploads(o)).toEqual([uploadId, `${uploadId}.name`]);
    await o.call('contacts.importPreview', { source: { uploadId } });
    await o.call('contacts.import', { source: { uploadId }, dryRun: true });
    expect(uploads(o)).toHaveLength(2);
    expect(await o.call('contacts.import', { source: { uploadId } })).toMatchObject({ created: 1 });
    expect(uploads(o)).toEqual([]);
  });

  it('goes when a background import ends, is cancelled, or fails', async () => {
    const o = await testOffice();
    const ctx = contextOf(o);
    const done = await o.call('contacts.importStart', { source: { uploadId: await upload(o) } });
    await finished(ctx, done.jobId);
    expect(await o.call('contacts.importStatus', { jobId: done.jobId })).toMatchObject({ state: 'done' });
    expect(uploads(o)).toEqual([]);

    const cancelled = await o.call('contacts.importStart', { source: { uploadId: await upload(o) } });
    expect(await o.call('contacts.importCancel', { jobId: cancelled.jobId })).toMatchObject({
      summary: { cancelled: true },
    });
    expect(uploads(o)).toEqual([]);

    // Not a contact list at all: the import fails, and the upload goes all the same.
    const broken = await o.call('contacts.importStart', {
      source: { uploadId: await upload(o, Buffer.from('PK\u0003\u0004 not a book').toString('base64')) },
      options: { format: 'xlsx' },
    } as never);
    await finished(ctx, broken.jobId);
    expect((await o.call('contacts.importStatus', { jobId: broken.jobId })).state).toBe('failed');
    expect(uploads(o)).toEqual([]);
  });

  it('left over from an import that never ended, is swept when the office opens', async () => {
    const o = await testOffice();
    const old = await upload(o);
    const young = await upload(o);
    const now = o.clock.now();
    const past = new Date(now.getTime() - UPLOAD_LEFTOVER_MS - 1000);
    for (const f of [old, `${old}.name`]) fs.utimesSync(path.join(o.tmp.dir, 'imports', f), past, past);
    const recent = new Date(now.getTime() - 60_000);
    for (const f of [young, `${young}.name`])
      fs.utimesSync(path.join(o.tmp.dir, 'imports', f), recent, recent);
    // The office opened again (the app restarted, or the command line beside the running app).
    const again = openOffice(o.file, { clock: fixedClock(now.toISOString()) });
    again.close();
    expect(uploads(o)).toEqual([young, `${young}.name`]);
  });
});

describe('contacts.importStart over HTTP', () => {
  it('refuses a file path at once, naming the field, and starts nothing', async () => {
    const o = await testOffice();
    const file = o.tmp.file('base.csv');
    fs.writeFileSync(file, Buffer.from(LIST, 'base64'));
    const server = await startHttpServer({ api: o.handle.api, staticDir: null, port: 0 });
    try {
      const r = await fetch(`${server.url}/api/contacts.importStart`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'X-Session': o.token },
        body: JSON.stringify({ source: { path: file } }),
      });
      expect(r.status).toBe(403);
      expect(await r.json()).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'source.path' } });
      const gone = await o.fail('contacts.importStart', {
        source: { uploadId: '019c55e8-18c0-7694-868d-c83ba60debd6' },
      });
      expect(gone).toMatchObject({ code: 'not_found', field: 'source.uploadId' });
    } finally {
      await server.close();
    }
    expect((await o.call('contacts.count', { filter: {} })).count).toBe(0);
  });
});

describe('a row that shares a phone with a contact', () => {
  it('is another person when the name differs: created, and offered as a possible duplicate', async () => {
    const o = await testOffice();
    const first = await upload(o, csv('Иванова;Мария;Петровна;8 912 000-11-22;ул. Мира, 1'));
    await o.call('contacts.import', { source: { uploadId: first } });
    const rows = [
      // The family's phone, another person.
      'Другой;Человек;;+7 912 000 11 22;ул. Мира, 1',
      // The same person written otherwise: no new contact.
      'ИВАНОВА;М.;;89120001122;',
      'Иванова;Мария;;8 (912) 000-11-22;',
    ];
    const dry = await o.call('contacts.import', {
      source: { uploadId: await upload(o, csv(...rows)) },
      dryRun: true,
    });
    const s = await o.call('contacts.import', { source: { uploadId: await upload(o, csv(...rows)) } });
    expect(s).toMatchObject({ rows: 3, created: 1, unchanged: 2, merged: 0 });
    expect({ ...dry, dryRun: false }).toEqual(s);
    const list = await o.call('contacts.list', { filter: {} });
    expect(list.rows.map((r) => r.fullName).sort()).toEqual(['Другой Человек', 'Иванова Мария Петровна']);
    const pairs = await o.call('contacts.duplicates', { limit: 10 } as never);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ matchedBy: 'phone' });
  });

  it('names agree by surname and by given names where both have them', () => {
    expect(sameName('иванова мария петровна', 'иванова мария')).toBe(true);
    expect(sameName('иванова мария петровна', 'иванова м. п.')).toBe(true);
    expect(sameName('иванова мария', 'иванова анна')).toBe(false);
    expect(sameName('иванова мария', 'петрова мария')).toBe(false);
    expect(sameName(null, 'петрова мария')).toBe(true);
  });
});

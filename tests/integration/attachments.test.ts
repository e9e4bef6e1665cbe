import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpStatusFor, MAX_BODY_BYTES, startHttpServer } from '../../main/transport/http/server';
import { serverMessages } from '../../shared/i18n/ru/server-messages';
import { attachmentPath, FILE_DAMAGED, FILE_NOT_HERE } from '../../main/attachments/attachments';
import { appealInput, dumpTables } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

// Enough of each format's header that a viewer would recognise it; the service never looks inside.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0xff, 0x00]),
]);

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const dataDir = (o: TestOffice): string => path.dirname(o.file);

/** Every file kept under the data folder's `files/`, relative to it. */
function storedFiles(o: TestOffice): string[] {
  const root = path.join(dataDir(o), 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => {
    return fs.statSync(path.join(root, f)).isFile();
  });
}

async function appealWithRequest(o: TestOffice) {
  const deputy = await o.addUser('deputy', 'deputy');
  const a = await o.call('appeals.register', appealInput());
  await o.call('workflow.sendToDeputy', { id: a.id });
  const c = await o.call(
    'workflow.resolve',
    { id: a.id, text: 'Запросить', requestNeeded: true },
    deputy.token,
  );
  return { appeal: c, request: c.requests[0]! };
}

describe('attachments', () => {
  it('keeps a PDF and a PNG by hash; equal content is stored once but listed twice', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const pdf = await o.call('attachments.add', {
      appealId: a.id,
      name: 'Скан обращения.pdf',
      mime: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    });
    expect(pdf).toMatchObject({ appealId: a.id, requestId: null, size: PDF.length, sha256: sha(PDF) });
    const png = await o.call('attachments.add', {
      appealId: a.id,
      name: 'фото.png',
      mime: 'image/png',
      dataBase64: PNG.toString('base64'),
    });
    const again = await o.call('attachments.add', {
      appealId: a.id,
      name: 'Скан ещё раз.pdf',
      mime: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    });
    expect(again.sha256).toBe(pdf.sha256);
    expect(again.id).not.toBe(pdf.id);

    expect(storedFiles(o).sort()).toEqual(
      [sha(PDF), sha(PNG)].map((h) => path.join(h.slice(0, 2), h)).sort(),
    );
    expect(fs.readFileSync(attachmentPath(dataDir(o), sha(PNG)))).toEqual(PNG);

    const list = await o.call('attachments.list', { appealId: a.id });
    expect(list.map((x) => x.name)).toEqual(['Скан обращения.pdf', 'фото.png', 'Скан ещё раз.pdf']);
    for (const [att, bytes] of [
      [pdf, PDF],
      [png, PNG],
      [again, PDF],
    ] as const) {
      const got = await o.call('attachments.get', { id: att.id });
      expect(Buffer.from(got.dataBase64, 'base64').equals(bytes)).toBe(true);
      expect(got).toMatchObject({ name: att.name, mime: att.mime, size: bytes.length });
    }

    const card = await o.call('appeals.get', { id: a.id });
    expect(card.history.filter((h) => h.action === 'attachmentAdded').map((h) => h.comment)).toEqual([
      'Скан обращения.pdf',
      'фото.png',
      'Скан ещё раз.pdf',
    ]);
    const audits = o.handle.sqlite
      .prepare("SELECT entity_id FROM audit_log WHERE action = 'attachments.add' ORDER BY rowid")
      .all() as { entity_id: string }[];
    expect(audits.map((r) => r.entity_id)).toEqual([pdf.id, png.id, again.id]);
  });

  it('refuses a wrong type or a name with a path, naming the field, and changes nothing', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const before = dumpTables(o.handle.sqlite);
    const base = {
      appealId: a.id,
      name: 'a.pdf',
      mime: 'application/pdf',
      dataBase64: PDF.toString('base64'),
    };
    expect(await o.fail('attachments.add', { ...base, mime: 'application/x-msdownload' })).toMatchObject({
      code: 'validation',
      field: 'mime',
    });
    for (const name of ['../a.pdf', 'dir/a.pdf', 'C:\\a.pdf'])
      expect(await o.fail('attachments.add', { ...base, name })).toMatchObject({
        code: 'validation',
        field: 'name',
      });
    expect(await o.fail('attachments.add', { ...base, dataBase64: 'not base64!' })).toMatchObject({
      field: 'dataBase64',
    });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    expect(storedFiles(o)).toEqual([]);
  });

  it('a file changed on disk is not handed out', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const att = await o.call('attachments.add', {
      appealId: a.id,
      name: 'ответ.txt',
      mime: 'text/plain',
      dataBase64: Buffer.from('Ответ управляющей компании').toString('base64'),
    });
    const file = attachmentPath(dataDir(o), att.sha256);
    const damaged = fs.readFileSync(file);
    damaged[0] = damaged[0]! ^ 0xff;
    fs.writeFileSync(file, damaged);
    const error = await o.fail('attachments.get', { id: att.id });
    // The server works; the file on this computer is what failed, and the user is told what to do.
    expect(error).toMatchObject({ code: 'invalid_state', field: 'id', message: FILE_DAMAGED });
    expect(error.details).toEqual({ name: 'ответ.txt' });
    expect(httpStatusFor(error.code)).toBe(409);
    expect(serverMessages[FILE_DAMAGED]).toMatch(/повреждён.*резервной копии.*прикрепите/);

    fs.rmSync(file);
    const gone = await o.fail('attachments.get', { id: att.id });
    expect(gone).toMatchObject({ code: 'not_found', field: 'id', message: FILE_NOT_HERE });
  });

  it('an answer is attached to the appeal’s own request only', async () => {
    const o = await testOffice();
    const { appeal, request } = await appealWithRequest(o);
    const other = await o.call('appeals.register', appealInput());
    const input = {
      name: 'ответ.pdf',
      mime: 'application/pdf' as const,
      dataBase64: PDF.toString('base64'),
      requestId: request.id,
    };
    const before = dumpTables(o.handle.sqlite);
    expect(await o.fail('attachments.add', { ...input, appealId: other.id })).toMatchObject({
      code: 'validation',
      field: 'requestId',
    });
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    expect(storedFiles(o)).toEqual([]);

    const att = await o.call('attachments.add', { ...input, appealId: appeal.id });
    expect(att.requestId).toBe(request.id);
    expect(await o.call('attachments.list', { appealId: other.id })).toEqual([]);
  });

  it('a reader may list and fetch but not attach', async () => {
    const o = await testOffice();
    const analyst = await o.addUser('analyst', 'hq_analyst');
    const a = await o.call('appeals.register', appealInput());
    const input = {
      appealId: a.id,
      name: 'a.png',
      mime: 'image/png' as const,
      dataBase64: PNG.toString('base64'),
    };
    expect(await o.fail('attachments.add', input, analyst.token)).toMatchObject({ code: 'forbidden' });
    const att = await o.call('attachments.add', input);
    expect(await o.call('attachments.list', { appealId: a.id }, analyst.token)).toHaveLength(1);
    expect((await o.call('attachments.get', { id: att.id }, analyst.token)).dataBase64).toBe(
      input.dataBase64,
    );
  });

  it('over HTTP only attachments.add may carry more than the usual body limit', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const server = await startHttpServer({ api: o.handle.api, staticDir: null, port: 0 });
    try {
      const big = Buffer.alloc(MAX_BODY_BYTES + 1024, 0x41);
      const post = (method: string, input: unknown) =>
        fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'X-Session': o.token },
          body: JSON.stringify(input),
        });
      const ok = await post('attachments.add', {
        appealId: a.id,
        name: 'big.txt',
        mime: 'text/plain',
        dataBase64: big.toString('base64'),
      });
      expect(ok.status).toBe(200);
      const got = await o.call('attachments.list', { appealId: a.id });
      expect(got.map((x) => [x.name, x.size])).toEqual([['big.txt', big.length]]);
      const refused = await post('appeals.register', appealInput({ text: 'a'.repeat(MAX_BODY_BYTES) }));
      expect(refused.status).toBe(413);
    } finally {
      await server.close();
    }
  });
});

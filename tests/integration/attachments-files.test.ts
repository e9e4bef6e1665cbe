/**
 * Files as offices have them: 5–20 MB scans through browser mode's HTTP and through the CLI, and the
 * content checked against the type it is declared as.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_NOT_OF_TYPE } from '../../main/attachments/attachments';
import { startHttpServer } from '../../main/transport/http/server';
import { serverMessages } from '../../shared/i18n/ru/server-messages';
import { appealInput, dumpTables, runTs } from './helpers';
import { testOffice, type TestOffice } from './office-fixture';

const MIB = 1024 * 1024;

/** A scan-sized PDF of varied bytes (a seeded generator: the same file every run). */
function bigPdf(bytes: number): Buffer {
  const data = Buffer.allocUnsafe(bytes);
  let x = 0x2545f491;
  for (let i = 0; i < bytes; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data.writeInt32LE(x | 0, Math.min(i, bytes - 4));
  }
  data.write('%PDF-1.7\n', 0, 'latin1');
  return data;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function storedFiles(o: TestOffice): string[] {
  const root = path.join(path.dirname(o.file), 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(root, f)).isFile());
}

describe('a 19 MiB scan', () => {
  it('goes through browser mode’s HTTP and comes back byte-identical', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const scan = bigPdf(19 * MIB);
    const server = await startHttpServer({ api: o.handle.api, staticDir: null, port: 0 });
    try {
      const post = async (method: string, input: unknown) => {
        const r = await fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}`, 'X-Session': o.token },
          body: JSON.stringify(input),
        });
        return { status: r.status, body: (await r.json()) as { ok: boolean; value: never } };
      };
      const added = await post('attachments.add', {
        appealId: a.id,
        name: 'Скан обращения.pdf',
        mime: 'application/pdf',
        dataBase64: scan.toString('base64'),
      });
      expect(added.status).toBe(200);
      const att = added.body.value as { id: string; size: number; sha256: string };
      expect(att).toMatchObject({ size: scan.length, sha256: sha(scan) });
      const got = await post('attachments.get', { id: att.id });
      expect(got.status).toBe(200);
      const back = Buffer.from((got.body.value as { dataBase64: string }).dataBase64, 'base64');
      expect(back.length).toBe(scan.length);
      expect(back.equals(scan)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('goes through the CLI (JSON on standard input) and comes back byte-identical', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const scan = bigPdf(19 * MIB);
    const cli = (args: string[], stdin?: string) =>
      runTs('main/transport/cli/main.ts', ['call', '--db', o.file, '--user', 'admin', ...args], { stdin });
    const input = {
      appealId: a.id,
      name: 'scan.pdf',
      mime: 'application/pdf',
      dataBase64: scan.toString('base64'),
    };
    const added = await cli(['attachments.add', '-'], JSON.stringify(input));
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const att = JSON.parse(added.stdout) as { id: string; sha256: string };
    expect(att.sha256).toBe(sha(scan));
    const got = await cli(['attachments.get', JSON.stringify({ id: att.id })]);
    expect(got.code).toBe(0);
    const back = Buffer.from((JSON.parse(got.stdout) as { dataBase64: string }).dataBase64, 'base64');
    expect(back.equals(scan)).toBe(true);
  }, 120_000);
});

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
/** The start of every Windows program: "MZ", then a DOS header full of NULs. */
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode'),
]);
const GOOD: [string, string, Buffer][] = [
  ['скан.pdf', 'application/pdf', PDF],
  ['фото.jpg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])],
  ['фото.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ['скан.tif', 'image/tiff', Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])],
  ['скан2.tif', 'image/tiff', Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8])],
  [
    'ответ.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    Buffer.concat([
      Buffer.from([0x50, 0x4b, 3, 4, 20, 0]),
      Buffer.from('[Content_Types].xml word/document.xml'),
    ]),
  ],
  ['ответ.doc', 'application/msword', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
  ['ответ.txt', 'text/plain', Buffer.from('Ответ управляющей компании\r\n')],
  ['utf16.txt', 'text/plain', Buffer.from('\ufeffОтвет', 'utf16le')],
];

describe('what is attached', () => {
  it('takes each accepted type whose content is of that type', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    for (const [name, mime, data] of GOOD) {
      const att = await o.call('attachments.add', {
        appealId: a.id,
        name,
        mime: mime as never,
        dataBase64: data.toString('base64'),
      });
      expect(att.size).toBe(data.length);
    }
  });

  it('refuses content that is not of its declared type, an empty file and names Windows cannot keep', async () => {
    const o = await testOffice();
    const a = await o.call('appeals.register', appealInput());
    const before = dumpTables(o.handle.sqlite);
    const add = (name: string, mime: string, data: Buffer) =>
      o.fail('attachments.add', { appealId: a.id, name, mime, dataBase64: data.toString('base64') });

    const typeError = {
      code: 'validation',
      field: 'dataBase64',
      message: `dataBase64: ${CONTENT_NOT_OF_TYPE}`,
    };
    expect(await add('скан.pdf', 'application/pdf', EXE)).toMatchObject(typeError);
    for (const mime of ['image/jpeg', 'image/png', 'image/tiff', 'application/msword', 'text/plain'])
      expect(await add('x', mime, EXE)).toMatchObject(typeError);
    expect(
      await add('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', PDF),
    ).toMatchObject(typeError);
    expect(await add('фото.jpg', 'image/jpeg', GOOD[2]![2])).toMatchObject(typeError);
    // A ZIP that is not a Word document (here an archive of anything) is not a DOCX.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.from('setup.exe')]);
    expect(
      await add('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', zip),
    ).toMatchObject(typeError);
    expect(serverMessages[CONTENT_NOT_OF_TYPE]).toMatch(/не соответствует/);

    expect(await add('пусто.txt', 'text/plain', Buffer.alloc(0))).toMatchObject({
      code: 'validation',
      field: 'dataBase64',
      message: 'dataBase64: the file is empty',
    });

    const names: [string, string][] = [
      ['отчёт\u202efdp.exe', 'a file name without direction-control characters'],
      ['\u2067скан.pdf', 'a file name without direction-control characters'],
      ['скан\u200f.pdf', 'a file name without direction-control characters'],
      ['con.pdf', 'a file name Windows can keep'],
      ['CON', 'a file name Windows can keep'],
      ['Nul.txt', 'a file name Windows can keep'],
      ['com1.pdf', 'a file name Windows can keep'],
      ['LPT9.tar.pdf', 'a file name Windows can keep'],
      ['a:b.pdf', 'a file name Windows can keep'],
      ['скан?.pdf', 'a file name Windows can keep'],
      ['скан.pdf.', 'a file name Windows can keep'],
      ['скан\t.pdf', 'a file name Windows can keep'],
    ];
    for (const [name, message] of names) {
      expect(await add(name, 'application/pdf', PDF), name).toMatchObject({
        code: 'validation',
        field: 'name',
        message: `name: ${message}`,
      });
      expect(serverMessages[message]).toMatch(/переименуйте/);
    }
    expect(dumpTables(o.handle.sqlite)).toBe(before);
    expect(storedFiles(o)).toEqual([]);
    // Names that only look like those are fine.
    for (const name of ['console.pdf', 'конспект.pdf', 'com10.pdf', 'nul-отчёт.pdf'])
      await o.call('attachments.add', {
        appealId: a.id,
        name,
        mime: 'application/pdf',
        dataBase64: PDF.toString('base64'),
      });
    expect(storedFiles(o)).toEqual([path.join(sha(PDF).slice(0, 2), sha(PDF))]);
  });
});

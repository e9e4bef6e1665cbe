import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFile } from '../../main/transport/ipc';
import { nameForOpening } from '../../shared/api/attachments';

describe('opening a generated document from the desktop shell', () => {
  const dir = path.join('/tmp', 'Priemnaya', 'documents');

  it('writes a document of a kind we make under its own name', () => {
    const doc = documentFile(dir, 'Карточка ПТР-2026-00001.docx', Buffer.from('PK').toString('base64'));
    expect(doc).toEqual({ file: path.join(dir, 'Карточка ПТР-2026-00001.docx'), data: Buffer.from('PK') });
  });

  it.each([
    'Скан обращения.pdf',
    'СКАН.PDF',
    'фото.jpg',
    'фото.jpeg',
    'фото.png',
    'скан.tif',
    'скан.TIFF',
    'ответ.doc',
    'ответ.docx',
    'ответ.txt',
    'Статистика.xlsx',
    'personal-data-019c55e8-18c0-7694-868d-c83ba60debd6.json',
  ])('opens every accepted attachment type and the personal-data JSON: %s', (name) =>
    expect(documentFile(dir, name, 'AAAA')).toEqual({ file: path.join(dir, name), data: Buffer.alloc(3) }),
  );

  it('names an attachment by its type when its own name has no such extension', () => {
    expect(nameForOpening('Скан обращения', 'application/pdf')).toBe('Скан обращения.pdf');
    expect(nameForOpening('фото.JPEG', 'image/jpeg')).toBe('фото.JPEG');
    expect(nameForOpening('ответ.pdf', 'image/png')).toBe('ответ.pdf.png');
    expect(nameForOpening('Карточка.docx', 'application/zip')).toBe('Карточка.docx');
  });

  it.each([
    ['con.pdf'],
    ['a:b.pdf'],
    ['отчёт\u202efdp.txt'],
    ['скан.pdf.exe'],
    ['../escape.docx'],
    ['a/b.docx'],
    ['a\\b.docx'],
    ['.hidden.docx'],
    ['script.exe'],
    ['report.docx.lnk'],
    [42],
  ])('refuses the name %s', (name) => expect(documentFile(dir, name, 'AAAA')).toBeNull());

  it('refuses content that is not base64', () =>
    expect(documentFile(dir, 'a.docx', 'not base64!')).toBeNull());
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFile } from '../../main/transport/ipc';

describe('opening a generated document from the desktop shell', () => {
  const dir = path.join('/tmp', 'Priemnaya', 'documents');

  it('writes a document of a kind we make under its own name', () => {
    const doc = documentFile(dir, 'Карточка ПТР-2026-00001.docx', Buffer.from('PK').toString('base64'));
    expect(doc).toEqual({ file: path.join(dir, 'Карточка ПТР-2026-00001.docx'), data: Buffer.from('PK') });
  });

  it.each([
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

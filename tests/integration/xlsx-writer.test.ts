import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XlsxSheetWriter } from '../../main/contacts/xlsx';
import { spreadsheetLines } from './libreoffice';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-xlsx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rows through the writer, as one file's bytes. */
function written(rows: readonly (readonly string[])[], sheetName = 'Контакты'): Buffer {
  const chunks: Buffer[] = [];
  const w = new XlsxSheetWriter((b) => chunks.push(Buffer.from(b)), sheetName);
  for (const r of rows) w.row(r);
  w.finish();
  return Buffer.concat(chunks);
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

/** What a row holds, cell by cell up to `width` ('' for an empty cell). */
const cells = (sheet: ExcelJS.Worksheet, r: number, width: number): string[] =>
  Array.from({ length: width }, (_, c) => {
    const v = sheet.getRow(r).getCell(c + 1).value;
    return v === null ? '' : String(v);
  });

const TRICKY = [
  ['Ёлкина', 'Майя', '', 'ул. «Трёхсвятская» & пр. <Ленина>', 'say "hi"'],
  [' лидирующий пробел', 'хвост ', '=1+2', 'строка\nвторая', 'таб\tвнутри'],
  ['нельзя\u0001\u0008\u000bв XML', '', '', '', 'последняя'],
];

describe('the XLSX sheet writer', () => {
  it('writes text exactly, markup escaped, edge spaces kept, empty cells left out in their columns', async () => {
    const sheet = await readBack(
      written([['Фамилия', 'Имя', 'Отчество', 'Адрес', 'Комментарий'], ...TRICKY]),
    );
    expect(sheet.name).toBe('Контакты');
    expect(sheet.rowCount).toBe(4);
    expect(cells(sheet, 2, 5)).toEqual(TRICKY[0]);
    expect(cells(sheet, 3, 5)).toEqual(TRICKY[1]);
    // The control characters XML 1.0 forbids are dropped; the rest of the cell stays.
    expect(cells(sheet, 4, 5)).toEqual(['нельзяв XML', '', '', '', 'последняя']);
    // Every cell is text: a value that looks like a formula is not one.
    expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it('streams a sheet of many megabytes as one deflate stream (compressed on another thread), every row intact and in order', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `Фамилия${i}`,
      i % 3 === 0 ? '' : `Имя ${i}`,
      `г. Тверь, ул. Советская, д. ${i}, кв. ${i % 97}`,
      `+7999${String(i).padStart(7, '0')}`,
      ...Array.from({ length: 24 }, (_, c) => (c === i % 24 ? `колонка ${c}` : '')),
    ]);
    const bytes = written(rows);
    const sheet = await readBack(bytes);
    expect(sheet.rowCount).toBe(rows.length);
    for (const r of [0, 1, 2, 9_999, 17_777, 29_999])
      expect(cells(sheet, r + 1, 28), `row ${r}`).toEqual(rows[r]);
    // Past column Z the names go on as AA, AB…: row 23 holds file row 22, its filled column the 27th.
    expect(sheet.getRow(23).getCell(27).value).toBe('колонка 22');
  });

  it('opens in LibreOffice Calc with the right Cyrillic', () => {
    const bytes = written([
      ['Фамилия', 'Адрес'],
      ['Ёлкина', 'ул. Трёхсвятская & <Ленина>'],
    ]);
    expect(spreadsheetLines(bytes, dir).slice(0, 2)).toEqual([
      'Фамилия;Адрес',
      'Ёлкина;ул. Трёхсвятская & <Ленина>',
    ]);
  }, 180_000);
});

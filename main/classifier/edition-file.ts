/**
 * Reading an edition of the classifier from the file an administrator brings: the shipped JSON format
 * (an array of `{ code, name, parent, level }`), or the table offices receive — CSV (UTF-8 or Windows-1251,
 * `;`, `,` or tab) or XLSX, its first row naming the columns «Код» and «Наименование» (and, when given,
 * «Родитель» and «Уровень», checked against the code). The file is checked whole before anything is
 * compared: a bad row refuses the file with its row and column named, and nothing changes.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { ApiError } from '../../shared/api/define';
import type { EditionPreview } from '../../shared/api/classifier';
import { cellText, detectDelimiter, detectEncoding } from '../contacts/file';

export interface EditionEntry {
  code: string;
  name: string;
  parent: string | null;
  level: number;
  /** The row in the file as a spreadsheet shows it (the header is 1), or the entry's number in JSON. */
  line: number;
}

export interface EditionFile {
  format: EditionPreview['format'];
  encoding: EditionPreview['encoding'];
  /** Parents before their children, otherwise in the file's order. */
  entries: EditionEntry[];
}

/** What is wrong with a file; the settings panel words each in Russian. */
export type EditionProblem =
  'format' | 'encoding' | 'columns' | 'code' | 'name' | 'duplicate' | 'parent' | 'level' | 'empty';

export interface EditionProblemDetails {
  problem: EditionProblem;
  /** The row (or JSON entry) at fault, when one is. */
  line: number | null;
  /** The column (or JSON key) at fault, as the file names it. */
  column: string | null;
  value: string | null;
  /** The row of the same code first seen (a duplicate). */
  other?: number;
}

function refuse(problem: EditionProblem, message: string, at: Partial<EditionProblemDetails> = {}): never {
  const details: EditionProblemDetails = { problem, line: null, column: null, value: null, ...at };
  const where = [details.line === null ? null : `row ${details.line}`, details.column]
    .filter(Boolean)
    .join(', ');
  throw new ApiError('validation', `file: ${where ? `${where}: ` : ''}${message}`, {
    field: 'file',
    details,
  });
}

const CODE = /^\d{4}(\.\d{4}){0,4}$/;
/**
 * What a name of the classifier is written with. A CSV in another encoding (DOS cp866) read as Windows-1251
 * gives letters of other Cyrillic alphabets and typographic signs instead; KOI8-R gives Russian letters in the
 * wrong case (`looksKoi8`).
 */
const RUSSIAN_TEXT = /^[A-Za-zА-Яа-яЁё0-9\s.,;:!?()«»"'„“”\-–—/№%+&*[\]_]*$/;

function checkRussian(text: string, line: number, column: string | null): void {
  const bad = [...text].find((c) => !RUSSIAN_TEXT.test(c));
  if (bad !== undefined)
    refuse('encoding', `«${bad}» is not a letter of Russian text: save the file in UTF-8 or Windows-1251`, {
      line,
      column,
      value: text,
    });
}

const COLUMNS = {
  code: ['код', 'code', 'код классификатора', 'код вопроса', 'шифр'],
  name: ['наименование', 'название', 'name', 'наименование вопроса', 'формулировка'],
  parent: ['родитель', 'parent', 'код родителя', 'вышестоящий код'],
  level: ['уровень', 'level'],
} as const;

const fold = (s: string): string => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** The code one level up, which every entry but a section must have in the file. */
export const parentOf = (code: string): string | null =>
  code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;

interface RawRow {
  line: number;
  code: string;
  name: string;
  parent?: string | null;
  level?: string | number;
  /** The columns as the file names them, for messages. */
  names: { code: string; name: string; parent: string; level: string };
}

function tableRows(rows: { line: number; values: string[] }[], checkText: boolean): RawRow[] {
  const header = rows[0];
  if (!header) refuse('empty', 'the file has no rows');
  if (checkText) checkRussian(header.values.join(' '), header.line, null);
  const folded = header.values.map(fold);
  const find = (k: keyof typeof COLUMNS): number =>
    folded.findIndex((h) => (COLUMNS[k] as readonly string[]).includes(h));
  const at = { code: find('code'), name: find('name'), parent: find('parent'), level: find('level') };
  if (at.code < 0 || at.name < 0)
    refuse(
      'columns',
      `the first row names the columns «Код» and «Наименование»; found ${header.values.map((v) => `«${v}»`).join(', ')}`,
      {
        line: header.line,
        value: header.values.join('; '),
      },
    );
  const names = {
    code: header.values[at.code]!.trim(),
    name: header.values[at.name]!.trim(),
    parent: at.parent < 0 ? '' : header.values[at.parent]!.trim(),
    level: at.level < 0 ? '' : header.values[at.level]!.trim(),
  };
  return rows.slice(1).map(({ line, values }) => {
    const name = (values[at.name] ?? '').trim();
    if (checkText) checkRussian(name, line, names.name);
    const row: RawRow = { line, code: (values[at.code] ?? '').trim(), name, names };
    if (at.parent >= 0) row.parent = (values[at.parent] ?? '').trim() || null;
    if (at.level >= 0) row.level = (values[at.level] ?? '').trim();
    return row;
  });
}

/**
 * KOI8-R read as Windows-1251: its lower-case letters land on the upper-case ones, so a file of names in
 * sentence case reads as mostly capitals.
 */
function looksKoi8(text: string): boolean {
  const upper = text.match(/[А-ЯЁ]/g)?.length ?? 0;
  const lower = text.match(/[а-яё]/g)?.length ?? 0;
  return upper > 20 && upper > 3 * lower;
}

function csvRows(bytes: Buffer): { rows: RawRow[]; encoding: 'utf-8' | 'cp1251' } {
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    bytes.includes(0)
  )
    refuse('encoding', 'the file is UTF-16 or binary: save the table as CSV in UTF-8 or Windows-1251');
  const encoding = detectEncoding(bytes);
  const text = iconv.decode(bytes, encoding).replace(/^\uFEFF/, '');
  if (encoding === 'cp1251' && looksKoi8(text))
    refuse('encoding', 'the text reads as KOI8-R: save the file in UTF-8 or Windows-1251');
  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) refuse('format', 'unbalanced quotes', { line: (broken.row ?? 0) + 1 });
  const rows = parsed.data
    .map((values, i) => ({ line: i + 1, values }))
    .filter((r) => r.values.some((v) => v.trim() !== ''));
  return { rows: tableRows(rows, true), encoding };
}

async function xlsxRows(bytes: Buffer): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('format', 'not a workbook Excel can open');
  }
  const sheet = wb.worksheets[0];
  const rows: { line: number; values: string[] }[] = [];
  sheet?.eachRow((row, line) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (values.some((v) => v.trim() !== '')) rows.push({ line, values: Array.from(values, (v) => v ?? '') });
  });
  return tableRows(rows, false);
}

function jsonRows(bytes: Buffer): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    refuse('format', `not JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) refuse('format', 'expected an array of { code, name, parent, level }');
  const names = { code: 'code', name: 'name', parent: 'parent', level: 'level' };
  return data.map((item: unknown, i) => {
    const line = i + 1;
    const o = (item ?? {}) as Record<string, unknown>;
    for (const key of ['code', 'name'] as const)
      if (typeof o[key] !== 'string') refuse('columns', `${key} is not a string`, { line, column: key });
    if (o.parent !== null && typeof o.parent !== 'string')
      refuse('parent', 'parent is a code or null', { line, column: 'parent' });
    if (typeof o.level !== 'number') refuse('level', 'level is a number 1–5', { line, column: 'level' });
    return {
      line,
      code: (o.code as string).trim(),
      name: (o.name as string).trim(),
      parent: o.parent as string | null,
      level: o.level,
      names,
    };
  });
}

const isZip = (b: Buffer): boolean => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** Reads and checks an edition's file; refuses it (naming the row and column) at the first fault. */
export async function readEditionFile(bytes: Buffer): Promise<EditionFile> {
  let format: EditionFile['format'];
  let encoding: EditionFile['encoding'] = null;
  let raw: RawRow[];
  if (isZip(bytes)) {
    format = 'xlsx';
    raw = await xlsxRows(bytes);
  } else if (/^(\uFEFF)?\s*[[{]/.test(bytes.subarray(0, 64).toString('utf8'))) {
    format = 'json';
    encoding = 'utf-8';
    raw = jsonRows(bytes);
  } else {
    format = 'csv';
    ({ rows: raw, encoding } = csvRows(bytes));
  }
  return { format, encoding, entries: checkEntries(raw) };
}

function checkEntries(raw: readonly RawRow[]): EditionEntry[] {
  if (raw.length === 0) refuse('empty', 'the file holds no entries');
  const first = new Map<string, number>();
  for (const r of raw) {
    if (!CODE.test(r.code))
      refuse('code', `«${r.code}» is not a classifier code like 0005.0005.0056.1160`, {
        line: r.line,
        column: r.names.code,
        value: r.code,
      });
    const seen = first.get(r.code);
    if (seen !== undefined)
      refuse('duplicate', `the code ${r.code} is also in row ${seen}`, {
        line: r.line,
        column: r.names.code,
        value: r.code,
        other: seen,
      });
    first.set(r.code, r.line);
    if (r.name === '')
      refuse('name', 'the name is empty', { line: r.line, column: r.names.name, value: r.code });
  }
  const entries = raw.map((r): EditionEntry => {
    const parent = parentOf(r.code);
    const level = r.code.split('.').length;
    if (r.parent !== undefined && (r.parent ?? null) !== parent)
      refuse('parent', `the parent of ${r.code} is ${parent ?? 'none'}, not ${r.parent ?? 'none'}`, {
        line: r.line,
        column: r.names.parent,
        value: r.parent ?? '',
      });
    if (r.level !== undefined && String(r.level) !== String(level))
      refuse('level', `${r.code} is of level ${level}, not ${r.level}`, {
        line: r.line,
        column: r.names.level,
        value: String(r.level),
      });
    if (parent !== null && !first.has(parent))
      refuse('parent', `${r.code} has no parent ${parent} in the file`, {
        line: r.line,
        column: r.names.code,
        value: r.code,
      });
    return { code: r.code, name: r.name, parent, level, line: r.line };
  });
  return parentsFirst(entries);
}

/** The file's order, a parent moved before its first child when the file lists it later. */
function parentsFirst(entries: readonly EditionEntry[]): EditionEntry[] {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const out: EditionEntry[] = [];
  const placed = new Set<string>();
  const place = (e: EditionEntry): void => {
    if (placed.has(e.code)) return;
    if (e.parent !== null) place(byCode.get(e.parent)!);
    placed.add(e.code);
    out.push(e);
  };
  entries.forEach(place);
  return out;
}

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { ReadDb } from '../../../db/sql';
import type { ContactFilter } from '../../../shared/api/contacts';
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import { contactText } from '../../../shared/i18n/ru/contacts';
import { audit } from '../bookkeeping';
import type { CallContext } from '../context';
import { officeRow } from '../office';
import { statuses } from './settings';
import { segmentFilter, whereOf } from './filter';

/**
 * One file for any number of contacts (the tool offices left split exports into files of 500). Contacts stream
 * from SQLite in the order of their ids (the order they entered the base) as plain arrays, a chunk at a
 * time; each chunk's phones and labels are read by one range of the contact-id index, not one lookup per
 * contact. CSV is written here (see `csvCell`) and encoded by iconv-lite (cp1251 for Excel) a chunk at a
 * time; XLSX goes through exceljs's streaming writer.
 */

const COLUMNS = Object.keys(contactText.exportHeaders) as (keyof typeof contactText.exportHeaders)[];

/** Russian numbers as offices write them, `8 (999) 123-45-67`: a spreadsheet keeps that as text. */
export function displayPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `8 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : e164;
}

const ddmmyyyy = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '';

const FORMULA = /^[=+\-@\t\r]/;

/** A cell a spreadsheet could take for a formula gets a leading apostrophe (XLSX; CSV has `csvCell`). */
export function neutralise(s: string): string {
  return FORMULA.test(s) ? `'${s}` : s;
}

const NEEDS_QUOTES = /[\r\n";\ufeff]|^ | $/;

/**
 * One `;`-separated CSV cell, by papaparse's `unparse` rules with `escapeFormulae` (which this replaced:
 * its per-cell checks took most of a million-row export): quoted when it holds a quote, the delimiter, a
 * line break or an edge space; a would-be formula gets an apostrophe and quotes.
 */
export function csvCell(s: string): string {
  if (s === '') return s;
  const first = s.charCodeAt(0);
  // = + - @ tab CR: what FORMULA matches, by its first character (most cells are plain words).
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13)
    return `"'${s.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The contact columns an export reads, by position. */
const SELECT = `c.id, c.last_name, c.first_name, c.middle_name, c.email, c.address, c.region, c.district,
  c.settlement, c.street, c.house, c.flat, c.birth_date, c.social_category, c.source, c.comment`;
type ContactCells = [
  id: string,
  lastName: string | null,
  firstName: string | null,
  middleName: string | null,
  email: string | null,
  address: string | null,
  region: string | null,
  district: string | null,
  settlement: string | null,
  street: string | null,
  house: string | null,
  flat: string | null,
  birthDate: string | null,
  socialCategory: string | null,
  source: string | null,
  comment: string | null,
];

interface Details {
  phones: string[];
  statuses: string[];
  tags: string[];
}

type Cell = (c: ContactCells, d: Details | undefined, statusName: (code: string) => string) => string;
const text =
  (i: number): Cell =>
  (c) =>
    c[i] ?? '';
const CELLS: Record<(typeof COLUMNS)[number], Cell> = {
  lastName: text(1),
  firstName: text(2),
  middleName: text(3),
  phone: (_, d) => (d ? d.phones.map(displayPhone).join(', ') : ''),
  email: text(4),
  address: text(5),
  region: text(6),
  district: text(7),
  settlement: text(8),
  street: text(9),
  house: text(10),
  flat: text(11),
  birthDate: (c) => ddmmyyyy(c[12]),
  socialCategory: text(13),
  statuses: (_, d, name) => (d ? d.statuses.map(name).join(', ') : ''),
  tags: (_, d) => (d ? d.tags.join(', ') : ''),
  source: text(14),
  comment: text(15),
};
const CELL_ORDER = COLUMNS.map((c) => CELLS[c]);

/** Contacts per read of phones and labels. */
const CHUNK = 2000;

/**
 * The phones and labels of a chunk of contacts (sorted by id). A full chunk reads the id range, which is
 * one walk of each index and, over the whole export, never reads an entry twice; a short one (a small
 * segment) looks its ids up one by one.
 */
function detailsOf(db: ReadDb, ids: readonly string[]): Map<string, Details> {
  const out = new Map<string, Details>();
  if (ids.length === 0) return out;
  const byRange = ids.length >= CHUNK;
  const where = byRange ? 'contact_id BETWEEN ? AND ?' : 'contact_id IN (SELECT value FROM json_each(?))';
  const params = byRange ? [ids[0], ids[ids.length - 1]] : [JSON.stringify(ids)];
  const entry = (id: string): Details => {
    let d = out.get(id);
    if (!d) {
      d = { phones: [], statuses: [], tags: [] };
      out.set(id, d);
    }
    return d;
  };
  for (const [id, phone] of db.sqlite
    .prepare(
      `SELECT contact_id, phone FROM contact_phones WHERE ${where} AND deleted_at IS NULL ORDER BY contact_id`,
    )
    .raw()
    .iterate(...params) as Iterable<[string, string]>)
    entry(id).phones.push(phone);
  for (const [id, kind, value] of db.sqlite
    .prepare(
      `SELECT contact_id, kind, value FROM contact_labels WHERE ${where} AND deleted_at IS NULL ORDER BY contact_id`,
    )
    .raw()
    .iterate(...params) as Iterable<[string, 'status' | 'tag', string]>)
    (kind === 'status' ? entry(id).statuses : entry(id).tags).push(value);
  return out;
}

/** The cells of every contact a filter selects, in export column order, a chunk at a time. */
function* selectCells(
  db: ReadDb,
  filter: ContactFilter,
  statusName: (code: string) => string,
): Generator<string[][]> {
  const w = whereOf(filter);
  const contacts = db.sqlite
    .prepare(`SELECT ${SELECT} FROM contacts c WHERE ${w.sql} ORDER BY c.id`)
    .raw()
    .iterate(...w.params) as Iterable<ContactCells>;
  let chunk: ContactCells[] = [];
  const cellsOf = (rows: ContactCells[]): string[][] => {
    const details = detailsOf(
      db,
      rows.map((r) => r[0]),
    );
    return rows.map((r) => {
      const d = details.get(r[0]);
      return CELL_ORDER.map((cell) => cell(r, d, statusName));
    });
  };
  for (const r of contacts) {
    chunk.push(r);
    if (chunk.length >= CHUNK) {
      yield cellsOf(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) yield cellsOf(chunk);
}

export interface ExportFormat {
  format: 'csv' | 'xlsx';
  encoding: 'cp1251' | 'utf-8';
}

/** Rows as CSV lines, each ended by CRLF: one string per chunk, no array per line. */
function csvLines(rows: readonly string[][]): string {
  let out = '';
  for (const cells of rows) {
    for (let i = 0; i < cells.length; i++) out += i === 0 ? csvCell(cells[i]!) : ';' + csvCell(cells[i]!);
    out += '\r\n';
  }
  return out;
}

/** Writes the contacts a filter selects to `write`, chunk by chunk; returns how many. */
export async function writeContacts(
  db: ReadDb,
  filter: ContactFilter,
  fmt: ExportFormat,
  statusName: (code: string) => string,
  write: (chunk: Buffer) => void,
): Promise<number> {
  const headers = COLUMNS.map((c) => contactText.exportHeaders[c]);
  let count = 0;
  if (fmt.format === 'csv') {
    const encode = (s: string): Buffer => iconv.encode(s, fmt.encoding);
    // Excel reads UTF-8 only with a BOM; cp1251 is its default on Russian Windows.
    if (fmt.encoding === 'utf-8') write(Buffer.from([0xef, 0xbb, 0xbf]));
    write(encode(csvLines([headers])));
    for (const rows of selectCells(db, filter, statusName)) {
      write(encode(csvLines(rows)));
      count += rows.length;
    }
    return count;
  }
  const out = new PassThrough();
  out.on('data', (b: Buffer) => write(b));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = book.addWorksheet(contactText.exportSheet);
  sheet.addRow(headers).commit();
  for (const rows of selectCells(db, filter, statusName))
    for (const cells of rows) {
      sheet.addRow(cells.map(neutralise)).commit();
      count++;
    }
  sheet.commit();
  await book.commit();
  return count;
}

/** People in the selection who have not given (or have withdrawn) the consent this outreach needs. */
function withoutConsent(purpose: string): { sql: string; value: string } {
  return {
    sql: 'c.id NOT IN (SELECT contact_id FROM contact_consents WHERE purpose = ? AND withdrawn_at IS NULL AND deleted_at IS NULL)',
    value: purpose,
  };
}

export function statusNamer(ctx: CallContext): (code: string) => string {
  const names = new Map(statuses(ctx).map((s) => [s.code, s.name]));
  return (code) => names.get(code) ?? code;
}

export async function exportContacts(
  ctx: CallContext,
  input: ParsedInput<'contacts.export'>,
): Promise<Output<'contacts.export'>> {
  const db = ctx.store.read;
  const filter = input.segmentId ? segmentFilter(db, input.segmentId) : (input.filter ?? {});
  if (input.purpose === 'outreach') {
    const w = whereOf(filter);
    const nc = withoutConsent(input.consentPurpose);
    const missing = db.rawGet<{ n: number }>(
      `SELECT count(*) AS n FROM contacts c WHERE ${w.sql} AND ${nc.sql}`,
      ...w.params,
      nc.value,
    )!.n;
    if (missing > 0)
      throw new ApiError('invalid_state', 'some contacts have not consented to outreach', {
        field: 'purpose',
        details: { withoutConsent: missing },
      });
  }
  if (input.toPath && ctx.transport !== 'cli' && ctx.transport !== 'internal')
    throw new ApiError('forbidden', 'only the command line may export to a path', { field: 'toPath' });
  const chunks: Buffer[] = [];
  const fd = input.toPath ? fs.openSync(input.toPath, 'wx') : null;
  let count: number;
  try {
    count = await writeContacts(db, filter, input, statusNamer(ctx), (b) =>
      fd === null ? chunks.push(b) : fs.writeSync(fd, b),
    );
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  ctx.store.transaction((w) =>
    audit(w, ctx, officeRow(w).id, 'contacts.export', 'segment', input.segmentId ?? null, {
      purpose: input.purpose,
      consentPurpose: input.purpose === 'outreach' ? input.consentPurpose : null,
      filter,
      format: input.format,
      toPath: input.toPath ?? null,
      count,
    }),
  );
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    name: `contacts-${day}.${input.format}`,
    mime:
      input.format === 'csv'
        ? 'text/csv'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    count,
    dataBase64: fd === null ? Buffer.concat(chunks).toString('base64') : null,
  };
}

import iconv from 'iconv-lite';
import fs from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { ReadDb } from '../../db/sql';
import type { ContactFilter } from '../../shared/api/contacts';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { contactText } from '../../shared/i18n/ru/contacts';
import { audit } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { statuses } from './settings';
import { segmentFilter, whereOf } from './filter';
import { filterFields } from './field-filter';
import { fieldDefs } from './fields';
import type { ContactFieldDef } from '../../shared/api/contacts';
import { XlsxSheetWriter } from './xlsx';

/**
 * One file for any number of contacts (the tool offices left split exports into files of 500). Contacts come
 * from SQLite in the order of their ids (the order they entered the base) as plain arrays, a page at a
 * time, with each page's phones and labels read sorted the same way and merged in (`walkContacts`), not
 * one lookup per contact. CSV is written here (see `csvCell`) and encoded by iconv-lite (cp1251 for
 * Excel) a chunk at a time; XLSX by `XlsxSheetWriter` (xlsx.ts), a row at a time.
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
  /** The office's own fields' values as cells, in the fields' order ('' where none). */
  fields: string[];
}

type Cell = (c: ContactCells, d: Details, statusName: (code: string) => string) => string;
const text =
  (i: number): Cell =>
  (c) =>
    c[i] ?? '';
const CELLS: Record<(typeof COLUMNS)[number], Cell> = {
  lastName: text(1),
  firstName: text(2),
  middleName: text(3),
  phone: (_, d) => d.phones.map(displayPhone).join(', '),
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
  statuses: (_, d, name) => d.statuses.map(name).join(', '),
  tags: (_, d) => d.tags.join(', '),
  source: text(14),
  comment: text(15),
};
const CELL_ORDER = COLUMNS.map((c) => CELLS[c]);

/** Contacts per page: each page is one read of contacts, then one read of their phones and one of labels. */
const PAGE = 2000;

const PHONES = 'SELECT x.contact_id, x.phone FROM contact_phones x';
const VALUES =
  'SELECT x.contact_id, x.field_id, x.value_text, x.value_num, x.value_date FROM contact_field_values x';
const LABELS = 'SELECT x.contact_id, x.kind, x.value FROM contact_labels x';
/** A page's children by the id range it spans: one walk of the contact-id index. */
const BY_RANGE = 'WHERE x.contact_id BETWEEN ? AND ? AND x.deleted_at IS NULL ORDER BY x.contact_id, x.rowid';
/** A page's children by its ids, one lookup each: cheaper when the page's contacts are far apart. */
const BY_IDS =
  'JOIN json_each(?) k ON k.value = x.contact_id WHERE x.deleted_at IS NULL ORDER BY k.key, x.rowid';

/**
 * Calls `visit` for every contact a filter selects, in id order, with its phones and labels. Contacts are
 * read a page at a time (keyset paging on the id, as plain arrays); the page's phones and labels come
 * sorted the same way and are merged in, never looked up one contact at a time by a query each. A page
 * whose contacts lie close together (the whole base, a large segment) reads its children by id range; a
 * sparse one (a narrow segment) by its ids. All in one read transaction: one snapshot of the base.
 * `details` is one object reused for every contact: `visit` must not keep it.
 */
function walkContacts(
  db: ReadDb,
  filter: ContactFilter,
  defs: readonly ContactFieldDef[],
  visit: (c: ContactCells, details: Details) => void,
): number {
  const w = whereOf(filter, filterFields(db, filter.fields));
  const sqlite = db.sqlite;
  const page = sqlite
    .prepare(`SELECT ${SELECT} FROM contacts c WHERE ${w.sql} AND c.id > ? ORDER BY c.id LIMIT ${PAGE}`)
    .raw();
  const span = sqlite.prepare('SELECT count(*) FROM contacts WHERE id BETWEEN ? AND ?').pluck();
  const phones = {
    range: sqlite.prepare(`${PHONES} ${BY_RANGE}`).raw(),
    ids: sqlite.prepare(`${PHONES} ${BY_IDS}`).raw(),
  };
  const labels = {
    range: sqlite.prepare(`${LABELS} ${BY_RANGE}`).raw(),
    ids: sqlite.prepare(`${LABELS} ${BY_IDS}`).raw(),
  };
  // The office's fields, read like phones only when it has some.
  const values = defs.length
    ? {
        range: sqlite.prepare(`${VALUES} ${BY_RANGE}`).raw(),
        ids: sqlite.prepare(`${VALUES} ${BY_IDS}`).raw(),
      }
    : null;
  const column = new Map(defs.map((f, i) => [f.id, i]));
  const d: Details = { phones: [], statuses: [], tags: [], fields: defs.map(() => '') };
  let count = 0;
  sqlite.transaction(() => {
    for (let after = ''; ;) {
      const rows = page.all(...w.params, after) as ContactCells[];
      if (rows.length === 0) break;
      const first = rows[0]![0];
      const last = rows[rows.length - 1]![0];
      const dense = (span.get(first, last) as number) <= 2 * rows.length;
      const read = (s: { range: Statement; ids: Statement }): string[][] =>
        (dense ? s.range.all(first, last) : s.ids.all(JSON.stringify(rows.map((r) => r[0])))) as string[][];
      const ps = read(phones);
      const ls = read(labels);
      const vs = values ? (read(values) as unknown as ValueCells[]) : [];
      let p = 0;
      let l = 0;
      let v = 0;
      for (const c of rows) {
        const id = c[0];
        d.phones.length = 0;
        d.statuses.length = 0;
        d.tags.length = 0;
        // Children of contacts outside the selection (a range read) sort before the next selected one.
        while (p < ps.length && ps[p]![0]! < id) p++;
        for (; p < ps.length && ps[p]![0] === id; p++) d.phones.push(ps[p]![1]!);
        while (l < ls.length && ls[l]![0]! < id) l++;
        for (; l < ls.length && ls[l]![0] === id; l++)
          (ls[l]![1] === 'status' ? d.statuses : d.tags).push(ls[l]![2]!);
        d.fields.fill('');
        while (v < vs.length && vs[v]![0] < id) v++;
        for (; v < vs.length && vs[v]![0] === id; v++) {
          const at = column.get(vs[v]![1]);
          if (at !== undefined) d.fields[at] = valueCell(vs[v]!);
        }
        visit(c, d);
      }
      count += rows.length;
      if (rows.length < PAGE) break;
      after = last;
    }
  })();
  return count;
}

type ValueCells = [
  contactId: string,
  fieldId: string,
  text: string | null,
  num: number | null,
  date: string | null,
];

/** A custom field's value as the office writes it: a decimal comma, a date as ДД.ММ.ГГГГ. */
function valueCell([, , text, num, date]: ValueCells): string {
  if (num !== null) return String(num).replace('.', ',');
  return date !== null ? ddmmyyyy(date) : (text ?? '');
}

export interface ExportFormat {
  format: 'csv' | 'xlsx';
  encoding: 'cp1251' | 'utf-8';
}

/**
 * Characters of CSV text encoded and written at a time. Small enough that a chunk's line strings die
 * young: a megabyte at a time kept them alive into V8's old generation, ~2 s more of garbage collection
 * over a million contacts.
 */
const CSV_CHUNK_CHARS = 1 << 16;

/** One contact as a CSV line ended by CRLF, its cells in export column order, then its custom fields. */
function csvLine(c: ContactCells, d: Details, statusName: (code: string) => string): string {
  let line = csvCell(CELL_ORDER[0]!(c, d, statusName));
  for (let i = 1; i < CELL_ORDER.length; i++) line += ';' + csvCell(CELL_ORDER[i]!(c, d, statusName));
  for (const f of d.fields) line += ';' + csvCell(f);
  return line + '\r\n';
}

/**
 * Writes the contacts a filter selects to `write`, a chunk at a time; returns how many. The whole export
 * runs synchronously: the read statements stay open from the first contact to the last, and no other call
 * may use the connection in between (a write would find it busy). `write` blocking (a file) is the
 * backpressure: no more than one chunk is ever held.
 */
export async function writeContacts(
  db: ReadDb,
  filter: ContactFilter,
  fmt: ExportFormat,
  statusName: (code: string) => string,
  write: (chunk: Buffer) => void,
): Promise<number> {
  // The office's own fields follow the base's columns, headed by their names (an import maps them back).
  const defs = fieldDefs(db);
  const headers = [...COLUMNS.map((c) => contactText.exportHeaders[c]), ...defs.map((f) => f.name)];
  if (fmt.format === 'csv') {
    const encode = (s: string): Buffer => iconv.encode(s, fmt.encoding);
    // Excel reads UTF-8 only with a BOM; cp1251 is its default on Russian Windows.
    if (fmt.encoding === 'utf-8') write(Buffer.from([0xef, 0xbb, 0xbf]));
    let text = headers.map(csvCell).join(';') + '\r\n';
    const count = walkContacts(db, filter, defs, (c, d) => {
      text += csvLine(c, d, statusName);
      if (text.length >= CSV_CHUNK_CHARS) {
        write(encode(text));
        text = '';
      }
    });
    write(encode(text));
    return count;
  }
  const sheet = new XlsxSheetWriter(write, contactText.exportSheet);
  try {
    sheet.row(headers);
    const count = walkContacts(db, filter, defs, (c, d) =>
      sheet.row([...CELL_ORDER.map((cell) => cell(c, d, statusName)), ...d.fields].map(neutralise)),
    );
    sheet.finish();
    return count;
  } finally {
    sheet.close();
  }
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
    const w = whereOf(filter, filterFields(db, filter.fields));
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
  if (input.toPath && !ctx.may.localFiles)
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
  const day = officeToday(ctx, officeRow(ctx.store.read));
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

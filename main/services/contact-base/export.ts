import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import Papa from 'papaparse';
import type { ReadDb } from '../../../db/sql';
import type { ContactTable } from '../../../db/schema';
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
 * One file for any number of contacts (the tool offices left split exports into files of 500). Rows stream
 * from SQLite straight into the writer; CSV goes through papaparse (quoting, and `escapeFormulae`, which
 * puts an apostrophe before a cell starting with = + - @ so a spreadsheet never runs it as a formula) and
 * iconv-lite (cp1251 for Excel); XLSX through exceljs's streaming writer.
 */

const COLUMNS = Object.keys(contactText.exportHeaders) as (keyof typeof contactText.exportHeaders)[];

type ExportRow = ContactTable & { phones: string | null; statuses: string | null; tags: string | null };

/** Russian numbers as offices write them, `8 (999) 123-45-67`: a spreadsheet keeps that as text. */
export function displayPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `8 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : e164;
}

const ddmmyyyy = (iso: string | null): string =>
  iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '';

/** A cell a spreadsheet could take for a formula gets a leading apostrophe (XLSX; CSV has papaparse's). */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function* selectRows(db: ReadDb, filter: ContactFilter): Generator<ExportRow> {
  const w = whereOf(filter);
  const sql = `SELECT c.*,
      (SELECT group_concat(phone, ',') FROM contact_phones p WHERE p.contact_id = c.id AND p.deleted_at IS NULL) AS phones,
      (SELECT group_concat(value, ',') FROM contact_labels l WHERE l.contact_id = c.id AND l.kind = 'status' AND l.deleted_at IS NULL) AS statuses,
      (SELECT group_concat(value, ',') FROM contact_labels l WHERE l.contact_id = c.id AND l.kind = 'tag' AND l.deleted_at IS NULL) AS tags
    FROM contacts c WHERE ${w.sql} ORDER BY c.name_key, c.id`;
  yield* db.sqlite.prepare(sql).iterate(...w.params) as IterableIterator<ExportRow>;
}

function cells(r: ExportRow, statusName: (code: string) => string): string[] {
  const list = (s: string | null, f: (x: string) => string = (x) => x): string =>
    s ? s.split(',').map(f).join(', ') : '';
  const byColumn: Record<(typeof COLUMNS)[number], string> = {
    lastName: r.last_name ?? '',
    firstName: r.first_name ?? '',
    middleName: r.middle_name ?? '',
    phone: list(r.phones, displayPhone),
    email: r.email ?? '',
    address: r.address ?? '',
    region: r.region ?? '',
    district: r.district ?? '',
    settlement: r.settlement ?? '',
    street: r.street ?? '',
    house: r.house ?? '',
    flat: r.flat ?? '',
    birthDate: ddmmyyyy(r.birth_date),
    socialCategory: r.social_category ?? '',
    statuses: list(r.statuses, statusName),
    tags: list(r.tags),
    source: r.source ?? '',
    comment: r.comment ?? '',
  };
  return COLUMNS.map((c) => byColumn[c]);
}

export interface ExportFormat {
  format: 'csv' | 'xlsx';
  encoding: 'cp1251' | 'utf-8';
}

const CSV_CHUNK = 5000;

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
    const encode = (text: string): Buffer => iconv.encode(text, fmt.encoding);
    // Excel reads UTF-8 only with a BOM; cp1251 is its default on Russian Windows.
    if (fmt.encoding === 'utf-8') write(Buffer.from([0xef, 0xbb, 0xbf]));
    const unparse = (data: string[][]): string =>
      Papa.unparse(data, { delimiter: ';', newline: '\r\n', escapeFormulae: true, header: false });
    write(encode(unparse([headers]) + '\r\n'));
    let chunk: string[][] = [];
    for (const r of selectRows(db, filter)) {
      chunk.push(cells(r, statusName));
      count++;
      if (chunk.length >= CSV_CHUNK) {
        write(encode(unparse(chunk) + '\r\n'));
        chunk = [];
      }
    }
    if (chunk.length > 0) write(encode(unparse(chunk) + '\r\n'));
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
  for (const r of selectRows(db, filter)) {
    sheet.addRow(cells(r, statusName).map(neutralise)).commit();
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

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import fs from 'node:fs';
import Papa from 'papaparse';
import type { ImportOptions } from '../../shared/api/contacts';

/**
 * Reading the files offices bring: CSV as Excel saves it (cp1251 with `;`) or as other tools do (UTF-8 with or
 * without a BOM, `,` or tab), and XLSX. papaparse parses (quotes, embedded line breaks, delimiter guessing) and
 * reports broken quoting per row; iconv-lite decodes cp1251 as a stream; exceljs reads XLSX row by row.
 */

export type Encoding = 'utf-8' | 'cp1251';
export type Delimiter = ';' | ',' | '\t';

export interface FileRow {
  /** The row's number as a spreadsheet shows it: the header is 1. */
  line: number;
  values: string[];
  brokenQuotes: boolean;
}

export interface FileLayout {
  format: 'csv' | 'xlsx';
  encoding: Encoding | null;
  delimiter: Delimiter | null;
}

const SAMPLE_BYTES = 64 * 1024;

function readSample(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** A ZIP signature: XLSX (a CSV never starts with `PK\x03\x04`). */
const isZip = (b: Buffer): boolean => b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;

/** UTF-8 when it has a BOM or decodes cleanly (the sample cut at its last line break); otherwise cp1251. */
export function detectEncoding(sample: Buffer): Encoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  const lastBreak = sample.lastIndexOf(0x0a);
  const whole = sample.length < SAMPLE_BYTES || lastBreak < 0 ? sample : sample.subarray(0, lastBreak);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(whole);
    return 'utf-8';
  } catch {
    return 'cp1251';
  }
}

export function detectDelimiter(text: string): Delimiter {
  const guessed = Papa.parse<string[]>(text, {
    preview: 20,
    skipEmptyLines: true,
    delimitersToGuess: [';', ',', '\t'],
  }).meta.delimiter;
  return guessed === ',' || guessed === '\t' ? guessed : ';';
}

export function fileLayout(file: string, options: Pick<ImportOptions, 'encoding' | 'delimiter'>): FileLayout {
  const sample = readSample(file);
  if (isZip(sample)) return { format: 'xlsx', encoding: null, delimiter: null };
  const encoding =
    !options.encoding || options.encoding === 'auto' ? detectEncoding(sample) : options.encoding;
  const delimiter =
    !options.delimiter || options.delimiter === 'auto'
      ? detectDelimiter(iconv.decode(sample, encoding))
      : options.delimiter;
  return { format: 'csv', encoding, delimiter };
}

/** Receives rows a chunk at a time; returning false stops the reading (a cancelled import). */
export type RowSink = (rows: FileRow[]) => boolean;

function csvRows(
  file: string,
  layout: FileLayout,
  sink: RowSink,
  onBytes: (n: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = fs.createReadStream(file);
    input.on('data', (chunk) => onBytes(chunk.length));
    input.on('error', reject);
    const text = input.pipe(iconv.decodeStream(layout.encoding!));
    let line = 0;
    Papa.parse<string[]>(text as unknown as File, {
      delimiter: layout.delimiter!,
      skipEmptyLines: 'greedy',
      chunk(results, parser) {
        const broken = new Set<number>();
        for (const e of results.errors) if (e.type === 'Quotes' && e.row !== undefined) broken.add(e.row);
        const rows = results.data.map((values, i) => ({ line: ++line, values, brokenQuotes: broken.has(i) }));
        if (!sink(rows)) {
          parser.abort();
          input.destroy();
        }
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
}

/** A cell as text: dates as YYYY-MM-DD, rich text and hyperlinks as their text, formulas as their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function xlsxRows(file: string, sink: RowSink, onBytes: (n: number) => void): Promise<void> {
  const input = fs.createReadStream(file);
  input.on('data', (chunk) => onBytes(chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const CHUNK = 1000;
  let batch: FileRow[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // Empty cells are holes in the row: read as empty text, never left out.
        const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), cellText);
        if (values.every((v) => v.trim() === '')) continue;
        // Numbered as the spreadsheet shows them, empty rows included.
        batch.push({ line: row.number, values, brokenQuotes: false });
        if (batch.length >= CHUNK) {
          if (!sink(batch)) return;
          batch = [];
        }
      }
      break; // the first sheet only
    }
    if (batch.length > 0) sink(batch);
  } finally {
    input.destroy();
  }
}

/** Streams the file's rows (header included) into `sink`, a chunk at a time. */
export function readRows(
  file: string,
  layout: FileLayout,
  sink: RowSink,
  onBytes: (n: number) => void = () => {},
): Promise<void> {
  return layout.format === 'xlsx' ? xlsxRows(file, sink, onBytes) : csvRows(file, layout, sink, onBytes);
}

/** The first rows of the file (header included), for the preview. */
export async function firstRows(file: string, layout: FileLayout, n: number): Promise<FileRow[]> {
  const out: FileRow[] = [];
  await readRows(file, layout, (rows) => {
    out.push(...rows.slice(0, n - out.length));
    return out.length < n;
  });
  return out;
}

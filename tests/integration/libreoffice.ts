import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

/**
 * LibreOffice for the document tests: each DOCX is converted to PDF the way an office would print it,
 * and poppler's pdftotext / pdftoppm read the result back; an XLSX is opened by Calc and saved as CSV.
 * Nothing is installed here.
 */

const SYSTEM_PATHS = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
];

export const NOT_FOUND =
  'LibreOffice not found: install it (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation2 fonts-dejavu-core poppler-utils) or set SOFFICE_PATH';

function oneLine(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}

export function findSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const wanted = env.SOFFICE_PATH;
  if (wanted) {
    if (fs.existsSync(wanted)) return wanted;
    throw oneLine(`SOFFICE_PATH=${wanted} does not exist. ${NOT_FOUND}`);
  }
  const found = SYSTEM_PATHS.find((p) => fs.existsSync(p));
  if (!found) throw oneLine(NOT_FOUND);
  return found;
}

/** Calc, which opens the spreadsheets: a Writer-only LibreOffice refuses an XLSX ("could not be loaded"). */
export function requireCalc(soffice = findSoffice()): void {
  const program = path.dirname(fs.realpathSync(soffice));
  if (!fs.existsSync(path.join(program, '..', 'share', 'registry', 'calc.xcd')))
    throw oneLine(
      'LibreOffice Calc not found: install it (Debian/Ubuntu: sudo apt-get install libreoffice-calc-nogui)',
    );
}

export function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdftoppm'])
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw oneLine(`${tool} not found: install poppler-utils (sudo apt-get install poppler-utils)`);
    }
}

let checked: string | null = null;

/** soffice with Calc beside it, and poppler, checked once per worker; stops with one line when missing. */
function tools(): string {
  if (checked) return checked;
  const soffice = findSoffice();
  requireCalc(soffice);
  requirePoppler();
  return (checked = soffice);
}

/**
 * Writes `data` as `<name>.<from>` in `dir` and has LibreOffice convert it (`--convert-to <to>`) with a
 * throwaway profile (so runs never share or lock one); returns the converted file's path.
 */
function convert(data: Buffer, dir: string, name: string, from: string, to: string): string {
  const soffice = tools();
  const input = path.join(dir, `${name}.${from}`);
  fs.writeFileSync(input, data);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-lo-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        dir,
        input,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const out = path.join(dir, `${name}.${to.split(':')[0]}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}

/** Converts a DOCX to PDF, as an office would print it. */
export function toPdf(docx: Buffer, dir: string, name = 'document'): string {
  return convert(docx, dir, name, 'docx', 'pdf');
}

/** A spreadsheet as LibreOffice Calc reads it: its first sheet saved as UTF-8 CSV with `;`, split in lines. */
export function spreadsheetLines(xlsx: Buffer, dir: string, name = 'sheet'): string[] {
  // Field separator 59 (;), text delimiter 34 ("), character set 76 (UTF-8).
  const csv = convert(xlsx, dir, name, 'xlsx', 'csv:Text - txt - csv (StarCalc):59,34,76');
  return fs.readFileSync(csv, 'utf8').split(/\r?\n/);
}

export function pdfText(pdf: string): string {
  tools();
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

export function pdfPages(pdf: string): number {
  tools();
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** The first page as a PNG beside the PDF (for looking at, and for the README's figures). */
export function firstPagePng(pdf: string, dpi = 60): string {
  tools();
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
  return `${prefix}.png`;
}

/** The parts of a DOCX (a ZIP) by name. */
export function docxParts(docx: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(docx));
}

/** The text of the document body, paragraph by paragraph, read from word/document.xml. */
export function docxText(docx: Buffer): string {
  const xml = strFromU8(docxParts(docx)['word/document.xml']!);
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    )
    .filter(Boolean)
    .join('\n');
}

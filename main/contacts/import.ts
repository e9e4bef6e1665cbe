/**
 * A contact file's import: the import itself in batches (and its dry run), and the API's uploads, preview
 * and import. When a large file uses the key filter and the bulk-write settings is decided in `bulk.ts`.
 */
import iconv from 'iconv-lite';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import {
  ImportOptionsSchema,
  MAX_IMPORT_BYTES,
  type ImportPreview,
  type ImportSummary,
  type ContactFieldDef,
  type ImportColumn,
  type RejectedRow,
  type RejectReason,
} from '../../shared/api/contacts';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { contactText } from '../../shared/i18n/ru/contacts';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/util/ids';
import type { z } from 'zod';
import { audit, stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow, officeToday } from '../office/queries';
import { statuses } from './settings';
import { fileLayout, firstRows, readRows, type FileLayout, type FileRow } from './file';
import { normalizeRow, type ImportedContact } from './normalize';
import { importFields, mappingOf, rememberMapping } from './mapping';
import { valueOf } from './values';
import { FacetBatch } from './facets';
import { KnownKeys } from './known-keys';
import { BULK_BATCH, BULK_FROM_BYTES, keyFilterPays, withBulkPragmas } from './bulk';
import { applyRow, dbTarget, dryTarget, type Outcome, type Target } from './targets';
import { removeUpload, uploadFiles, uploadsDir } from './uploads';

// The import itself.

type Options = z.output<typeof ImportOptionsSchema>;

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export interface ImportControl {
  /** Checked between batches: a cancelled import stops before the next batch, never inside one. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Rows per transaction (by default `DEFAULT_BATCH`, or `BULK_BATCH` for a large file). */
  batchSize?: number;
  /**
   * Files from this size up are matched through a key filter of the base (see `KnownKeys`); by default
   * the filter is used when it pays for itself (`keyFilterPays`).
   */
  keyFilterFromBytes?: number;
  /** Files from this size up are written with `BULK_PRAGMAS`, in batches of `BULK_BATCH`. */
  bulkFromBytes?: number;
  /** Told, inside each batch's transaction, the contacts its rows ended at (a campaign takes them in). */
  onContacts?: (db: WriteDb, contactIds: readonly string[]) => void;
}

/** Rejected rows returned inline; the downloadable CSV has all of them. */
const REJECTED_INLINE = 200;
/** Rows per transaction of a file below `BULK_FROM_BYTES`, unless the caller says otherwise. */
export const DEFAULT_BATCH = 5000;

/** Status names and codes, folded, to the code an import stores. */
function statusCodes(ctx: ReadContext): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of statuses(ctx)) {
    m.set(foldText(s.code), s.code);
    m.set(foldText(s.name), s.code);
  }
  return m;
}

/** A row the file itself breaks: its quoting, or more filled cells than the header has columns. */
function brokenReason(row: FileRow, width: number): RejectReason | null {
  if (row.brokenQuotes) return 'broken_quotes';
  if (row.values.length > width && row.values.slice(width).some((v) => v.trim() !== ''))
    return 'too_many_columns';
  return null;
}

export function rejectedCsv(headers: readonly string[], rejected: readonly RejectedRow[]): Buffer {
  const text = Papa.unparse(
    {
      fields: [...contactText.rejectedHeader, ...headers],
      data: rejected.map((r) => [String(r.line), contactText.rejectedWhy(r.reason, r.field), ...r.values]),
    },
    { delimiter: ';', escapeFormulae: true, newline: '\r\n' },
  );
  return iconv.encode(text, 'cp1251');
}

/**
 * Imports a file in batches, each one transaction (the rows, their change-log entries). A dry run reads the
 * same way and writes nothing. Every data row ends as created, merged, unchanged or skipped with a reason.
 */
export async function importFile(
  ctx: CallContext,
  file: string,
  fileName: string,
  options: Options,
  dryRun: boolean,
  control: ImportControl = {},
): Promise<ImportSummary> {
  const fields = importFields(ctx.store.read, options);
  const layout = fileLayout(file, options);
  const codes = statusCodes(ctx);
  const office = officeRow(ctx.store.read);
  const today = officeToday(ctx, office);
  const defaultSource = options.source ?? contactText.importSource(fileName);
  const totalBytes = fs.statSync(file).size;
  const bulk = !dryRun && totalBytes >= (control.bulkFromBytes ?? BULK_FROM_BYTES);
  const batchSize = control.batchSize ?? (bulk ? BULK_BATCH : DEFAULT_BATCH);
  const dry = dryRun ? dryTarget(ctx.store.read) : null;
  // A file row is rarely shorter than ~30 bytes and brings up to three keys: the filter is sized for all.
  const useFilter =
    !dryRun &&
    (control.keyFilterFromBytes === undefined
      ? keyFilterPays(ctx.store.read, totalBytes)
      : totalBytes >= control.keyFilterFromBytes);
  const known = useFilter ? KnownKeys.ofBase(ctx.store.read, Math.ceil(totalBytes / 10)) : null;

  const counts: Record<Outcome, number> = { created: 0, merged: 0, unchanged: 0 };
  const skippedBy: Record<string, number> = {};
  const rejected: RejectedRow[] = [];
  let headers: string[] | null = null;
  let mapping: ImportColumn[] = [];
  let rows = 0;
  let bytes = 0;
  let cancelled = false;
  const pending: FileRow[] = [];

  const flush = (): boolean => {
    if (control.signal?.aborted) {
      cancelled = true;
      return false;
    }
    const batch = pending.splice(0, batchSize);
    const done: Record<Outcome, number> = { created: 0, merged: 0, unchanged: 0 };
    const skipped: RejectedRow[] = [];
    const run = (t: Target, joined?: (contactId: string) => void): void => {
      for (const row of batch) {
        const broken = brokenReason(row, headers!.length);
        const n = broken ? null : normalizeRow(row.values, mapping, codes, defaultSource, today, fields);
        const reason = broken ?? (n && !n.ok ? n.reason : null);
        const field = n && !n.ok ? n.field : undefined;
        if (reason || !n?.ok)
          skipped.push({ line: row.line, reason: reason!, ...(field ? { field } : {}), values: row.values });
        else done[applyRow(t, n.contact, joined)]++;
      }
    };
    if (dry) run(dry);
    else
      ctx.store.transaction((db) => {
        known?.catchUp(db);
        const facets = new FacetBatch(db);
        const joined: string[] = [];
        run(
          dbTarget(db, office.id, stamp(ctx), known ?? undefined, facets),
          control.onContacts && ((id) => joined.push(id)),
        );
        facets.finish();
        control.onContacts?.(db, joined);
        known?.markSeen(db);
      });
    // Counted only once the batch is committed: a cancelled or failed batch leaves no trace in the summary.
    for (const k of Object.keys(done) as Outcome[]) counts[k] += done[k];
    for (const r of skipped) {
      skippedBy[r.reason] = (skippedBy[r.reason] ?? 0) + 1;
      rejected.push(r);
    }
    rows += batch.length;
    control.onProgress?.({ rows, bytes, totalBytes });
    return true;
  };

  let failure: { error: unknown } | null = null;
  const read = async (): Promise<void> => {
    await readRows(
      file,
      layout,
      (chunk) => {
        try {
          for (const row of chunk) {
            if (!headers) {
              headers = row.values.map((v) => v.trim());
              mapping = mappingOf(ctx.store.read, options, headers, fields).mapping;
              continue;
            }
            pending.push(row);
          }
          while (pending.length >= batchSize) if (!flush()) return false;
          return true;
        } catch (error) {
          // The batch's transaction rolled back; stop reading and report the failure to the caller.
          failure = { error };
          return false;
        }
      },
      (n) => (bytes += n),
    );
    if (!failure) while (!cancelled && pending.length > 0) flush();
  };
  await (bulk ? withBulkPragmas(ctx.store.sqlite, read) : read());
  if (failure) throw (failure as { error: unknown }).error;

  const summary: ImportSummary = {
    dryRun,
    cancelled,
    format: layout.format,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    rows,
    ...counts,
    skipped: rejected.length,
    skippedBy,
    rejected: rejected.slice(0, REJECTED_INLINE),
    rejectedCsvBase64: rejected.length > 0 ? rejectedCsv(headers ?? [], rejected).toString('base64') : null,
  };
  ctx.store.transaction((db) => {
    if (!dryRun && headers) rememberMapping(db, office.id, headers, mapping, stamp(ctx));
    const { rejected: _r, rejectedCsvBase64: _c, ...logged } = summary;
    audit(db, ctx, office.id, dryRun ? 'contacts.importDryRun' : 'contacts.import', null, null, {
      file: fileName,
      ...logged,
    });
  });
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// The API: uploads, preview, import.

export function upload(ctx: CallContext, input: ParsedInput<'contacts.upload'>): Output<'contacts.upload'> {
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length > MAX_IMPORT_BYTES)
    throw new ApiError('validation', 'dataBase64: the file is too large', { field: 'dataBase64' });
  const dir = uploadsDir(ctx);
  fs.mkdirSync(dir, { recursive: true });
  const uploadId = newId(ctx.clock.now().getTime());
  fs.writeFileSync(path.join(dir, uploadId), data);
  fs.writeFileSync(path.join(dir, `${uploadId}.name`), input.name);
  ctx.store.transaction((db) =>
    audit(db, ctx, officeRow(db).id, 'contacts.upload', null, null, { name: input.name, bytes: data.length }),
  );
  return { uploadId };
}

/**
 * The file behind a source: an upload, or a path, which only the command line may name. Checked before an
 * import starts, in the background or not, so a refused source is refused by the call that names it.
 */
export function sourceFile(
  ctx: ReadContext,
  source: ParsedInput<'contacts.import'>['source'],
): { file: string; name: string } {
  if ('path' in source) {
    if (!ctx.may.localFiles)
      throw new ApiError('forbidden', 'only the command line may import a file by its path', {
        field: 'source.path',
      });
    if (!fs.existsSync(source.path))
      throw new ApiError('not_found', 'no such file', { field: 'source.path' });
    return { file: source.path, name: path.basename(source.path) };
  }
  const [file, nameFile] = uploadFiles(uploadsDir(ctx), source.uploadId);
  if (!fs.existsSync(file)) throw new ApiError('not_found', 'no such upload', { field: 'source.uploadId' });
  return { file, name: fs.existsSync(nameFile) ? fs.readFileSync(nameFile, 'utf8') : source.uploadId };
}

const PREVIEW_ROWS = 10;

export async function preview(
  ctx: ReadContext,
  input: ParsedInput<'contacts.importPreview'>,
): Promise<ImportPreview> {
  const { file, name } = sourceFile(ctx, input.source);
  const fields = importFields(ctx.store.read, input.options);
  const layout: FileLayout = fileLayout(file, input.options);
  const [head, ...rows] = await firstRows(file, layout, PREVIEW_ROWS + 1);
  const headers = (head?.values ?? []).map((v) => v.trim());
  const { mapping, remembered } = mappingOf(ctx.store.read, input.options, headers, fields);
  const codes = statusCodes(ctx);
  const source = input.options.source ?? contactText.importSource(name);
  return {
    format: layout.format,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    headers,
    mapping,
    remembered,
    rows: rows.map((row) => {
      const broken = brokenReason(row, headers.length);
      const n = broken
        ? null
        : normalizeRow(
            row.values,
            mapping,
            codes,
            source,
            officeToday(ctx, officeRow(ctx.store.read)),
            fields,
          );
      const reason = broken ?? (n && !n.ok ? n.reason : null);
      return {
        line: row.line,
        values: row.values,
        normalized: n?.ok ? previewValues(n.contact, fields) : null,
        reason: reason ? contactText.rejectedWhy(reason, n && !n.ok ? n.field : undefined) : null,
      };
    }),
  };
}

function previewValues(
  c: ImportedContact,
  fields: ReadonlyMap<string, ContactFieldDef>,
): Record<string, string> {
  const out: Record<string, string> = { fullName: c.fullName };
  if (c.phones.length > 0) out.phone = c.phones.map((p) => p.phone).join(', ');
  const rest: [string, string | null][] = [
    ['email', c.email],
    ['address', c.address],
    ['district', c.district],
    ['birthDate', c.birthDate],
    ['source', c.source],
  ];
  for (const [k, v] of rest) if (v) out[k] = v;
  if (c.statuses.length > 0) out.statuses = c.statuses.join(', ');
  if (c.tags.length > 0) out.tags = c.tags.join(', ');
  for (const [id, v] of c.fields) out[fields.get(id)?.name ?? id] = String(valueOf(v));
  return out;
}

export async function importContacts(
  ctx: CallContext,
  input: ParsedInput<'contacts.import'>,
  control: ImportControl = {},
): Promise<Output<'contacts.import'>> {
  const { file, name } = sourceFile(ctx, input.source);
  try {
    return await importFile(ctx, file, name, input.options, input.dryRun, control);
  } finally {
    // The list has served once it is imported (or the import stopped): personal data is not kept
    // longer than needed. A dry run leaves it for the import that follows.
    if (!input.dryRun && 'uploadId' in input.source && ctx.dataDir)
      removeUpload(ctx.dataDir, input.source.uploadId);
  }
}

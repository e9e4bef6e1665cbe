/**
 * The files of the deputy's own records (a поручение's, a наказ's): the content is kept once per hash in
 * the office's data folder, as an appeal's attachments are (main/attachments), and a synced row of the
 * record's own table names it. These are the write and read halves both records share.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AssignmentFileTable, MandateFileTable } from '../../db/schema';
import type { ReadDb } from '../../db/sql';
import type { AttachmentMime } from '../../shared/api/attachments';
import type { KeptFile } from '../../shared/api/assignments';
import { ApiError } from '../../shared/api/define';
import {
  attachmentPath,
  CONTENT_NOT_OF_TYPE,
  FILE_DAMAGED,
  FILE_NOT_HERE,
  keepFile,
  keptFile,
} from '../attachments/attachments';
import { contentMatches } from '../attachments/signature';
import type { ReadContext } from '../kernel/context';

function dataDirOf(ctx: ReadContext): string {
  if (!ctx.dataDir) throw new ApiError('internal', 'this office was opened without a data folder for files');
  return ctx.dataDir;
}

/** An upload checked against its declared type and kept by its hash, before the row that names it. */
export function keepUpload(
  ctx: ReadContext,
  mime: AttachmentMime,
  dataBase64: string,
): { sha256: string; size: number } {
  const dir = dataDirOf(ctx);
  const data = Buffer.from(dataBase64, 'base64');
  if (!contentMatches(mime, data))
    throw new ApiError('validation', `dataBase64: ${CONTENT_NOT_OF_TYPE}`, { field: 'dataBase64' });
  const sha256 = createHash('sha256').update(data).digest('hex');
  keepFile(dir, sha256, data);
  return { sha256, size: data.length };
}

type FileTable = 'assignment_files' | 'mandate_files';
type FileRow = AssignmentFileTable | MandateFileTable;

export const toKeptFile = (f: FileRow): KeptFile => ({
  id: f.id,
  name: f.name,
  mime: f.mime as AttachmentMime,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.created_at,
});

/** A record's files, as its card lists them, oldest first. */
export function filesOf(db: ReadDb, table: FileTable, column: string, ownerId: string): KeptFile[] {
  return db
    .rawAll<FileRow>(
      `SELECT * FROM ${table} WHERE ${column} = ? AND deleted_at IS NULL ORDER BY created_at, hlc`,
      ownerId,
    )
    .map(toKeptFile);
}

/** A record's file with its content, checked against its hash; the row's id names it. */
export function keptFileContent(
  ctx: ReadContext,
  table: FileTable,
  id: string,
): KeptFile & { dataBase64: string } {
  const row = ctx.store.read.rawGet<FileRow>(
    `SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`,
    id,
  );
  if (!row) throw new ApiError('not_found', 'no such file', { field: 'id' });
  const data = keptFile(dataDirOf(ctx), row.sha256);
  if (!data) {
    // Present but not matching its hash: damaged here; absent: not brought by a sync yet, or removed.
    const present = fs.existsSync(attachmentPath(dataDirOf(ctx), row.sha256));
    throw new ApiError(present ? 'invalid_state' : 'not_found', present ? FILE_DAMAGED : FILE_NOT_HERE, {
      field: 'id',
      details: { name: row.name },
    });
  }
  return { ...toKeptFile(row), dataBase64: data.toString('base64') };
}

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ReadDb } from '../../db/sql';
import type { AttachmentTable } from '../../db/schema';
import type { Attachment, AttachmentMime } from '../../shared/api/attachments';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { appealHistory, audit, insertSynced, newSyncColumns, stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { appealRow } from '../appeals/queries';
import { contentMatches } from './signature';

/**
 * Attached files live once per content in the office's data folder, `files/<first 2 hex>/<sha256>`;
 * rows in `attachments` name them. The file is written before the row, so a committed row never points
 * at a missing file; a failed transaction at worst leaves an unreferenced file that a later equal upload reuses.
 */

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

function filesRoot(ctx: ReadContext): string {
  if (!ctx.dataDir) throw new ApiError('internal', 'this office was opened without a data folder for files');
  return path.join(ctx.dataDir, 'files');
}

export function attachmentPath(dataDir: string, hash: string): string {
  return path.join(dataDir, 'files', hash.slice(0, 2), hash);
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Writes under a temporary name, flushes, then renames: a crash leaves either no file or the whole file. */
function storeFile(root: string, hash: string, data: Buffer): void {
  const dir = path.join(root, hash.slice(0, 2));
  const target = path.join(dir, hash);
  const existing = readIfPresent(target);
  // Same content already kept: nothing to write. A damaged copy is replaced by the good bytes.
  if (existing && sha256(existing) === hash) return;
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, target);
  syncDir(dir);
}

/** Makes the rename itself durable; not every platform lets a folder be opened for that (Windows). */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const toAttachment = (a: AttachmentTable): Attachment => ({
  id: a.id,
  appealId: a.appeal_id,
  requestId: a.request_id,
  name: a.name,
  mime: a.mime as AttachmentMime,
  size: a.size,
  sha256: a.sha256,
  createdAt: a.created_at,
});

/** The request must be one of this appeal's: an answer filed under another appeal would be lost there. */
function checkRequest(db: ReadDb, appealId: string, requestId: string): void {
  const q = db.get(
    db.qb
      .selectFrom('external_requests')
      .select('appeal_id')
      .where('id', '=', requestId)
      .where('deleted_at', 'is', null),
  );
  if (!q) throw new ApiError('not_found', 'no such request', { field: 'requestId' });
  if (q.appeal_id !== appealId)
    throw new ApiError('validation', 'requestId: the request belongs to another appeal', {
      field: 'requestId',
      issues: [{ field: 'requestId', message: 'the request belongs to another appeal' }],
    });
}

/** The message when a file's content is not of the type it was declared as (see `contentMatches`). */
export const CONTENT_NOT_OF_TYPE = 'the content is not of the declared file type';

/**
 * The message when a kept file no longer matches its hash: a 4xx-class answer, since the server works and
 * the file on this computer is what failed; the user can do something about it.
 */
export const FILE_DAMAGED =
  'the file is damaged on this computer: its content no longer matches what was attached. Restore the data folder from a backup or attach the file again; if it was attached on another computer, that computer still has it';

export function add(ctx: CallContext, i: ParsedInput<'attachments.add'>): Output<'attachments.add'> {
  const root = filesRoot(ctx);
  const requestId = i.requestId ?? null;
  // Checked before the file is written, so a refused call leaves nothing on disk.
  appealRow(ctx.store.read, i.appealId);
  if (requestId) checkRequest(ctx.store.read, i.appealId, requestId);
  const data = Buffer.from(i.dataBase64, 'base64');
  if (!contentMatches(i.mime, data))
    throw new ApiError('validation', `dataBase64: ${CONTENT_NOT_OF_TYPE}`, {
      field: 'dataBase64',
      issues: [{ field: 'dataBase64', message: CONTENT_NOT_OF_TYPE }],
      details: { mime: i.mime },
    });
  const hash = sha256(data);
  storeFile(root, hash, data);
  return ctx.store.transaction((db) => {
    // Again inside the transaction: the appeal or request may have gone while the file was written.
    appealRow(db, i.appealId);
    if (requestId) checkRequest(db, i.appealId, requestId);
    const office = officeRow(db);
    const st = stamp(ctx);
    const row: AttachmentTable = {
      ...newSyncColumns(st, office.id),
      appeal_id: i.appealId,
      request_id: requestId,
      sha256: hash,
      name: i.name,
      mime: i.mime,
      size: data.length,
    };
    insertSynced(db, 'attachments', row);
    appealHistory(db, ctx, st, office.id, i.appealId, 'attachmentAdded', {}, i.name);
    audit(db, ctx, office.id, 'attachments.add', 'attachment', row.id, {
      appealId: i.appealId,
      requestId,
      name: i.name,
      size: row.size,
      sha256: hash,
    });
    return toAttachment(row);
  });
}

export function list(ctx: ReadContext, i: ParsedInput<'attachments.list'>): Output<'attachments.list'> {
  const db = ctx.store.read;
  appealRow(db, i.appealId);
  return db
    .all(
      db.qb
        .selectFrom('attachments')
        .selectAll()
        .where('appeal_id', '=', i.appealId)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        // Within one instant (a fixed clock, a batch) the HLC stamp keeps the order they were added in.
        .orderBy('hlc'),
    )
    .map(toAttachment);
}

/** A file that came from elsewhere (sync): kept under its hash once its bytes are checked against it. */
export function keepFile(dataDir: string, hash: string, data: Buffer): void {
  if (sha256(data) !== hash) throw new Error(`the file sent for ${hash} does not match that hash`);
  storeFile(path.join(dataDir, 'files'), hash, data);
}

/**
 * Keeps many files at once, as `keepFile` keeps one (temporary name, flushed, renamed, the folder flushed),
 * with their flushes run side by side: the disk commits them together instead of one after another.
 */
export async function keepFiles(
  dataDir: string,
  files: readonly { hash: string; data: Buffer }[],
): Promise<void> {
  const root = path.join(dataDir, 'files');
  const todo = new Map<string, { target: string; temp: string }>();
  for (const { hash, data } of files) {
    if (sha256(data) !== hash) throw new Error(`the file sent for ${hash} does not match that hash`);
    const dir = path.join(root, hash.slice(0, 2));
    const target = path.join(dir, hash);
    const existing = readIfPresent(target);
    if (todo.has(hash) || (existing && sha256(existing) === hash)) continue;
    fs.mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
    fs.writeFileSync(temp, data, { flag: 'wx', mode: 0o600 });
    todo.set(hash, { target, temp });
  }
  const flush = async (file: string, flags: string): Promise<void> => {
    const h = await fs.promises.open(file, flags);
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  };
  await Promise.all([...todo.values()].map((f) => flush(f.temp, 'r+')));
  for (const f of todo.values()) fs.renameSync(f.temp, f.target);
  if (process.platform !== 'win32')
    await Promise.all(
      [...new Set([...todo.values()].map((f) => path.dirname(f.target)))].map((d) => flush(d, 'r')),
    );
}

/** The kept file of a hash, checked against it; null when it is not here (or no longer matches). */
export function keptFile(dataDir: string, hash: string): Buffer | null {
  const data = readIfPresent(attachmentPath(dataDir, hash));
  return data && sha256(data) === hash ? data : null;
}

/** The message when an attachment's file is not in this computer's data folder. */
export const FILE_NOT_HERE =
  'the file is not on this computer yet: it was attached on another one and comes with a sync once that one has sent it, or it was removed from the data folder';

export function get(ctx: ReadContext, i: ParsedInput<'attachments.get'>): Output<'attachments.get'> {
  const db = ctx.store.read;
  const row = db.get(
    db.qb.selectFrom('attachments').selectAll().where('id', '=', i.id).where('deleted_at', 'is', null),
  );
  if (!row) throw new ApiError('not_found', 'no such attachment', { field: 'id' });
  const file = path.join(filesRoot(ctx), row.sha256.slice(0, 2), row.sha256);
  const data = readIfPresent(file);
  // Sync brings an attachment's record first and its file after (main/sync/files.ts), once the computer
  // it was attached on has sent it: until then the record is listed here and the file is not.
  if (!data)
    // No path in the answer: where the data folder lies is the computer's business, not the caller's.
    throw new ApiError('not_found', FILE_NOT_HERE, { field: 'id', details: { name: row.name } });
  // A file changed on disk must not be handed out as the one that was attached.
  if (data.length !== row.size || sha256(data) !== row.sha256)
    throw new ApiError('invalid_state', FILE_DAMAGED, { field: 'id', details: { name: row.name } });
  return { ...toAttachment(row), dataBase64: data.toString('base64') };
}

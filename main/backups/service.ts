import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { backupText } from '../../shared/i18n/ru/backups';
import { audit } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { localOfficeId, officeRow } from '../office/queries';
import type { Manifest } from './manifest';
import type { ReadDb } from '../../db/sql';
import { backupFolder, ERROR_KEY, FOLDER_KEY, lastBackupError, listBackups } from './queries';
import { restoreOver, RestoreRefused } from './restore';
import { KEEP } from './rotation';
import { BackupDamaged, verifyBackup } from './verify';
import { writeBackup, type BackupSource } from './write';

function dataDirOf(ctx: ReadContext): string {
  if (!ctx.dataDir) throw new ApiError('internal', 'this office was opened without a data folder');
  return ctx.dataDir;
}

export function sourceOf(sqlite: Database.Database, db: ReadDb, dataDir: string): BackupSource {
  const office = officeRow(db);
  return { sqlite, dataDir, office: { id: office.id, name: office.name, timeZone: office.time_zone } };
}

function overviewOf(db: ReadDb): Output<'backups.overview'> {
  const folder = backupFolder(db);
  return {
    folder,
    lastError: lastBackupError(db),
    keep: { ...KEEP },
    backups: folder ? listBackups(folder, officeRow(db).id) : [],
  };
}

export function overview(ctx: ReadContext): Output<'backups.overview'> {
  return overviewOf(ctx.store.read);
}

function requireFolder(db: ReadDb): string {
  const folder = backupFolder(db);
  if (!folder) throw new ApiError('invalid_state', backupText.noFolder, { field: 'folder' });
  return folder;
}

/** The folder must be an absolute path this computer can write to, outside the data folder it protects. */
function checkFolder(folder: string, dataDir: string): string {
  const refuse = (message: string): never => {
    throw new ApiError('validation', `folder: ${message}`, {
      field: 'folder',
      issues: [{ field: 'folder', message }],
    });
  };
  if (!path.isAbsolute(folder)) refuse(backupText.folderNotAbsolute);
  const resolved = path.resolve(folder);
  const data = path.resolve(dataDir);
  if (resolved === data || resolved.startsWith(data + path.sep)) refuse(backupText.folderInsideData);
  try {
    fs.mkdirSync(resolved, { recursive: true });
    const probe = path.join(resolved, `.priemnaya-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch {
    refuse(backupText.folderNotWritable);
  }
  return resolved;
}

export function setFolder(
  ctx: CallContext,
  i: ParsedInput<'backups.setFolder'>,
): Output<'backups.setFolder'> {
  const folder = i.folder === null ? null : checkFolder(i.folder, dataDirOf(ctx));
  ctx.store.transaction((db) => {
    if (folder === null) db.rawRun('DELETE FROM local_state WHERE key = ?', FOLDER_KEY);
    else
      db.rawRun(
        'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        FOLDER_KEY,
        folder,
      );
    db.rawRun('DELETE FROM local_state WHERE key = ?', ERROR_KEY);
    audit(db, ctx, officeRow(db).id, 'backups.setFolder', null, null, { folder });
  });
  return overviewOf(ctx.store.read);
}

export async function run(ctx: CallContext): Promise<Output<'backups.run'>> {
  const db = ctx.store.read;
  const folder = requireFolder(db);
  const result = await writeBackup(
    sourceOf(ctx.store.sqlite, db, dataDirOf(ctx)),
    folder,
    'manual',
    ctx.clock.now(),
  );
  ctx.store.transaction((w) => {
    w.rawRun('DELETE FROM local_state WHERE key = ?', ERROR_KEY);
    audit(w, ctx, officeRow(w).id, 'backups.run', null, null, { name: result.entry.name });
  });
  return { backup: result.entry, removed: result.removed, ms: result.ms };
}

/**
 * Restores a listed backup: verified first (a damaged one is refused and nothing changes), then the
 * current state is backed up and verified in its turn, then the backup replaces the office's data.
 */
export async function restore(
  ctx: CallContext,
  i: ParsedInput<'backups.restore'>,
): Promise<Output<'backups.restore'>> {
  const db = ctx.store.read;
  const folder = requireFolder(db);
  const dataDir = dataDirOf(ctx);
  const officeId = officeRow(db).id;
  const dir = path.join(folder, i.name);
  if (!listBackups(folder, officeId).some((b) => b.name === i.name))
    throw new ApiError('not_found', backupText.noSuchBackup, { field: 'name' });
  const { sqlite } = ctx.store;
  let before: string;
  try {
    const manifest = await verifyBackup(sqlite, dir);
    const current = sourceOf(sqlite, db, dataDir);
    before = (await writeBackup(current, folder, 'before_restore', ctx.clock.now(), false)).entry.name;
    const target = { sqlite, dbFile: sqlite.name, dataDir, nativeBinding: ctx.nativeBinding };
    await restoreOver(target, dir, officeId, manifest);
  } catch (e) {
    if (e instanceof BackupDamaged)
      throw new ApiError('invalid_state', backupText.damaged, { field: 'name' });
    if (e instanceof RestoreRefused)
      throw new ApiError('invalid_state', backupText.refused[e.reason], { field: 'name' });
    throw e;
  }
  ctx.store.transaction((w) =>
    audit(w, ctx, officeRow(w).id, 'backups.restore', null, null, { restored: i.name, before }),
  );
  return { restored: i.name, before };
}

/**
 * The command line's restore from a backup folder named by path: into an open office (its current state
 * backed up first, into its backup folder or beside the backup), for a person at this computer.
 */
export async function restoreFromFolder(
  ctx: CallContext,
  dir: string,
): Promise<{ manifest: Manifest; before: string }> {
  const db = ctx.store.read;
  const { sqlite } = ctx.store;
  const dataDir = dataDirOf(ctx);
  const officeId = localOfficeId(db);
  const manifest = await verifyBackup(sqlite, dir);
  if (officeId !== null && manifest.officeId !== officeId) throw new RestoreRefused('other_office');
  const folder = backupFolder(db) ?? path.dirname(path.resolve(dir));
  const before = officeId
    ? (await writeBackup(sourceOf(sqlite, db, dataDir), folder, 'before_restore', ctx.clock.now(), false))
        .entry.name
    : '';
  await restoreOver(
    { sqlite, dbFile: sqlite.name, dataDir, nativeBinding: ctx.nativeBinding },
    dir,
    officeId,
    manifest,
  );
  return { manifest, before };
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../db/connect';
import { BACKUP_DB, fileHash, storedFile, type Manifest } from './manifest';
import { FOLDER_KEY } from './queries';
import { verifyBackup } from './verify';

/**
 * Restoring, while the office is open (the desktop app, browser mode): the backup is verified, made
 * current (migrated) in a scratch copy, its attached files are put beside the office's own, and then
 * SQLite's online backup copies it over the open database, page by page inside one write transaction
 * of the database file. Every connection to the file (the app's, the checkpointer's, another window's)
 * stays valid and sees the restored data at its next statement, so nothing has to be reopened and no
 * file is swapped under an open handle; a failure before the last step changes nothing, and the copy
 * itself commits whole or not at all. The caller backs up the current state first (`service.ts`).
 */

export interface RestoreTarget {
  /** The office's open connection. */
  sqlite: Database.Database;
  dbFile: string;
  dataDir: string;
  nativeBinding?: string;
}

export class RestoreRefused extends Error {
  constructor(readonly reason: 'other_office' | 'newer_app' | 'page_size') {
    super(`restore refused: ${reason}`);
    this.name = 'RestoreRefused';
  }
}

/** Puts a backup's attached files into a data folder: only those absent or damaged there. */
export async function restoreFiles(backupDir: string, manifest: Manifest, dataDir: string): Promise<number> {
  let copied = 0;
  for (const f of manifest.files) {
    const target = storedFile(dataDir, f.sha256);
    if (fs.existsSync(target) && (await fileHash(target)) === f.sha256) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.promises.copyFile(storedFile(backupDir, f.sha256), temp);
    fs.renameSync(temp, target);
    copied++;
  }
  return copied;
}

/**
 * A scratch copy of the backup's database in the data folder, migrated to this app's schema, for the
 * caller to copy from and then delete. Refuses a backup written by a newer app.
 */
export function preparedCopy(backupDir: string, dataDir: string, nativeBinding?: string): string {
  const scratch = path.join(dataDir, `.restore-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(scratch);
  const file = path.join(scratch, BACKUP_DB);
  fs.copyFileSync(path.join(backupDir, BACKUP_DB), file);
  try {
    const db = openDatabase(file, { nativeBinding, backupDir: scratch });
    db.pragma('journal_mode = DELETE');
    closeDatabase(db);
  } catch (e) {
    fs.rmSync(scratch, { recursive: true, force: true });
    if (e instanceof Error && e.name === 'SchemaTooNewError') throw new RestoreRefused('newer_app');
    throw e;
  }
  return file;
}

interface SessionRow {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** Restores a verified backup over the open office (see the note above). */
export async function restoreOver(
  target: RestoreTarget,
  backupDir: string,
  officeId: string | null,
  verified?: Manifest,
): Promise<Manifest> {
  const manifest = verified ?? (await verifyBackup(target.sqlite, backupDir));
  if (officeId !== null && manifest.officeId !== officeId) throw new RestoreRefused('other_office');
  const copy = preparedCopy(backupDir, target.dataDir, target.nativeBinding);
  try {
    await restoreFiles(backupDir, manifest, target.dataDir);
    const { sqlite } = target;
    // What stays this computer's own: where its backups go, and who is signed in on it now.
    const folder = sqlite
      .prepare<[string], { value: string }>('SELECT value FROM local_state WHERE key = ?')
      .get(FOLDER_KEY);
    const sessions = sqlite.prepare<[], SessionRow>('SELECT * FROM sessions').all();
    sqlite.prepare('ATTACH DATABASE ? AS restore_source').run(copy);
    try {
      const pageSize = (schema: string): number =>
        sqlite.pragma(`${schema}.page_size`, { simple: true }) as number;
      if (pageSize('restore_source') !== pageSize('main')) throw new RestoreRefused('page_size');
      // The driver copies from an attached database (its `attached` option; the type file omits it).
      const options = { attached: 'restore_source', progress: () => 0x7fffffff };
      await sqlite.backup(target.dbFile, options as Database.BackupOptions);
    } finally {
      sqlite.prepare('DETACH DATABASE restore_source').run();
    }
    sqlite.transaction(() => {
      if (folder)
        sqlite
          .prepare(
            'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          )
          .run(FOLDER_KEY, folder.value);
      const keep = sqlite.prepare(
        `INSERT OR IGNORE INTO sessions (token_hash, user_id, created_at, expires_at)
         SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)`,
      );
      for (const s of sessions) keep.run(s.token_hash, s.user_id, s.created_at, s.expires_at, s.user_id);
    })();
  } finally {
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
  return manifest;
}

/** Restores into a data folder holding no database yet (a new computer): the copy simply becomes it. */
export async function restoreFresh(
  backupDir: string,
  dbFile: string,
  nativeBinding?: string,
): Promise<Manifest> {
  if (fs.existsSync(dbFile)) throw new Error(`${dbFile} already exists`);
  const dataDir = path.dirname(path.resolve(dbFile));
  const checker = new Database(':memory:', { nativeBinding });
  let manifest: Manifest;
  try {
    manifest = await verifyBackup(checker, backupDir);
  } finally {
    checker.close();
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const copy = preparedCopy(backupDir, dataDir, nativeBinding);
  try {
    await restoreFiles(backupDir, manifest, dataDir);
    fs.renameSync(copy, dbFile);
  } finally {
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  }
  return manifest;
}

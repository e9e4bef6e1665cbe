import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_DB, fileHash, readManifest, storedFile, type Manifest } from './manifest';

/** Why a backup cannot be trusted: a short English reason for the log; the screen says it in Russian. */
export class BackupDamaged extends Error {
  constructor(
    readonly backup: string,
    readonly reason: string,
  ) {
    super(`the backup ${path.basename(backup)} is damaged: ${reason}`);
    this.name = 'BackupDamaged';
  }
}

/**
 * Reads a copy through a connection the caller already has (the office's own, or any in the command
 * line): attached beside its main database, so the desktop app's build of the driver serves it.
 */
export function withAttached<T>(sqlite: Database.Database, file: string, fn: () => T): T {
  sqlite.prepare('ATTACH DATABASE ? AS backup_copy').run(file);
  try {
    return fn();
  } finally {
    sqlite.prepare('DETACH DATABASE backup_copy').run();
  }
}

/** The hashes of attached files a database copy names. */
export function attachmentHashes(sqlite: Database.Database, file: string): string[] {
  return withAttached(sqlite, file, () =>
    sqlite
      .prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM backup_copy.attachments ORDER BY sha256')
      .all()
      .map((r) => r.sha256),
  );
}

/**
 * Checks a written backup end to end: the manifest reads, the database file has the hash it was written
 * with and passes SQLite's integrity check, every attached file it names is present (or was missing on
 * this computer when it was made) and has the content its name says. Returns the manifest.
 */
export async function verifyBackup(sqlite: Database.Database, dir: string): Promise<Manifest> {
  let manifest: Manifest;
  try {
    manifest = readManifest(dir);
  } catch (e) {
    throw new BackupDamaged(dir, `no readable manifest (${e instanceof Error ? e.message : String(e)})`);
  }
  const dbFile = path.join(dir, BACKUP_DB);
  if (!fs.existsSync(dbFile)) throw new BackupDamaged(dir, 'the database file is missing');
  if ((await fileHash(dbFile)) !== manifest.db.sha256)
    throw new BackupDamaged(dir, 'the database file was changed');
  let hashes: string[];
  try {
    hashes = withAttached(sqlite, dbFile, () => {
      const result = sqlite.pragma('backup_copy.integrity_check') as { integrity_check: string }[];
      if (result.length !== 1 || result[0]!.integrity_check !== 'ok')
        throw new BackupDamaged(dir, `integrity check: ${result.map((r) => r.integrity_check).join('; ')}`);
      return sqlite
        .prepare<[], { sha256: string }>('SELECT DISTINCT sha256 FROM backup_copy.attachments')
        .all()
        .map((r) => r.sha256);
    });
  } catch (e) {
    if (e instanceof BackupDamaged) throw e;
    throw new BackupDamaged(
      dir,
      `the database does not open (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const listed = new Set([...manifest.files.map((f) => f.sha256), ...manifest.missing]);
  for (const h of hashes)
    if (!listed.has(h)) throw new BackupDamaged(dir, `the file ${h} is not in the backup`);
  for (const f of manifest.files) {
    const file = storedFile(dir, f.sha256);
    if (!fs.existsSync(file)) throw new BackupDamaged(dir, `the file ${f.sha256} is missing`);
    if ((await fileHash(file)) !== f.sha256) throw new BackupDamaged(dir, `the file ${f.sha256} was changed`);
  }
  return manifest;
}

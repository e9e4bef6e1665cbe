import fs from 'node:fs';
import path from 'node:path';
import type { ReadDb } from '../../db/sql';
import { BACKUP_PREFIX, readManifest, type Manifest } from './manifest';

/**
 * The folder backups go to is this computer's setting (a second disk, a network share): kept in
 * `local_state`, which sync never carries, so another computer of the office keeps its own.
 */
export const FOLDER_KEY = 'backup_folder';
/** The last scheduled backup's failure on this computer (cleared by the next success). */
export const ERROR_KEY = 'backup_last_error';

const localValue = (db: ReadDb, key: string): string | null =>
  db.rawGet<{ value: string }>('SELECT value FROM local_state WHERE key = ?', key)?.value ?? null;

export function backupFolder(db: ReadDb): string | null {
  return localValue(db, FOLDER_KEY);
}

export interface BackupError {
  at: string;
  message: string;
}

export function lastBackupError(db: ReadDb): BackupError | null {
  const v = localValue(db, ERROR_KEY);
  return v ? (JSON.parse(v) as BackupError) : null;
}

export interface BackupEntry {
  name: string;
  kind: Manifest['kind'];
  createdAt: string;
  localDate: string;
  officeName: string;
  schemaVersion: number;
  /** Bytes: the database and the attached files. */
  size: number;
  files: number;
  missingFiles: number;
}

/**
 * This office's backups in a folder, newest first, read from their manifests (a folder without one, or
 * of another office, is not listed; a temporary folder of a backup being written is hidden).
 */
export function listBackups(folder: string, officeId: string | null): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    if (!name.startsWith(BACKUP_PREFIX)) continue;
    let m: Manifest;
    try {
      m = readManifest(path.join(folder, name));
    } catch {
      continue;
    }
    if (officeId !== null && m.officeId !== officeId) continue;
    entries.push({
      name,
      kind: m.kind,
      createdAt: m.createdAt,
      localDate: m.localDate,
      officeName: m.officeName,
      schemaVersion: m.schemaVersion,
      size: m.db.size + m.files.reduce((s, f) => s + f.size, 0),
      files: m.files.length,
      missingFiles: m.missing.length,
    });
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

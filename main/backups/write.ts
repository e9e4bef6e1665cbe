import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { localDate, localMinutes } from '../../shared/util/clock';
import {
  BACKUP_DB,
  BACKUP_PREFIX,
  backupName,
  fileHash,
  MANIFEST,
  storedFile,
  type Manifest,
} from './manifest';
import { listBackups, type BackupEntry } from './queries';
import { rotate } from './rotation';
import { attachmentHashes, verifyBackup } from './verify';

export interface BackupSource {
  /** The office's open connection: VACUUM INTO from it is a consistent copy, live WAL and all. */
  sqlite: Database.Database;
  /** The office's data folder (attached files under `files/`). */
  dataDir: string;
  office: { id: string; name: string; timeZone: string };
}

export interface BackupResult {
  entry: BackupEntry;
  /** Backups rotation deleted after this one was written. */
  removed: string[];
  ms: number;
}

function localTime(now: Date, timeZone: string): string {
  const m = localMinutes(now, timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(m / 60))}${pad(m % 60)}${pad(now.getUTCSeconds())}`;
}

/** Copies a file, then flushes it to the disk (a backup that the next power cut loses is none). */
async function copyDurably(from: string, to: string): Promise<void> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  await fs.promises.copyFile(from, to);
  const fd = fs.openSync(to, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Attached files are kept by content and never change, so a backup shares each file an earlier backup
 * in the folder already holds (a hard link: 23 kept backups take the files' room about once). A folder
 * that cannot link (some network shares) gets a copy; verification reads every file either way.
 */
async function linkFromEarlier(earlier: string[], sha256: string, to: string): Promise<boolean> {
  for (const dir of earlier) {
    const from = storedFile(dir, sha256);
    if (!fs.existsSync(from) || (await fileHash(from)) !== sha256) continue;
    try {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.linkSync(from, to);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Writes one backup into `folder`, verifies it, and only then gives it its name; then rotates this
 * office's backups there. A failure leaves no backup behind (the temporary folder is removed).
 */
export async function writeBackup(
  src: BackupSource,
  folder: string,
  kind: Manifest['kind'],
  now: Date,
  rotation = true,
): Promise<BackupResult> {
  const started = performance.now();
  fs.mkdirSync(folder, { recursive: true });
  const date = localDate(now, src.office.timeZone);
  let name = backupName(date, localTime(now, src.office.timeZone));
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++)
    name = `${backupName(date, localTime(now, src.office.timeZone))}-${n}`;
  const temp = path.join(folder, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  fs.mkdirSync(temp);
  try {
    const dbFile = path.join(temp, BACKUP_DB);
    src.sqlite.prepare('VACUUM INTO ?').run(dbFile);
    // The newest earlier backup: a file it holds is linked, not copied again (files never change).
    const earlier = listBackups(folder, src.office.id)
      .slice(0, 1)
      .map((b) => path.join(folder, b.name));
    const files: Manifest['files'] = [];
    const missing: string[] = [];
    for (const sha256 of attachmentHashes(src.sqlite, dbFile)) {
      const from = storedFile(src.dataDir, sha256);
      // A file this computer lacks or holds damaged is named, not copied: its own computer still has it.
      if (!fs.existsSync(from) || (await fileHash(from)) !== sha256) {
        missing.push(sha256);
        continue;
      }
      if (!(await linkFromEarlier(earlier, sha256, storedFile(temp, sha256))))
        await copyDurably(from, storedFile(temp, sha256));
      files.push({ sha256, size: fs.statSync(from).size });
    }
    const manifest: Manifest = {
      format: 1,
      officeId: src.office.id,
      officeName: src.office.name,
      kind,
      createdAt: now.toISOString(),
      localDate: date,
      schemaVersion: src.sqlite.pragma('user_version', { simple: true }) as number,
      db: { size: fs.statSync(dbFile).size, sha256: await fileHash(dbFile) },
      files,
      missing,
    };
    fs.writeFileSync(path.join(temp, MANIFEST), JSON.stringify(manifest, null, 2));
    await verifyBackup(src.sqlite, temp);
    fs.renameSync(temp, path.join(folder, name));
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  const removed = rotation ? rotateFolder(folder, src.office.id) : [];
  const entry = listBackups(folder, src.office.id).find((b) => b.name === name)!;
  return { entry, removed, ms: Math.round(performance.now() - started) };
}

/** Deletes this office's backups that no rule keeps; another office's backups in the folder are left. */
export function rotateFolder(folder: string, officeId: string): string[] {
  const { remove } = rotate(listBackups(folder, officeId));
  for (const b of remove) {
    if (!b.name.startsWith(BACKUP_PREFIX)) continue;
    fs.rmSync(path.join(folder, b.name), { recursive: true, force: true });
  }
  return remove.map((b) => b.name);
}

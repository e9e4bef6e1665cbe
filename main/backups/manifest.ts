import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_KINDS } from '../../shared/api/backups';

/**
 * A backup is a folder `priemnaya-<local date>_<hhmmss>` in the folder the office chose: the database
 * (`priemnaya.sqlite`, written by VACUUM INTO), the attached files it names (`files/<2 hex>/<sha256>`, as
 * in the data folder) and `manifest.json`, written last. It is built under a hidden temporary name and
 * renamed once verified, so a half-written backup is never listed.
 */
export const MANIFEST = 'manifest.json';
export const BACKUP_DB = 'priemnaya.sqlite';
export const BACKUP_PREFIX = 'priemnaya-';

export const ManifestSchema = z.object({
  format: z.literal(1),
  officeId: z.string(),
  officeName: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  /** The office's local date of `createdAt`: what rotation counts by. */
  localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  schemaVersion: z.number().int(),
  db: z.object({ size: z.number().int(), sha256: z.string() }),
  files: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() })),
  /** Attached files the database names that this computer did not hold (attached on another computer). */
  missing: z.array(z.string()),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * A file's SHA-256, read as a stream: hashing an office's scans (gigabytes) leaves the main process
 * free to answer between chunks.
 */
export async function fileHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const storedFile = (root: string, sha256: string): string =>
  path.join(root, 'files', sha256.slice(0, 2), sha256);

export function readManifest(dir: string): Manifest {
  return ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')));
}

/** The folder name of a backup made at a local wall-clock reading, e.g. `priemnaya-2026-12-07_031500`. */
export function backupName(localDate: string, localTime: string): string {
  return `${BACKUP_PREFIX}${localDate}_${localTime.replace(/:/g, '')}`;
}

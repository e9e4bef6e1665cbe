/**
 * Contact lists uploaded for import, kept in the data folder's `imports/` only while they are needed:
 * a list of people is personal data (152-FZ), so it goes when its import ends, however it ended, and a
 * list left behind by a closed app or an abandoned import wizard is swept at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/define';

/**
 * An upload older than this at start is a leftover. Younger ones may belong to an import wizard open in
 * the app right now, while the command line opens the same office for a moment.
 */
export const UPLOAD_LEFTOVER_MS = 60 * 60 * 1000;

export function uploadsDir(ctx: { dataDir: string | null }): string {
  if (!ctx.dataDir) throw new ApiError('internal', 'this office was opened without a data folder for files');
  return path.join(ctx.dataDir, 'imports');
}

/** The upload's file and the file of its name. */
export function uploadFiles(dir: string, uploadId: string): [string, string] {
  const file = path.join(dir, uploadId);
  return [file, `${file}.name`];
}

/** Deletes an upload (the list and its name); nothing when it is gone already. */
export function removeUpload(dataDir: string, uploadId: string): void {
  for (const f of uploadFiles(path.join(dataDir, 'imports'), uploadId)) fs.rmSync(f, { force: true });
}

/** Deletes every upload older than `UPLOAD_LEFTOVER_MS` at `now`; returns how many files went. */
export function sweepUploads(dataDir: string, now: Date): number {
  const dir = path.join(dataDir, 'imports');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || now.getTime() - stat.mtimeMs < UPLOAD_LEFTOVER_MS) continue;
      fs.rmSync(file, { force: true });
      removed++;
    } catch (e) {
      // Gone meanwhile (another process swept it): nothing left to do.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return removed;
}

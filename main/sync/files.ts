import type { Store } from '../../db/sql';
import { attachmentPath, keepFile, keptFile } from '../services/attachments';
import { getState, setState } from './office-store';
import fs from 'node:fs';

/**
 * Attachments' files beside the rows. Sync carries an attachment's record; the file goes separately:
 * each computer sends HQ the files it holds of attachments it has not sent yet (those attached on it),
 * and fetches from HQ the files of the office's attachments it lacks. HQ keeps one copy per office and
 * content, so sending one twice costs a transfer and changes nothing. A file not at HQ yet (its computer
 * has not synced since) is fetched at a later sync.
 */
export interface FileLink {
  putFile(sha256: string, data: Buffer): Promise<void>;
  getFile(sha256: string): Promise<Buffer | null>;
}

/** How far the attachments have been looked at for sending (their rowid). */
const SENT_KEY = 'files_sent_rowid';
/**
 * Sent and fetched at most per sync (each way), so the first sync of an office with years of scans does
 * not hold the next one up for long; the rest goes at the following syncs.
 */
export const FILE_BYTES_PER_SYNC = 256 * 1024 * 1024;

export interface FilesOutcome {
  sent: number;
  fetched: number;
}

export async function syncFiles(
  store: Store,
  dataDir: string,
  link: FileLink,
  maxBytes = FILE_BYTES_PER_SYNC,
): Promise<FilesOutcome> {
  const outcome: FilesOutcome = { sent: 0, fetched: 0 };
  let cursor = Number(getState(store.read, SENT_KEY) ?? 0);
  let sentBytes = 0;
  sending: for (;;) {
    const rows = store.read.rawAll<{ r: number; sha256: string }>(
      'SELECT rowid AS r, sha256 FROM attachments WHERE rowid > ? ORDER BY rowid LIMIT 100',
      cursor,
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      if (sentBytes >= maxBytes) break sending;
      // Not here: attached on another computer of the office, which sends it itself.
      const data = keptFile(dataDir, row.sha256);
      if (data) {
        await link.putFile(row.sha256, data);
        outcome.sent++;
        sentBytes += data.length;
      }
      cursor = row.r;
      store.transaction((db) => setState(db, SENT_KEY, String(cursor)));
    }
  }
  const wanted = store.read.rawAll<{ sha256: string }>(
    'SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL ORDER BY sha256',
  );
  let bytes = 0;
  for (const { sha256 } of wanted) {
    if (bytes >= maxBytes) break;
    if (fs.existsSync(attachmentPath(dataDir, sha256))) continue;
    const data = await link.getFile(sha256);
    if (!data) continue;
    keepFile(dataDir, sha256, data);
    bytes += data.length;
    outcome.fetched++;
  }
  return outcome;
}

/** What the exchange has left: files held here and not sent yet, and the office's files not here yet. */
export function filesWaiting(store: Store, dataDir: string | null): { toSend: number; toFetch: number } {
  if (!dataDir) return { toSend: 0, toFetch: 0 };
  const cursor = Number(getState(store.read, SENT_KEY) ?? 0);
  const here = (sha256: string): boolean => fs.existsSync(attachmentPath(dataDir, sha256));
  const unsent = store.read.rawAll<{ sha256: string }>(
    'SELECT sha256 FROM attachments WHERE rowid > ?',
    cursor,
  );
  const live = store.read.rawAll<{ sha256: string }>(
    'SELECT DISTINCT sha256 FROM attachments WHERE deleted_at IS NULL',
  );
  return {
    toSend: unsent.filter((r) => here(r.sha256)).length,
    toFetch: live.filter((r) => !here(r.sha256)).length,
  };
}

import type { Store } from '../../db/sql';
import type { ReadStore } from '../kernel/context';
import { attachmentPath, keepFile, keptFile } from '../attachments/attachments';
import type { BundleFilesAnswer, BundleFilesRequest } from '../../shared/sync/protocol';
import { ownNode } from './desks';
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

/** The held files past the sent cursor, in rowid order, up to `maxBytes`; `upTo` is how far they reach. */
function unsent(
  store: ReadStore,
  dataDir: string,
  maxBytes: number,
): { upTo: number; files: { r: number; sha256: string }[] } {
  let cursor = Number(getState(store.read, SENT_KEY) ?? 0);
  let bytes = 0;
  const files: { r: number; sha256: string }[] = [];
  const written = `-${ownNode(store.read)}`;
  for (;;) {
    const rows = store.read.rawAll<{ r: number; sha256: string; size: number; hlc: string }>(
      'SELECT rowid AS r, sha256, size, hlc FROM attachments WHERE rowid > ? ORDER BY rowid LIMIT 100',
      cursor,
    );
    if (rows.length === 0) return { upTo: cursor, files };
    for (const row of rows) {
      if (bytes >= maxBytes) return { upTo: cursor, files };
      // Only what was written here: an attachment from another computer of the office is sent by that
      // one, and its file, once fetched, is not sent back (a row's stamp ends in its writer's node).
      const mine = row.hlc.endsWith(written);
      if (mine && fs.existsSync(attachmentPath(dataDir, row.sha256))) {
        files.push(row);
        bytes += row.size;
      }
      cursor = row.r;
    }
  }
}

function markSent(store: Store, upTo: number): void {
  store.transaction((db) => {
    if (upTo > Number(getState(db, SENT_KEY) ?? 0)) setState(db, SENT_KEY, String(upTo));
  });
}

/**
 * The office's files this computer lacks: of attachments not removed, and of web reception
 * applications still waiting (their files become attachments when the application is registered).
 */
function missing(store: ReadStore, dataDir: string): string[] {
  return store.read
    .rawAll<{ sha256: string }>(
      `SELECT sha256 FROM attachments WHERE deleted_at IS NULL
       UNION
       SELECT json_extract(f.value, '$.sha256') FROM web_applications w, json_each(w.attachments) f
        WHERE w.deleted_at IS NULL AND w.state = 'new'
       ORDER BY sha256`,
    )
    .map((r) => r.sha256)
    .filter((sha256) => !fs.existsSync(attachmentPath(dataDir, sha256)));
}

export async function syncFiles(
  store: Store,
  dataDir: string,
  link: FileLink,
  maxBytes = FILE_BYTES_PER_SYNC,
): Promise<FilesOutcome> {
  const outcome: FilesOutcome = { sent: 0, fetched: 0 };
  const { upTo, files } = unsent(store, dataDir, maxBytes);
  for (const f of files) {
    const data = keptFile(dataDir, f.sha256);
    if (data) {
      await link.putFile(f.sha256, data);
      outcome.sent++;
    }
    markSent(store, f.r);
  }
  markSent(store, upTo);
  let bytes = 0;
  for (const sha256 of missing(store, dataDir)) {
    if (bytes >= maxBytes) break;
    const data = await link.getFile(sha256);
    if (!data) continue;
    keepFile(dataDir, sha256, data);
    bytes += data.length;
    outcome.fetched++;
  }
  return outcome;
}

// ---- The same over USB bundles: files ride in the office's bundle and in HQ's answer.

/** A bundle is read whole into memory and signed: it carries at most this much of files each way. */
export const BUNDLE_FILE_BYTES = 64 * 1024 * 1024;
/** How many missing files an office bundle asks for at most. */
const WANTED_MAX = 5000;

/** For an office bundle: the held files not sent yet (how far they reach), and the files wanted back. */
export function filesForBundle(store: Store, dataDir: string | null): BundleFilesRequest | undefined {
  if (!dataDir) return undefined;
  const { upTo, files } = unsent(store, dataDir, BUNDLE_FILE_BYTES);
  const items = files.flatMap((f) => {
    const data = keptFile(dataDir, f.sha256);
    return data ? [{ sha256: f.sha256, dataBase64: data.toString('base64') }] : [];
  });
  return { upTo, items, wanted: missing(store, dataDir).slice(0, WANTED_MAX) };
}

/** HQ's answer: the office's files it took count as sent, and the files it sent back are kept. */
export function takeBundleFiles(store: Store, dataDir: string | null, answer: BundleFilesAnswer): number {
  markSent(store, answer.upTo);
  if (!dataDir) return 0;
  for (const f of answer.items) keepFile(dataDir, f.sha256, Buffer.from(f.dataBase64, 'base64'));
  return answer.items.length;
}

/** What the exchange has left: files held here and not sent yet, and the office's files not here yet. */
export function filesWaiting(store: ReadStore, dataDir: string | null): { toSend: number; toFetch: number } {
  if (!dataDir) return { toSend: 0, toFetch: 0 };
  return {
    toSend: unsent(store, dataDir, Number.POSITIVE_INFINITY).files.length,
    toFetch: missing(store, dataDir).length,
  };
}

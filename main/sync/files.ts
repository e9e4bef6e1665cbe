import type { Store } from '../../db/sql';
import type { ReadStore } from '../kernel/context';
import { attachmentPath, keepFile, keptFile } from '../attachments/attachments';
import type { BundleFilesAnswer, BundleFilesRequest } from '../../shared/sync/protocol';
import { ownNode } from './desks';
import { getState, setState } from './office-store';
import fs from 'node:fs';

/**
 * Files beside the rows (an appeal's attachments, a поручение's and a наказ's documents). Sync carries
 * a file's record; the file goes separately: each computer sends HQ the files it holds that it has not
 * sent yet (those attached on it), and fetches from HQ the office's files it lacks. HQ keeps one copy per office and
 * content, so sending one twice costs a transfer and changes nothing. A file not at HQ yet (its computer
 * has not synced since) is fetched at a later sync.
 */
export interface FileLink {
  putFile(sha256: string, data: Buffer): Promise<void>;
  getFile(sha256: string): Promise<Buffer | null>;
}

/**
 * The tables whose rows name a file kept by hash in the data folder, each with how far its rows have
 * been looked at for sending (their rowid): an appeal's attachments, a поручение's and a наказ's files.
 */
const SOURCES = [
  { table: 'attachments', key: 'files_sent_rowid' },
  { table: 'assignment_files', key: 'files_sent_rowid:assignment_files' },
  { table: 'mandate_files', key: 'files_sent_rowid:mandate_files' },
] as const;
type Source = (typeof SOURCES)[number];
/** Cursors of the sources after the first, as a bundle carries them beside the attachments' `upTo`. */
type MoreCursors = Record<string, number>;
/**
 * Sent and fetched at most per sync (each way), so the first sync of an office with years of scans does
 * not hold the next one up for long; the rest goes at the following syncs.
 */
export const FILE_BYTES_PER_SYNC = 256 * 1024 * 1024;

export interface FilesOutcome {
  sent: number;
  fetched: number;
}

/** A source's held files past its sent cursor, in rowid order, up to `maxBytes`; `upTo` is how far they reach. */
function unsent(
  store: ReadStore,
  dataDir: string,
  maxBytes: number,
  source: Source,
): { upTo: number; bytes: number; files: { r: number; sha256: string }[] } {
  let cursor = Number(getState(store.read, source.key) ?? 0);
  let bytes = 0;
  const files: { r: number; sha256: string }[] = [];
  const written = `-${ownNode(store.read)}`;
  for (;;) {
    const rows = store.read.rawAll<{ r: number; sha256: string; size: number; hlc: string }>(
      `SELECT rowid AS r, sha256, size, hlc FROM ${source.table} WHERE rowid > ? ORDER BY rowid LIMIT 100`,
      cursor,
    );
    if (rows.length === 0) return { upTo: cursor, bytes, files };
    for (const row of rows) {
      if (bytes >= maxBytes) return { upTo: cursor, bytes, files };
      // Only what was written here: a file from another computer of the office is sent by that one,
      // and once fetched it is not sent back (a row's stamp ends in its writer's node).
      const mine = row.hlc.endsWith(written);
      if (mine && fs.existsSync(attachmentPath(dataDir, row.sha256))) {
        files.push(row);
        bytes += row.size;
      }
      cursor = row.r;
    }
  }
}

function markSent(store: Store, source: Source, upTo: number): void {
  store.transaction((db) => {
    if (upTo > Number(getState(db, source.key) ?? 0)) setState(db, source.key, String(upTo));
  });
}

/**
 * The office's files this computer lacks: of attachments, поручения's and наказы's files not removed, and of web reception
 * applications still waiting (their files become attachments when the application is registered).
 */
function missing(store: ReadStore, dataDir: string): string[] {
  return store.read
    .rawAll<{ sha256: string }>(
      `SELECT sha256 FROM attachments WHERE deleted_at IS NULL
       UNION
       SELECT sha256 FROM assignment_files WHERE deleted_at IS NULL
       UNION
       SELECT sha256 FROM mandate_files WHERE deleted_at IS NULL
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
  let budget = maxBytes;
  for (const source of SOURCES) {
    if (budget <= 0) break;
    const { upTo, bytes: taken, files } = unsent(store, dataDir, budget, source);
    budget -= taken;
    for (const f of files) {
      const data = keptFile(dataDir, f.sha256);
      if (data) {
        await link.putFile(f.sha256, data);
        outcome.sent++;
      }
      markSent(store, source, f.r);
    }
    markSent(store, source, upTo);
  }
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
  let budget = BUNDLE_FILE_BYTES;
  const reach: number[] = [];
  const items: BundleFilesRequest['items'] = [];
  for (const source of SOURCES) {
    const { upTo, bytes, files } = unsent(store, dataDir, Math.max(budget, 0), source);
    budget -= bytes;
    reach.push(upTo);
    for (const f of files) {
      const data = keptFile(dataDir, f.sha256);
      if (data) items.push({ sha256: f.sha256, dataBase64: data.toString('base64') });
    }
  }
  const more: MoreCursors = Object.fromEntries(SOURCES.slice(1).map((src, i) => [src.table, reach[i + 1]!]));
  return { upTo: reach[0]!, more, items, wanted: missing(store, dataDir).slice(0, WANTED_MAX) };
}

/** HQ's answer: the office's files it took count as sent, and the files it sent back are kept. */
export function takeBundleFiles(store: Store, dataDir: string | null, answer: BundleFilesAnswer): number {
  markSent(store, SOURCES[0], answer.upTo);
  for (const source of SOURCES.slice(1)) {
    const upTo = answer.more?.[source.table];
    if (upTo !== undefined) markSent(store, source, upTo);
  }
  if (!dataDir) return 0;
  for (const f of answer.items) keepFile(dataDir, f.sha256, Buffer.from(f.dataBase64, 'base64'));
  return answer.items.length;
}

/** What the exchange has left: files held here and not sent yet, and the office's files not here yet. */
export function filesWaiting(store: ReadStore, dataDir: string | null): { toSend: number; toFetch: number } {
  if (!dataDir) return { toSend: 0, toFetch: 0 };
  return {
    toSend: SOURCES.reduce(
      (n, source) => n + unsent(store, dataDir, Number.POSITIVE_INFINITY, source).files.length,
      0,
    ),
    toFetch: missing(store, dataDir).length,
  };
}

import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the analyst view lives and what it says about itself. The view is a projection of HQ's rows:
 * it belongs to one HQ (its `hq_meta.office_id`), is kept beside HQ's own database, and keeps in its
 * `sync_state` how far it has read HQ's change sequence, how far HQ had got when it last looked, and
 * the last catch-up's failure, so that HQ's status and the analysts' screen can say it.
 */
export const VIEW_KEYS = {
  cursor: 'hq_view_cursor',
  /** The HQ (its office id) whose rows the view holds. */
  hq: 'hq_view_of',
  /** HQ's change sequence when the view last looked: `top - cursor` is how far behind it is. */
  top: 'hq_view_top',
  error: 'hq_view_error',
  errorAt: 'hq_view_error_at',
} as const;

/**
 * The view's file unless `--view` says: beside a SQLite HQ (`hq.sqlite` → `hq-view.sqlite` in the same
 * folder), so two HQs run from one folder keep two views; for PostgreSQL, which has no file to be beside,
 * in the user's data folder under HQ's id. Never in the working directory.
 */
export function defaultViewFile(target: string, hqOfficeId: string): string {
  if (/^postgres(ql)?:\/\//.test(target))
    return path.join(os.homedir(), '.priemnaya', `hq-view-${hqOfficeId}.sqlite`);
  if (target === ':memory:') return path.join(os.tmpdir(), `priemnaya-hq-view-${hqOfficeId}.sqlite`);
  const abs = path.resolve(target);
  const ext = path.extname(abs);
  return path.join(path.dirname(abs), `${path.basename(abs, ext)}-view${ext || '.sqlite'}`);
}

export interface ViewStatus {
  file: string;
  exists: boolean;
  /** The HQ whose view it is (null: not recorded yet). */
  hq: string | null;
  cursor: number;
  /** HQ's change sequence now, when known (else when the view last looked). */
  top: number;
  behind: number;
  error: string | null;
  errorAt: string | null;
}

/** The view's own account of itself, read without opening it for writing (`npm run hq status`). */
export function readViewStatus(file: string, hqTop?: number): ViewStatus {
  const none = { hq: null, cursor: 0, error: null, errorAt: null };
  if (!fs.existsSync(file)) {
    const top = hqTop ?? 0;
    return { file, exists: false, ...none, top, behind: top };
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get();
    const state = new Map(
      has
        ? db
            .prepare<[], { key: string; value: string }>(
              `SELECT key, value FROM sync_state WHERE key LIKE 'hq_view_%'`,
            )
            .all()
            .map((r) => [r.key, r.value])
        : [],
    );
    const cursor = Number(state.get(VIEW_KEYS.cursor) ?? 0);
    const top = hqTop ?? Number(state.get(VIEW_KEYS.top) ?? cursor);
    return {
      file,
      exists: true,
      hq: state.get(VIEW_KEYS.hq) ?? null,
      cursor,
      top,
      behind: Math.max(0, top - cursor),
      error: state.get(VIEW_KEYS.error) ?? null,
      errorAt: state.get(VIEW_KEYS.errorAt) ?? null,
    };
  } finally {
    db.close();
  }
}

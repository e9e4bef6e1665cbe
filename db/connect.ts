import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron and Node each load their own build). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Where pre-migration copies go; defaults to a `backups` folder beside the file. */
  backupDir?: string;
  /** Instant used in backup file names (the caller's clock). */
  now?: Date;
  /** The migration list; only tests pass another one. */
  migrations?: readonly Migration[];
  /** Durability of a commit; FULL unless a bench compares the old setting. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Overwrite deleted content with zeros; on unless a bench compares. */
  secureDelete?: boolean;
}

/** The writer's automatic checkpoint threshold, in pages (see `openDatabase`). */
export const WAL_AUTOCHECKPOINT = 10_000;

export class SchemaTooNewError extends Error {
  constructor(found: number, latest = LATEST_VERSION) {
    super(`the database schema is version ${found}, newer than this app (${latest}); update the app`);
    this.name = 'SchemaTooNewError';
  }
}

/** Opens (creating if needed) an office database with the pragmas we rely on, then migrates it. */
export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, {
    nativeBinding: opts.nativeBinding,
    readonly: opts.readonly ?? false,
  });
  try {
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      // A registration's number is given to the citizen at once, so its commit must outlive a power cut:
      // FULL syncs the WAL at every commit (NORMAL survived a killed process but could lose the last
      // commits to a power loss). Its cost is measured beside NORMAL by `npm run bench` (tests/bench/durability.ts).
      db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
      // A registration touches some 50 pages; checkpointing every 10,000 pages instead of SQLite's 1,000
      // nearly doubled the write rate on the 1M-appeal bench, for a WAL file of up to ~40 MB.
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    }
    db.pragma('foreign_keys = ON');
    // 152-FZ: what is deleted or overwritten (an erased person's name, phone, address) is zeroed in the
    // page, so it does not linger in the file's free space. Measured beside it off in the same bench.
    db.pragma(`secure_delete = ${opts.secureDelete === false ? 'OFF' : 'ON'}`);
    // Statement journals in memory, not in temporary files. A statement on a table with triggers (the
    // counts' and the segment counts') keeps a journal of every page it changes, so that it can be undone
    // alone; on disk that was two writes a page, some fifteen system calls for each imported contact.
    // In memory: registrations +25–35% on the 100k bench, contact imports +35%.
    db.pragma('temp_store = MEMORY');
    // 64 MB of page cache (SQLite's default is 2 MB): an HQ database at the design scale is ~6 GB.
    db.pragma('cache_size = -65536');
    if (!opts.readonly) migrate(db, file, opts);
    else if (schemaVersion(db) > LATEST_VERSION) throw new SchemaTooNewError(schemaVersion(db));
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Database.Database, file: string, opts: OpenOptions): void {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  if (current > 0 && file !== ':memory:') backupBeforeMigration(db, file, current, opts);
  for (const m of pending) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function backupBeforeMigration(
  db: Database.Database,
  file: string,
  version: number,
  opts: OpenOptions,
): void {
  const dir = opts.backupDir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file)}.v${version}.${stamp}.bak`);
  // VACUUM INTO writes a consistent copy even with a live WAL; copying the file could miss committed pages.
  db.prepare('VACUUM INTO ?').run(target);
}

/** A consistent copy of a live database to `target` (refuses to overwrite). */
export function backupTo(db: Database.Database, target: string): void {
  if (fs.existsSync(target)) throw new Error(`${target} already exists`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  db.prepare('VACUUM INTO ?').run(target);
}

export function closeDatabase(db: Database.Database): void {
  if (db.open) {
    if (!db.readonly) db.pragma('optimize');
    db.close();
  }
}

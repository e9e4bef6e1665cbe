import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Checkpointer, FALLBACK_AUTOCHECKPOINT } from '../../db/checkpointer';
import { closeDatabase, openDatabase, WAL_AUTOCHECKPOINT, type OpenOptions } from '../../db/connect';
import { Store } from '../../db/sql';
import { systemClock, type Clock } from '../../shared/util/clock';
import { Hlc } from '../../shared/util/hlc';
import { Api, type ApiOptions } from '../api/api';
import { sweepUploads } from '../contacts/uploads';

export interface OfficeHandle {
  api: Api;
  store: Store;
  sqlite: Database.Database;
  clock: Clock;
  /** This database's hybrid logical clock, for writers beside the API (the scheduler). */
  hlc: Hlc;
  /** The worker that checkpoints the WAL, when the office was opened with `backgroundCheckpoints`. */
  checkpointer: Checkpointer | null;
  close(): void;
}

export interface OpenOfficeOptions extends OpenOptions, ApiOptions {
  clock?: Clock;
  /**
   * Checkpoint the WAL on a worker thread instead of inside the commit that crosses the threshold: for
   * the long-running app (Electron, browser mode), not for a one-shot CLI command.
   */
  backgroundCheckpoints?: boolean;
}

/** This database's HLC node id, made once; the clock resumes from the newest stamp it wrote. */
function loadHlc(sqlite: Database.Database): Hlc {
  const get = sqlite.prepare<[string], { value: string }>('SELECT value FROM local_state WHERE key = ?');
  let node = get.get('hlc_node')?.value;
  if (!node) {
    node = randomBytes(8).toString('hex');
    sqlite.prepare('INSERT INTO local_state (key, value) VALUES (?, ?)').run('hlc_node', node);
  }
  const last = sqlite.prepare<[], { h: string | null }>('SELECT max(hlc) AS h FROM change_log').get()?.h;
  return new Hlc(node, last ?? undefined);
}

/** Opens an office database (migrating it) and the API over it: what every transport starts from. */
export function openOffice(file: string, opts: OpenOfficeOptions = {}): OfficeHandle {
  const clock = opts.clock ?? systemClock;
  const sqlite = openDatabase(file, { ...opts, now: opts.now ?? clock.now() });
  const store = new Store(sqlite);
  // The data folder is the database's folder; an in-memory office gets a temp one that goes with it.
  const scratch = !opts.dataDir && file === ':memory:';
  const dataDir =
    opts.dataDir ??
    (scratch ? fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-data-')) : path.dirname(path.resolve(file)));
  const hlc = loadHlc(sqlite);
  const api = new Api(store, clock, hlc, { ...opts, dataDir });
  // Contact lists left by imports that never ended (the app was closed meanwhile): personal data, swept.
  if (!opts.readonly) sweepUploads(dataDir, clock.now());
  let checkpointer: Checkpointer | null = null;
  if (opts.backgroundCheckpoints && file !== ':memory:' && !opts.readonly) {
    checkpointer = new Checkpointer(path.resolve(file), {
      nativeBinding: opts.nativeBinding,
      // Nothing is lost but the speed: the writer checkpoints for itself again, as without the worker.
      onError: (e) => {
        if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
        opts.log?.('background checkpoints stopped', e);
      },
    });
    sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
  }
  const close = (): void => {
    // The worker's connection first, so that the writer's is the last one and finishes the WAL.
    checkpointer?.close();
    closeDatabase(sqlite);
    if (scratch) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { api, store, sqlite, clock, hlc, checkpointer, close };
}

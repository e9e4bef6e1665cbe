import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase, type OpenOptions } from '../db/connect';
import { Store } from '../db/sql';
import { systemClock, type Clock } from '../shared/util/clock';
import { Hlc } from '../shared/util/hlc';
import { Api, type ApiOptions } from './services/api';

export interface OfficeHandle {
  api: Api;
  store: Store;
  sqlite: Database.Database;
  clock: Clock;
  /** This database's hybrid logical clock, for writers beside the API (the scheduler). */
  hlc: Hlc;
  close(): void;
}

export interface OpenOfficeOptions extends OpenOptions, ApiOptions {
  clock?: Clock;
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
  const close = (): void => {
    closeDatabase(sqlite);
    if (scratch) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { api, store, sqlite, clock, hlc, close };
}

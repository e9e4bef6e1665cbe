/**
 * How a large import writes: whether reading the base's keys into a filter pays for a file, and the
 * connection's settings while a large file is written (set by the first import, restored by the last).
 */
import type Database from 'better-sqlite3';
import type { ReadDb } from '../../db/sql';

/** A typical office row (a name, a phone, an address, a status), to guess a file's rows from its size. */
const TYPICAL_ROW_BYTES = 100;
/** Files from this size up (some ten thousand rows) are written with `BULK_PRAGMAS`, in `BULK_BATCH`es. */
export const BULK_FROM_BYTES = 1 << 20;

/**
 * Rows per transaction of a large file. A batch dirties a page of each matching index for nearly every
 * new contact, and its commit writes each such page once, however many of its rows landed there: fewer,
 * larger batches write the indexes fewer times. 1M-row file into a new office: 8,961 rows/s in batches of
 * 5,000, 10,052 in batches of 25,000. A cancel still stops between batches (some 2–3 s of rows here).
 */
export const BULK_BATCH = 25_000;

/**
 * Whether reading the base's keys into a filter (`KnownKeys`) costs less than the lookups it spares.
 * Measured on a base of two million contacts: the filter takes ~3 µs per contact in the base to build;
 * a row matched without it takes ~48 µs of lookups (by phone, by name and address), with it next to
 * nothing. So the filter pays from a file of about a sixteenth of the base's size in rows.
 */
export function keyFilterPays(db: ReadDb, fileBytes: number): boolean {
  const contacts = db.rawGet<{ n: number }>('SELECT count(*) AS n FROM contacts')!.n;
  return fileBytes / TYPICAL_ROW_BYTES >= contacts / 16;
}

/**
 * The connection's settings while a large import writes, restored after it. Each new contact lands at a
 * random place in the indexes that match people (phone, name, name + address): at an HQ's size every row
 * dirties a page of each, which the WAL receives at each batch's commit and the checkpoint writes again.
 * A larger page cache keeps those indexes' pages in memory between batches, and a rarer checkpoint writes
 * a page dirtied by many batches once, not once per batch (the WAL grows to some 400 MB meanwhile).
 */
export const BULK_PRAGMAS = { cache_size: -512 * 1024, wal_autocheckpoint: 100_000 } as const;

/** Large imports running on a connection, and its settings from before the first of them. */
const bulkUsers = new WeakMap<Database.Database, { imports: number; before: [string, number][] }>();

export async function withBulkPragmas<T>(sqlite: Database.Database, run: () => Promise<T>): Promise<T> {
  // Two imports may overlap (background jobs): the first sets, the last one out restores.
  let users = bulkUsers.get(sqlite);
  if (!users) {
    const before = Object.keys(BULK_PRAGMAS).map(
      (name) => [name, sqlite.pragma(name, { simple: true }) as number] as [string, number],
    );
    for (const [name, value] of Object.entries(BULK_PRAGMAS)) sqlite.pragma(`${name} = ${value}`);
    bulkUsers.set(sqlite, (users = { imports: 0, before }));
  }
  users.imports++;
  try {
    return await run();
  } finally {
    if (--users.imports === 0) {
      bulkUsers.delete(sqlite);
      for (const [name, value] of users.before) sqlite.pragma(`${name} = ${value}`);
    }
  }
}

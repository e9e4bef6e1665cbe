import type { Database } from 'better-sqlite3';

/**
 * A migration is frozen in time: plain SQL against the raw connection, never importing app code,
 * so later changes to the app cannot change what an old migration does.
 */
export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

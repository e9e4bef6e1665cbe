import type { Migration } from './types';

/**
 * Each person's own choices of how a screen looks (the registry's columns: which, in what order, how
 * wide), kept in the office's file so they survive a restart and follow the person to any computer of
 * the office. Only the person's own screens read them, so they are not synced to HQ.
 */
export const m0024: Migration = {
  version: 24,
  name: 'user-prefs',
  up: (db) => {
    db.exec(`
CREATE TABLE user_prefs (
  user_id TEXT NOT NULL REFERENCES users(id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;
`);
  },
};

import type { Migration } from './types';

/**
 * The files a citizen attached on the web reception's form travel with the application: its row names
 * them (`[{ name, mime, size, sha256 }]`), the bytes come by the office's file sync, and registering
 * the application makes them the appeal's attachments.
 */
export const m0038: Migration = {
  version: 38,
  name: 'web-application-files',
  up: (db) => {
    db.exec(`ALTER TABLE web_applications ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';`);
  },
};

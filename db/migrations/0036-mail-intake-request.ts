import type { Migration } from './types';

/**
 * A message of «Входящие» that answers a request the office sent to a body (found by its Message-ID)
 * keeps that request: the desk records the body's answer from it in one step.
 */
export const m0036: Migration = {
  version: 36,
  name: 'mail-intake-request',
  up: (db) => {
    db.exec(`ALTER TABLE mail_intake ADD COLUMN request_id TEXT;`);
  },
};

import type { Migration } from './types';

/**
 * Desk numbers. Every computer of an office is a desk with a number, kept as a synced row so every
 * computer knows which desks exist: the computer the office was set up on is desk 1, a computer that
 * joins through HQ claims the next free number and registers only once it holds it. Each desk numbers
 * its own sequence per year (`reg_seq` keeps desk d's numbers in its own range, so the existing key
 * (office, year, seq) keeps them apart). `local_state.desk` is this computer's confirmed number: set here
 * for the computer that set the office up (its audit log says so), a joined one gets it from sync.
 */
export const m0014: Migration = {
  version: 14,
  name: 'desk-numbers',
  up: (db) => {
    db.exec(`
CREATE TABLE office_desks (
  id TEXT PRIMARY KEY,
  node TEXT NOT NULL,
  number INTEGER NOT NULL CHECK (number >= 1),
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
-- Two joining computers may claim one number for a moment; the claim is settled through HQ, so the
-- number is not unique here, the computer is.
CREATE UNIQUE INDEX office_desks_node ON office_desks (office_id, node);
CREATE INDEX office_desks_number ON office_desks (office_id, number);

INSERT INTO local_state (key, value)
SELECT 'desk', '1' WHERE EXISTS (SELECT 1 FROM audit_log WHERE action = 'setup.init');
`);
  },
};

import type { Migration } from './types';

/**
 * Routing rules (Settings → Распределение обращений): an ordered list of conditions on a new appeal —
 * a classifier code of any level, the channel, the kind, the applicant's district or settlement — each
 * naming the responsible person and whether the appeal goes straight to the deputy's review. The first
 * rule that matches applies at registration. Office settings, synced like the checklist templates, so
 * every computer of the office routes alike. `position` orders them; `id` breaks a tie two computers
 * may leave after reordering apart.
 */
export const m0021: Migration = {
  version: 21,
  name: 'routing-rules',
  up: (db) => {
    db.exec(`
CREATE TABLE routing_rules (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  topic TEXT,
  channel TEXT,
  kind TEXT,
  district TEXT,
  settlement TEXT,
  responsible_id TEXT,
  to_deputy INTEGER NOT NULL DEFAULT 0,
  office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX routing_rules_order ON routing_rules (office_id, position, id) WHERE deleted_at IS NULL;
`);
  },
};

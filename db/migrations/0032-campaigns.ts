import type { Migration } from './types';

/**
 * Campaigns as funnels: a campaign (signature collection, a meeting, a survey) with its stages in the
 * office's own names and order, the contacts taken into it with the stage each is at (who set it, when),
 * a history row per move, and the field team's tasks made for a stage's members. All synced.
 *
 * A member's id is derived from its campaign and contact (see `memberId`), so two computers that take the
 * same person into one campaign write one row, and the unique key holds after they sync.
 */
/** The sync columns every table here ends with (frozen here, as the migration itself is). */
const SYNC = `office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  hlc TEXT NOT NULL,
  deleted_at TEXT`;

export const m0032: Migration = {
  version: 32,
  name: 'campaigns',
  up: (db) => {
    db.exec(`
CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('signatures', 'meeting', 'survey')),
  starts_on TEXT,
  ends_on TEXT,
  description TEXT,
  ${SYNC}
) STRICT;
CREATE INDEX campaigns_live ON campaigns (office_id, starts_on) WHERE deleted_at IS NULL;

CREATE TABLE campaign_stages (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  ${SYNC}
) STRICT;
CREATE INDEX campaign_stages_order ON campaign_stages (campaign_id, position, id) WHERE deleted_at IS NULL;

CREATE TABLE campaign_members (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  contact_id TEXT NOT NULL REFERENCES contacts(id),
  stage_id TEXT NOT NULL REFERENCES campaign_stages(id),
  added_from TEXT NOT NULL CHECK (added_from IN ('one', 'segment', 'import')),
  moved_at TEXT NOT NULL,
  moved_by TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE UNIQUE INDEX campaign_members_contact ON campaign_members (campaign_id, contact_id);
-- Covering the counts by stage and by who set the stage (the figures), a page of one stage by its ids.
CREATE INDEX campaign_members_stage ON campaign_members (campaign_id, stage_id, moved_by)
  WHERE deleted_at IS NULL;

-- One row per move: the stage left (null when the contact was taken in), the stage entered, who, when.
CREATE TABLE campaign_moves (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  member_id TEXT NOT NULL REFERENCES campaign_members(id),
  from_stage_id TEXT REFERENCES campaign_stages(id),
  to_stage_id TEXT NOT NULL REFERENCES campaign_stages(id),
  at TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  ${SYNC}
) STRICT;
CREATE INDEX campaign_moves_member ON campaign_moves (member_id, at);
-- «Moved this week» reads the moves between stages only, not the taking in of a whole segment.
CREATE INDEX campaign_moves_at ON campaign_moves (campaign_id, at)
  WHERE from_stage_id IS NOT NULL AND deleted_at IS NULL;

-- A task of the field team made for a member at a stage (the task itself is a row of tasks).
CREATE TABLE campaign_tasks (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  member_id TEXT NOT NULL REFERENCES campaign_members(id),
  stage_id TEXT NOT NULL REFERENCES campaign_stages(id),
  task_id TEXT NOT NULL REFERENCES tasks(id),
  ${SYNC}
) STRICT;
CREATE INDEX campaign_tasks_stage ON campaign_tasks (campaign_id, stage_id, member_id);
`);
  },
};

/** Campaigns as funnels (migration «campaigns»): the campaign, its stages, members, moves and tasks. */
import type { SyncColumns } from './schema';

export type CampaignKind = 'signatures' | 'meeting' | 'survey';

export interface CampaignTable extends SyncColumns {
  name: string;
  kind: CampaignKind;
  starts_on: string | null;
  ends_on: string | null;
  description: string | null;
}

/** A stage of a campaign's funnel, named by the office; `position` orders them 0…n−1. */
export interface CampaignStageTable extends SyncColumns {
  campaign_id: string;
  position: number;
  name: string;
}

/** A contact taken into a campaign, the stage it is at, and who set that stage when. */
export interface CampaignMemberTable extends SyncColumns {
  campaign_id: string;
  contact_id: string;
  stage_id: string;
  added_from: 'one' | 'segment' | 'import';
  moved_at: string;
  moved_by: string | null;
}

/** A move of a member: `from_stage_id` is null for the move that took the contact in. */
export interface CampaignMoveTable extends SyncColumns {
  campaign_id: string;
  member_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  at: string;
  user_id: string | null;
}

export interface CampaignTaskTable extends SyncColumns {
  campaign_id: string;
  member_id: string;
  stage_id: string;
  task_id: string;
}

/** The campaign tables as `DB` (schema.ts) holds them. */
export interface CampaignTables {
  campaigns: CampaignTable;
  campaign_stages: CampaignStageTable;
  campaign_members: CampaignMemberTable;
  campaign_moves: CampaignMoveTable;
  campaign_tasks: CampaignTaskTable;
}

/**
 * A contact merged into another brings its campaigns: where the kept contact is not in the campaign, it
 * takes the merged one's place (stage, when and by whom it was set); where both are, the stage further
 * along the funnel stays. The merged contact's moves and field tasks go with it to the kept member, so the
 * history and the figures stay whole. What was done is recorded with the merge, so undoing it puts each
 * row back.
 */
import type { CampaignMemberTable } from '../../db/schema';
import type { ReadDb, WriteDb } from '../../db/sql';
import { insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { TimelineEntry } from '../../shared/api/contacts';
import { campaignsUi } from '../../shared/i18n/ru/campaigns';
import { memberId } from './member-id';

/** One campaign of the merged contact, as the merge left it. */
export interface MergedMembership {
  campaignId: string;
  /** The merged contact's member row: tombstoned by the merge. */
  mergedMember: string;
  /** The kept contact's member row (derived from the campaign and the kept contact). */
  keptMember: string;
  /** The kept member as it was before, or null when the merge made it. */
  keptBefore: Pick<CampaignMemberTable, 'stage_id' | 'moved_at' | 'moved_by' | 'deleted_at'> | null;
  /** Which stage stayed: the kept contact's, or the merged one's (further along, or the only one). */
  stage: 'kept' | 'merged';
  stageId: string;
  /** Move and task rows re-pointed to the kept member. */
  moves: string[];
  tasks: string[];
}

const memberRows = (db: ReadDb, contactId: string): CampaignMemberTable[] =>
  db.all(
    db.qb
      .selectFrom('campaign_members')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('deleted_at', 'is', null),
  );

const position = (db: ReadDb, stageId: string): number =>
  db.rawGet<{ p: number }>('SELECT position AS p FROM campaign_stages WHERE id = ?', stageId)?.p ?? -1;

const idsOf = (db: ReadDb, table: 'campaign_moves' | 'campaign_tasks', member: string): string[] =>
  db
    .rawAll<{ id: string }>(`SELECT id FROM ${table} WHERE member_id = ? AND deleted_at IS NULL`, member)
    .map((r) => r.id);

/** Moves the merged contact's campaign memberships to the kept contact, inside the merge's transaction. */
export function mergeMemberships(
  db: WriteDb,
  st: Stamp,
  keptId: string,
  mergedId: string,
): MergedMembership[] {
  const out: MergedMembership[] = [];
  for (const m of memberRows(db, mergedId)) {
    const keptMember = memberId(m.campaign_id, keptId);
    const kept = db.get(db.qb.selectFrom('campaign_members').selectAll().where('id', '=', keptMember));
    const keptLive = kept && kept.deleted_at === null ? kept : null;
    const further = !keptLive || position(db, m.stage_id) > position(db, keptLive.stage_id);
    const fields = further
      ? { stage_id: m.stage_id, moved_at: m.moved_at, moved_by: m.moved_by }
      : { stage_id: keptLive.stage_id, moved_at: keptLive.moved_at, moved_by: keptLive.moved_by };
    if (kept) updateSynced(db, 'campaign_members', keptMember, { ...fields, deleted_at: null }, st);
    else
      insertSynced(db, 'campaign_members', {
        campaign_id: m.campaign_id,
        contact_id: keptId,
        added_from: m.added_from,
        ...fields,
        ...newSyncColumns(st, m.office_id, keptMember),
      });
    const moves = idsOf(db, 'campaign_moves', m.id);
    const tasks = idsOf(db, 'campaign_tasks', m.id);
    for (const id of moves) updateSynced(db, 'campaign_moves', id, { member_id: keptMember }, st);
    for (const id of tasks) updateSynced(db, 'campaign_tasks', id, { member_id: keptMember }, st);
    updateSynced(db, 'campaign_members', m.id, { deleted_at: st.now }, st);
    out.push({
      campaignId: m.campaign_id,
      mergedMember: m.id,
      keptMember,
      keptBefore: kept
        ? {
            stage_id: kept.stage_id,
            moved_at: kept.moved_at,
            moved_by: kept.moved_by,
            deleted_at: kept.deleted_at,
          }
        : null,
      stage: further ? 'merged' : 'kept',
      stageId: fields.stage_id,
      moves,
      tasks,
    });
  }
  return out;
}

/** Puts every membership a merge moved back as it was. */
export function undoMemberships(db: WriteDb, st: Stamp, done: readonly MergedMembership[]): void {
  for (const d of done) {
    for (const id of d.moves) updateSynced(db, 'campaign_moves', id, { member_id: d.mergedMember }, st);
    for (const id of d.tasks) updateSynced(db, 'campaign_tasks', id, { member_id: d.mergedMember }, st);
    updateSynced(db, 'campaign_members', d.mergedMember, { deleted_at: null }, st);
    updateSynced(db, 'campaign_members', d.keptMember, d.keptBefore ?? { deleted_at: st.now }, st);
  }
}

/** A merge's campaigns on the kept contact's timeline: the campaign, the stage that stayed and why. */
export function mergedCampaignEntries(
  db: ReadDb,
  merge: { id: string; created_at: string; moved: string },
): TimelineEntry[] {
  const done = (JSON.parse(merge.moved) as { campaigns?: MergedMembership[] }).campaigns ?? [];
  const name = (table: 'campaigns' | 'campaign_stages', id: string): string =>
    db.rawGet<{ name: string }>(`SELECT name FROM ${table} WHERE id = ?`, id)?.name ?? '';
  return done.map((d) => ({
    at: merge.created_at,
    kind: 'merge',
    title: campaignsUi.merged(
      name('campaigns', d.campaignId),
      name('campaign_stages', d.stageId),
      d.stage,
      d.keptBefore !== null && d.keptBefore.deleted_at === null,
    ),
    refId: merge.id,
  }));
}

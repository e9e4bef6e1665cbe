/**
 * A campaign and its funnel: created with the office's stages (the seed's four by default), changed with its
 * stages kept by id — renamed, reordered, added — and a stage removed only while no contact is at it. A
 * refusal names the field and changes nothing.
 */
import type { CampaignStageTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { DEFAULT_CAMPAIGN_STAGES } from '../../shared/i18n/ru/campaigns';
import { audit, insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { campaignOf, campaignRow, listCampaigns, stageCounts, stagesOf } from './queries';

export const list = (ctx: ReadContext): Output<'campaigns.list'> => listCampaigns(ctx.store.read);

export const get = (ctx: ReadContext, i: ParsedInput<'campaigns.get'>): Output<'campaigns.get'> =>
  campaignOf(ctx.store.read, i.id);

function addStage(
  db: WriteDb,
  st: Stamp,
  officeId: string,
  campaignId: string,
  name: string,
  position: number,
) {
  insertSynced(db, 'campaign_stages', {
    campaign_id: campaignId,
    position,
    name,
    ...newSyncColumns(st, officeId),
  });
}

/** Stage names are the funnel's columns: two of one name would read as one. */
function checkNames(names: readonly string[]): void {
  const seen = new Set<string>();
  names.forEach((n, i) => {
    const key = n.toLocaleLowerCase('ru');
    if (seen.has(key))
      throw new ApiError('validation', `stages.${i}: the name repeats`, { field: `stages.${i}` });
    seen.add(key);
  });
}

export function create(ctx: CallContext, i: ParsedInput<'campaigns.create'>): Output<'campaigns.create'> {
  const names = i.stages ?? [...DEFAULT_CAMPAIGN_STAGES];
  checkNames(names);
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const row = {
      name: i.name,
      kind: i.kind,
      starts_on: i.startsOn ?? null,
      ends_on: i.endsOn ?? null,
      description: i.description ?? null,
      ...newSyncColumns(st, office.id),
    };
    insertSynced(db, 'campaigns', row);
    names.forEach((name, position) => addStage(db, st, office.id, row.id, name, position));
    audit(db, ctx, office.id, 'campaigns.create', 'campaign', row.id, { name: row.name, stages: names });
    return campaignOf(db, row.id);
  });
}

export function update(ctx: CallContext, i: ParsedInput<'campaigns.update'>): Output<'campaigns.update'> {
  checkNames(i.stages.map((s) => s.name));
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const before = campaignRow(db, i.id);
    if (before.hlc !== i.version)
      throw new ApiError('conflict', 'the campaign was changed by someone else; reload it', {
        field: 'version',
      });
    const stages = new Map<string, CampaignStageTable>(stagesOf(db, i.id).map((s) => [s.id, s]));
    i.stages.forEach((s, n) => {
      if (s.id && !stages.has(s.id))
        throw new ApiError('validation', `stages.${n}.id: no such stage in this campaign`, {
          field: `stages.${n}.id`,
        });
    });
    const kept = new Set(i.stages.flatMap((s) => (s.id ? [s.id] : [])));
    if (kept.size !== i.stages.filter((s) => s.id).length)
      throw new ApiError('validation', 'stages: a stage is named twice', { field: 'stages' });
    const counts = stageCounts(db, i.id);
    const dropped = [...stages.values()].filter((s) => !kept.has(s.id));
    for (const s of dropped)
      if ((counts.get(s.id) ?? 0) > 0)
        throw new ApiError('invalid_state', `stages: the stage «${s.name}» has contacts; move them first`, {
          field: 'stages',
        });
    updateSynced(
      db,
      'campaigns',
      i.id,
      {
        name: i.name,
        kind: i.kind,
        starts_on: i.startsOn ?? null,
        ends_on: i.endsOn ?? null,
        description: i.description ?? null,
      },
      st,
    );
    for (const s of dropped) updateSynced(db, 'campaign_stages', s.id, { deleted_at: st.now }, st);
    i.stages.forEach((s, position) => {
      const old = s.id ? stages.get(s.id) : undefined;
      if (!old) addStage(db, st, office.id, i.id, s.name, position);
      else if (old.name !== s.name || old.position !== position)
        updateSynced(db, 'campaign_stages', old.id, { name: s.name, position }, st);
    });
    audit(db, ctx, office.id, 'campaigns.update', 'campaign', i.id, {
      name: i.name,
      stages: i.stages.map((s) => s.name),
    });
    return campaignOf(db, i.id);
  });
}

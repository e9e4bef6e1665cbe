/**
 * A campaign's contacts: taken in at the first stage (given ones, a saved segment's members, a contact
 * file's rows), moved along the funnel one step at a time or to a named stage, every move a history row
 * with who made it and when. A contact is in a campaign once: its member row's id is derived from the two.
 */
import type { CampaignMemberTable, TaskTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { campaignsUi } from '../../shared/i18n/ru/campaigns';
import { audit, insertSynced, newSyncColumns, updateSynced, type Stamp } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { importContacts } from '../contacts/import';
import { segmentContactIds } from '../contacts/queries';
import { closeTasks } from '../tasks/tasks';
import { memberId } from './member-id';
import { campaignRow, memberOf, memberRow, membersOf, movesOf, stagesOf } from './queries';

function recordMove(
  db: WriteDb,
  st: Stamp,
  m: Pick<CampaignMemberTable, 'id' | 'campaign_id' | 'office_id'>,
  from: string | null,
  to: string,
  userId: string | null,
  id?: string,
): void {
  insertSynced(db, 'campaign_moves', {
    campaign_id: m.campaign_id,
    member_id: m.id,
    from_stage_id: from,
    to_stage_id: to,
    at: st.now,
    user_id: userId,
    ...newSyncColumns(st, m.office_id, id),
  });
}

/**
 * Takes contacts into a campaign at its first stage, inside the caller's transaction. A contact already in
 * it stays where it is; one removed earlier comes back at the first stage.
 */
export function takeIn(
  db: WriteDb,
  ctx: CallContext,
  campaignId: string,
  contactIds: readonly string[],
  from: CampaignMemberTable['added_from'],
): { added: number; already: number } {
  const { office, st, actor } = beginWrite(db, ctx);
  const first = stagesOf(db, campaignId)[0];
  if (!first) throw new ApiError('invalid_state', 'the campaign has no stages', { field: 'campaignId' });
  const userId = actor?.userId ?? null;
  let added = 0;
  let already = 0;
  for (const contactId of new Set(contactIds)) {
    const id = memberId(campaignId, contactId);
    const old = db.rawGet<{ deleted_at: string | null }>(
      'SELECT deleted_at FROM campaign_members WHERE id = ?',
      id,
    );
    if (old && old.deleted_at === null) {
      already++;
      continue;
    }
    const fields = { stage_id: first.id, added_from: from, moved_at: st.now, moved_by: userId };
    if (old) updateSynced(db, 'campaign_members', id, { ...fields, deleted_at: null }, st);
    else
      insertSynced(db, 'campaign_members', {
        campaign_id: campaignId,
        contact_id: contactId,
        ...fields,
        ...newSyncColumns(st, office.id, id),
      });
    // The first taking in is one row wherever it was made, as the member is; a later one is a move of its own.
    const moveId = old ? undefined : memberId(campaignId, contactId, '\u001ftaken');
    recordMove(db, st, { id, campaign_id: campaignId, office_id: office.id }, null, first.id, userId, moveId);
    added++;
  }
  return { added, already };
}

/** Contacts one may take in: live, not erased, not a placeholder. */
function checkContacts(db: WriteDb, ids: readonly string[]): void {
  ids.forEach((id, n) => {
    const c = db.rawGet(
      'SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL AND erased_at IS NULL AND placeholder = 0',
      id,
    );
    if (!c)
      throw new ApiError('validation', `contactIds.${n}: no such contact`, { field: `contactIds.${n}` });
  });
}

export function addContacts(
  ctx: CallContext,
  i: ParsedInput<'campaigns.addContacts'>,
): Output<'campaigns.addContacts'> {
  if (!i.contactIds === !i.segmentId)
    throw new ApiError('validation', 'segmentId: give either a segment or contacts', { field: 'segmentId' });
  return ctx.store.transaction((db) => {
    const c = campaignRow(db, i.campaignId, 'campaignId');
    let ids: readonly string[];
    if (i.segmentId) ids = segmentContactIds(db, i.segmentId);
    else {
      ids = i.contactIds!;
      checkContacts(db, ids);
    }
    const r = takeIn(db, ctx, c.id, ids, i.segmentId ? 'segment' : 'one');
    audit(db, ctx, c.office_id, 'campaigns.addContacts', 'campaign', c.id, {
      segmentId: i.segmentId ?? null,
      ...r,
    });
    const members = db.rawGet<{ n: number }>(
      'SELECT count(*) AS n FROM campaign_members WHERE campaign_id = ? AND deleted_at IS NULL',
      c.id,
    )!.n;
    return { ...r, members };
  });
}

/** A contact file imported with the campaign as its source: every contact a row ends at joins the campaign. */
export async function importInto(
  ctx: CallContext,
  i: ParsedInput<'campaigns.import'>,
): Promise<Output<'campaigns.import'>> {
  const c = campaignRow(ctx.store.read, i.campaignId, 'campaignId');
  if (stagesOf(ctx.store.read, c.id).length === 0)
    throw new ApiError('invalid_state', 'the campaign has no stages', { field: 'campaignId' });
  const taken = { added: 0, already: 0 };
  const summary = await importContacts(
    ctx,
    {
      source: i.source,
      options: { ...i.options, source: i.options.source ?? campaignsUi.importSource(c.name) },
      dryRun: false,
    },
    {
      onContacts: (db, ids) => {
        const r = takeIn(db, ctx, c.id, ids, 'import');
        taken.added += r.added;
        taken.already += r.already;
      },
    },
  );
  ctx.store.transaction((db) =>
    audit(db, ctx, c.office_id, 'campaigns.import', 'campaign', c.id, { rows: summary.rows, ...taken }),
  );
  return { ...summary, ...taken };
}

export function members(ctx: ReadContext, i: ParsedInput<'campaigns.members'>): Output<'campaigns.members'> {
  const db = ctx.store.read;
  campaignRow(db, i.campaignId, 'campaignId');
  return membersOf(db, i.campaignId, i);
}

/**
 * Moves a contact one step along the funnel or to a named stage. The field team's open tasks for the stage
 * it leaves end with it: done when it goes forward, cancelled when it goes back.
 */
export function move(ctx: CallContext, i: ParsedInput<'campaigns.move'>): Output<'campaigns.move'> {
  if (!i.step === !i.stageId)
    throw new ApiError('validation', 'step: give either a step or a stage', { field: 'step' });
  return ctx.store.transaction((db) => {
    const { st, actor } = beginWrite(db, ctx);
    const m = memberRow(db, i.memberId);
    const stages = stagesOf(db, m.campaign_id);
    const at = stages.findIndex((s) => s.id === m.stage_id);
    let to: number;
    if (i.stageId) {
      to = stages.findIndex((s) => s.id === i.stageId);
      if (to < 0)
        throw new ApiError('validation', 'stageId: no such stage in this campaign', { field: 'stageId' });
      if (to === at)
        throw new ApiError('invalid_state', 'stageId: the contact is at this stage', { field: 'stageId' });
    } else {
      to = at + (i.step === 'next' ? 1 : -1);
      if (to < 0 || to >= stages.length)
        throw new ApiError(
          'invalid_state',
          `step: the contact is at the ${i.step === 'next' ? 'last' : 'first'} stage`,
          { field: 'step' },
        );
    }
    const target = stages[to]!;
    const userId = actor?.userId ?? null;
    updateSynced(
      db,
      'campaign_members',
      m.id,
      { stage_id: target.id, moved_at: st.now, moved_by: userId },
      st,
    );
    recordMove(db, st, m, m.stage_id, target.id, userId);
    const open = db.rawAll<TaskTable>(
      `SELECT t.* FROM campaign_tasks ct JOIN tasks t ON t.id = ct.task_id
       WHERE ct.member_id = ? AND ct.stage_id = ? AND ct.deleted_at IS NULL AND t.status = 'open'`,
      m.id,
      m.stage_id,
    );
    closeTasks(db, st, open, to > at ? 'done' : 'cancelled', userId);
    audit(db, ctx, m.office_id, 'campaigns.move', 'campaign_member', m.id, {
      from: m.stage_id,
      to: target.id,
    });
    return memberOf(db, m.id);
  });
}

export function history(ctx: ReadContext, i: ParsedInput<'campaigns.history'>): Output<'campaigns.history'> {
  const db = ctx.store.read;
  memberRow(db, i.memberId);
  return movesOf(db, i.memberId);
}

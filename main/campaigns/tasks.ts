/**
 * The field team's tasks by stage: one task in Задачи for each contact at a stage, for the staff member
 * chosen, titled with what to do, whom and the campaign. A contact that has an open task for this stage
 * gets no second one; moving the contact on ends it (members.ts).
 */
import type { TaskTable } from '../../db/schema';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { campaignsUi } from '../../shared/i18n/ru/campaigns';
import { audit, insertSynced, newSyncColumns } from '../kernel/bookkeeping';
import type { CallContext } from '../kernel/context';
import { beginWrite } from '../kernel/scope';
import { campaignRow, stagesOf } from './queries';

export function createTasks(
  ctx: CallContext,
  i: ParsedInput<'campaigns.createTasks'>,
): Output<'campaigns.createTasks'> {
  return ctx.store.transaction((db) => {
    const { office, st } = beginWrite(db, ctx);
    const c = campaignRow(db, i.campaignId, 'campaignId');
    if (!stagesOf(db, c.id).some((s) => s.id === i.stageId))
      throw new ApiError('validation', 'stageId: no such stage in this campaign', { field: 'stageId' });
    const u = db.rawGet(
      'SELECT 1 FROM users WHERE id = ? AND active = 1 AND deleted_at IS NULL',
      i.assigneeId,
    );
    if (!u) throw new ApiError('validation', 'assigneeId: no such active user', { field: 'assigneeId' });
    const at = db.rawAll<{ id: string; full_name: string; open: number }>(
      `SELECT m.id, c.full_name,
         EXISTS (SELECT 1 FROM campaign_tasks ct JOIN tasks t ON t.id = ct.task_id
                 WHERE ct.member_id = m.id AND ct.stage_id = m.stage_id AND ct.deleted_at IS NULL
                   AND t.status = 'open' AND t.deleted_at IS NULL) AS open
       FROM campaign_members m JOIN contacts c ON c.id = m.contact_id
       WHERE m.campaign_id = ? AND m.stage_id = ? AND m.deleted_at IS NULL ORDER BY c.name_key, m.id`,
      c.id,
      i.stageId,
    );
    let created = 0;
    for (const m of at) {
      if (m.open) continue;
      const task: TaskTable = {
        appeal_id: null,
        request_id: null,
        kind: 'campaign_contact',
        title: campaignsUi.taskOf(i.title, m.full_name, c.name),
        assignee_id: i.assigneeId,
        due_date: i.dueDate ?? null,
        status: 'open',
        closed_at: null,
        closed_by: null,
        event_id: null,
        event_stage: null,
        ...newSyncColumns(st, office.id),
      };
      insertSynced(db, 'tasks', task);
      insertSynced(db, 'campaign_tasks', {
        campaign_id: c.id,
        member_id: m.id,
        stage_id: i.stageId,
        task_id: task.id,
        ...newSyncColumns(st, office.id),
      });
      created++;
    }
    const skipped = at.length - created;
    audit(db, ctx, office.id, 'campaigns.createTasks', 'campaign', c.id, {
      stageId: i.stageId,
      assigneeId: i.assigneeId,
      created,
      skipped,
    });
    return { created, skipped };
  });
}

import type { ReadDb } from '../../db/sql';
import type { ReminderTable } from '../../db/schema';
import type { ReminderItem, ReminderParams } from '../../shared/api/reminders';
import type { ReminderEntity, ReminderRule } from '../../shared/domain/reminders';

export function unreadCount(db: ReadDb, userId: string): number {
  return (
    db.rawGet<{ n: number }>(
      'SELECT count(*) AS n FROM reminders WHERE recipient_id = ? AND read_at IS NULL',
      userId,
    )?.n ?? 0
  );
}

export function toReminderItem(r: ReminderTable): ReminderItem {
  return {
    id: r.id,
    rule: r.rule as ReminderRule,
    entity: r.entity as ReminderEntity,
    entityId: r.entity_id,
    appealId: r.appeal_id,
    requestId: r.request_id,
    dueAt: r.due_at,
    params: JSON.parse(r.params) as ReminderParams,
    read: r.read_at !== null,
  };
}

import type { WriteDb } from '../../db/sql';
import type { ReminderTable } from '../../db/schema';
import type { Output, ParsedInput } from '../../shared/api/index';
import type { ReminderRule } from '../../shared/domain/reminders';
import { addCalendarDays } from '../../shared/domain/calendar';
import { localDate, zonedInstant } from '../../shared/util/clock';
import { requireActor, type ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { toReminderItem, unreadCount } from './items';

/**
 * SQLite's `date()` modifier that turns a stored UTC instant into the office's day. Russia's zones keep
 * one offset all year (since 2014), so the offset of today stands for every reminder kept.
 */
function dayModifier(timeZone: string, now: Date): string {
  const today = localDate(now, timeZone);
  const offset = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - zonedInstant(today, '00:00', timeZone).getTime()) / 60_000,
  );
  return `${offset >= 0 ? '+' : ''}${offset} minutes`;
}

interface Kinded {
  /** `WITH mine …, kinded …`: my reminders with their office day and the kind they are grouped under. */
  sql: string;
  params: unknown[];
}

/**
 * My reminders with the kind they are shown under: on a day that has my daily digest, the day's single
 * «срок нарушен» reminders go under the digest. `day` narrows the read to one office day.
 */
function kinded(ctx: ReadContext, userId: string, day?: string): Kinded {
  const tz = officeRow(ctx.store.read).time_zone;
  const params: unknown[] = [dayModifier(tz, ctx.clock.now()), userId];
  let range = '';
  if (day) {
    // A day either side of the office's day keeps the read on the inbox index; `day = ?` decides.
    range = ' AND due_at >= ? AND due_at < ?';
    params.push(
      zonedInstant(addCalendarDays(day, -1), '00:00', tz).toISOString(),
      zonedInstant(addCalendarDays(day, 2), '00:00', tz).toISOString(),
    );
  }
  const sql = `WITH mine AS (
  SELECT id, rule, due_at, read_at, date(due_at, ?) AS day FROM reminders WHERE recipient_id = ?${range}
), kinded AS (
  SELECT id, due_at, read_at, day,
    CASE WHEN rule = 'appeal_overdue' AND day IN (SELECT day FROM mine WHERE rule = 'overdue_digest')
      THEN 'overdue_digest' ELSE rule END AS kind
  FROM mine${day ? ' WHERE day = ?' : ''}
)`;
  if (day) params.push(day);
  return { sql, params };
}

export function groups(ctx: ReadContext, i: ParsedInput<'reminders.groups'>): Output<'reminders.groups'> {
  const me = requireActor(ctx);
  const db = ctx.store.read;
  const k = kinded(ctx, me.userId);
  const unreadOnly = i.unreadOnly ? ' WHERE read_at IS NULL' : '';
  const kinds = db.rawAll<{ rule: ReminderRule; count: number; unread: number }>(
    `${k.sql} SELECT kind AS rule, count(*) AS count, coalesce(sum(read_at IS NULL), 0) AS unread
     FROM kinded${unreadOnly} GROUP BY kind ORDER BY kind`,
    ...k.params,
  );
  const where = [i.unreadOnly ? 'read_at IS NULL' : null, i.rule ? 'kind = ?' : null].filter(Boolean);
  const groups = db.rawAll<{ rule: ReminderRule; day: string; count: number; unread: number }>(
    `${k.sql} SELECT kind AS rule, day, count(*) AS count, coalesce(sum(read_at IS NULL), 0) AS unread
     FROM kinded${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
     GROUP BY kind, day ORDER BY day DESC, max(due_at) DESC, kind LIMIT ?`,
    ...k.params,
    ...(i.rule ? [i.rule] : []),
    i.limit,
  );
  return { unread: unreadCount(db, me.userId), kinds, groups };
}

export function group(ctx: ReadContext, i: ParsedInput<'reminders.group'>): Output<'reminders.group'> {
  const me = requireActor(ctx);
  const k = kinded(ctx, me.userId, i.day);
  const rows = ctx.store.read.rawAll<ReminderTable>(
    `${k.sql} SELECT r.* FROM reminders r JOIN kinded k ON k.id = r.id
     WHERE k.kind = ?${i.unreadOnly ? ' AND r.read_at IS NULL' : ''}
     ORDER BY r.rule = 'overdue_digest' DESC, r.due_at DESC, r.id DESC LIMIT ?`,
    ...k.params,
    i.rule,
    i.limit,
  );
  return { items: rows.map(toReminderItem) };
}

/** Marks one group of mine read, in the caller's transaction; returns how many reminders it changed. */
export function markGroupRead(
  ctx: ReadContext,
  db: WriteDb,
  userId: string,
  key: { rule: ReminderRule; day: string },
): number {
  const k = kinded(ctx, userId, key.day);
  return Number(
    db.rawRun(
      `UPDATE reminders SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL
       AND id IN (${k.sql} SELECT id FROM kinded WHERE kind = ?)`,
      ctx.clock.now().toISOString(),
      userId,
      ...k.params,
      key.rule,
    ).changes,
  );
}

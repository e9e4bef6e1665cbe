import type { Output, ParsedInput } from '../../shared/api/index';
import { scanReminders } from './scan';
import { markGroupRead } from './groups';
import { toReminderItem, unreadCount } from './items';
import { audit } from '../kernel/bookkeeping';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';
import { localOfficeId } from '../office/queries';

export { group, groups } from './groups';

export function inbox(ctx: ReadContext, i: ParsedInput<'reminders.inbox'>): Output<'reminders.inbox'> {
  const me = requireActor(ctx);
  const db = ctx.store.read;
  let q = db.qb
    .selectFrom('reminders')
    .selectAll()
    .where('recipient_id', '=', me.userId)
    .orderBy('due_at', 'desc')
    .orderBy('id', 'desc')
    .limit(i.limit);
  if (i.unreadOnly) q = q.where('read_at', 'is', null);
  return { unread: unreadCount(db, me.userId), items: db.all(q).map(toReminderItem) };
}

export function unread(ctx: ReadContext): Output<'reminders.unread'> {
  return { unread: unreadCount(ctx.store.read, requireActor(ctx).userId) };
}

/** Read marks are the reader's own: nobody marks another person's reminders. */
export function markRead(
  ctx: CallContext,
  i: ParsedInput<'reminders.markRead'>,
): Output<'reminders.markRead'> {
  const me = requireActor(ctx);
  return ctx.store.transaction((db) => {
    let changed: number;
    if (i.group && !i.all) changed = markGroupRead(ctx, db, me.userId, i.group);
    else {
      let q = db.qb
        .updateTable('reminders')
        .set({ read_at: ctx.clock.now().toISOString() })
        .where('recipient_id', '=', me.userId)
        .where('read_at', 'is', null);
      if (!i.all) q = q.where('id', 'in', i.ids ?? []);
      changed = Number(db.run(q).changes);
    }
    audit(db, ctx, localOfficeId(db), 'reminders.markRead', 'reminder', null, {
      count: changed,
      all: i.all,
      ...(i.group && !i.all ? { group: i.group } : {}),
    });
    return { unread: unreadCount(db, me.userId) };
  });
}

export function scanNow(ctx: CallContext): Output<'reminders.scan'> {
  const raised = scanReminders({ store: ctx.store, clock: ctx.clock, hlc: ctx.hlc });
  return { raised: raised.length };
}

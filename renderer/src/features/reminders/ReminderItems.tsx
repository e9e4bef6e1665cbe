import type { ReminderItem } from '../../../../shared/api/reminders';
import { reminderText } from '../../../../shared/i18n/ru/reminders';
import { call } from '../../api/client';
import { formatInstant, remindersText } from '../../i18n';
import { useStore } from '../../store';
import { useUnread } from './unread';

/** Opens what a reminder is about (the event's card, the appeal's, or for a digest the overdue registry), marking it read. */
export function useOpenReminder(): (item: ReminderItem) => Promise<void> {
  const go = useStore((s) => s.go);
  const setFilter = useStore((s) => s.setFilter);
  return async (item) => {
    if (!item.read) {
      const r = await call('reminders.markRead', { ids: [item.id] });
      useUnread.setState({ unread: r.unread });
    }
    if (item.entity === 'event') go({ view: 'event', id: item.entityId });
    else if (item.entity === 'mail') go({ view: 'mail' });
    else if (item.entity === 'assignment') go({ view: 'tasks' });
    else if (item.appealId) go({ view: 'appeal', id: item.appealId });
    else {
      setFilter({ overdue: true });
      go({ view: 'appeals' });
    }
  };
}

/** The reminders behind a group, one line each. */
export function ReminderItems({ items, label }: { items: ReminderItem[]; label: string }) {
  const timeZone = useStore((s) => s.office?.timeZone);
  const open = useOpenReminder();
  return (
    <ul className="inbox__list" aria-label={label}>
      {items.map((item) => {
        const text = reminderText(item.rule, item.params);
        return (
          <li key={item.id}>
            <button
              type="button"
              className={`inbox__item${item.read ? '' : ' inbox__item--unread'}`}
              data-rule={item.rule}
              title={
                item.entity === 'event' || item.entity === 'assignment' || item.appealId
                  ? remindersText.open
                  : remindersText.digestOpens
              }
              onClick={() => void open(item)}
            >
              <span className="inbox__title">
                {item.read ? null : <span className="inbox__badge">{remindersText.unread}</span>}
                {text.title}
              </span>
              <span className="inbox__body">{text.body}</span>
              <span className="inbox__when muted">{formatInstant(item.dueAt, timeZone)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

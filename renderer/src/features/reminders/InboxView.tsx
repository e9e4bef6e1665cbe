import { useEffect, useState } from 'react';
import type { ReminderItem } from '../../../../shared/api/reminders';
import { reminderText } from '../../../../shared/i18n/ru/reminders';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check } from '../../components/Field';
import { errorText, formatInstant, remindersText } from '../../i18n';
import { useStore } from '../../store';
import { useUnread } from './unread';
import './reminders.css';

/**
 * My reminders, newest first; a click marks one read and opens what it is about: the event's card, the
 * appeal's, or for a digest the overdue registry.
 */
export function InboxView() {
  const go = useStore((s) => s.go);
  const timeZone = useStore((s) => s.office?.timeZone);
  const setFilter = useStore((s) => s.setFilter);
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Marking read is a write: the inbox reads again by itself.
  const inbox = useCall('reminders.inbox', { unreadOnly });
  const items = inbox.data?.items ?? null;
  const error = inbox.error ? errorText(inbox.error) : null;
  useEffect(() => {
    if (inbox.data) useUnread.setState({ unread: inbox.data.unread });
  }, [inbox.data]);

  async function open(item: ReminderItem): Promise<void> {
    if (!item.read) {
      const r = await call('reminders.markRead', { ids: [item.id] });
      useUnread.setState({ unread: r.unread });
    }
    if (item.entity === 'event') go({ view: 'event', id: item.entityId });
    else if (item.appealId) go({ view: 'appeal', id: item.appealId });
    else {
      setFilter({ overdue: true });
      go({ view: 'appeals' });
    }
  }

  async function markAll(): Promise<void> {
    const r = await call('reminders.markRead', { all: true });
    useUnread.setState({ unread: r.unread });
  }

  return (
    <section className="page inbox">
      <header className="page__header">
        <h1 className="page__title">{remindersText.title}</h1>
        <Check
          id="inbox-unread-only"
          label={remindersText.unreadOnly}
          checked={unreadOnly}
          onChange={setUnreadOnly}
        />
        <button type="button" className="btn" onClick={() => void markAll()}>
          {remindersText.markAllRead}
        </button>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      {items === null ? null : items.length === 0 ? (
        <p className="muted">{remindersText.empty}</p>
      ) : (
        <ul className="inbox__list" aria-label={remindersText.title}>
          {items.map((item) => {
            const text = reminderText(item.rule, item.params);
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={`inbox__item${item.read ? '' : ' inbox__item--unread'}`}
                  data-rule={item.rule}
                  title={
                    item.entity === 'event' || item.appealId ? remindersText.open : remindersText.digestOpens
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
      )}
    </section>
  );
}

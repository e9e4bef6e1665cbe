import { useEffect, useState } from 'react';
import type { ReminderGroup } from '../../../../shared/api/reminders';
import type { ReminderRule } from '../../../../shared/domain/reminders';
import { reminderRuleNames } from '../../../../shared/i18n/ru/reminders';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check } from '../../components/Field';
import { errorText, formatDate, remindersText } from '../../i18n';
import { ReminderItems } from './ReminderItems';
import { useUnread } from './unread';
import './reminders.css';

/** One kind's reminders of one day: a line with its counts; it opens the list behind it. */
function GroupRow({ group, unreadOnly }: { group: ReminderGroup; unreadOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const items = useCall(
    'reminders.group',
    { rule: group.rule, day: group.day, unreadOnly },
    { enabled: open },
  );
  const name = reminderRuleNames[group.rule];
  const listId = `inbox-group-${group.rule}-${group.day}`;

  async function markRead(): Promise<void> {
    const r = await call('reminders.markRead', { group: { rule: group.rule, day: group.day } });
    useUnread.setState({ unread: r.unread });
  }

  return (
    <li className={`inbox__group${group.unread > 0 ? ' inbox__group--unread' : ''}`} data-rule={group.rule}>
      <div className="inbox__group-line">
        <button
          type="button"
          className="inbox__group-toggle"
          aria-expanded={open}
          aria-controls={listId}
          title={open ? remindersText.hideGroup : remindersText.showGroup}
          onClick={() => setOpen(!open)}
        >
          <span className="inbox__caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span className="inbox__group-name">{name}</span>
          <span className="inbox__group-size">{remindersText.groupSize(group.count, group.unread)}</span>
        </button>
        {group.unread > 0 ? (
          <button type="button" className="btn btn--small" onClick={() => void markRead()}>
            {remindersText.markGroupRead}
          </button>
        ) : null}
      </div>
      {group.rule === 'overdue_digest' && open ? (
        <p className="inbox__note muted">{remindersText.digestStands}</p>
      ) : null}
      <div id={listId}>
        {open && items.data ? (
          <ReminderItems items={items.data.items} label={`${name}, ${formatDate(group.day)}`} />
        ) : null}
      </div>
    </li>
  );
}

/**
 * My reminders by day, newest first, each day's by kind: a flood of «срок нарушен» is one line a day,
 * and on a day with a digest the digest stands for them. A kind filter narrows the list.
 */
export function InboxView() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [rule, setRule] = useState<ReminderRule | undefined>(undefined);
  // Marking read is a write: the inbox reads again by itself.
  const inbox = useCall('reminders.groups', { unreadOnly, ...(rule ? { rule } : {}) });
  const error = inbox.error ? errorText(inbox.error) : null;
  useEffect(() => {
    if (inbox.data) useUnread.setState({ unread: inbox.data.unread });
  }, [inbox.data]);

  async function markAll(): Promise<void> {
    const r = await call('reminders.markRead', { all: true });
    useUnread.setState({ unread: r.unread });
  }

  const groups = inbox.data?.groups ?? null;
  const days: [string, ReminderGroup[]][] = [];
  for (const g of groups ?? []) {
    const last = days[days.length - 1];
    if (last && last[0] === g.day) last[1].push(g);
    else days.push([g.day, [g]]);
  }
  const total = (inbox.data?.kinds ?? []).reduce((n, k) => n + k.count, 0);

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
      {inbox.data && inbox.data.kinds.length > 0 ? (
        <div className="inbox__kinds" role="group" aria-label={remindersText.kinds}>
          <button
            type="button"
            className="chip"
            aria-pressed={rule === undefined}
            onClick={() => setRule(undefined)}
          >
            {remindersText.allKinds} <span className="chip__count">{total}</span>
          </button>
          {inbox.data.kinds.map((k) => (
            <button
              key={k.rule}
              type="button"
              className="chip"
              aria-pressed={rule === k.rule}
              onClick={() => setRule(rule === k.rule ? undefined : k.rule)}
            >
              {reminderRuleNames[k.rule]} <span className="chip__count">{k.count}</span>
            </button>
          ))}
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {groups === null ? null : groups.length === 0 ? (
        <p className="muted">{remindersText.empty}</p>
      ) : (
        days.map(([day, of]) => (
          <section key={day} className="inbox__day" aria-label={formatDate(day)}>
            <h2 className="inbox__day-title">{formatDate(day)}</h2>
            <ul className="inbox__groups">
              {of.map((g) => (
                <GroupRow key={`${g.rule} ${g.day} ${unreadOnly}`} group={g} unreadOnly={unreadOnly} />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

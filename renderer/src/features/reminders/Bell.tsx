import { remindersText } from '../../i18n';
import { useStore } from '../../store';
import { useUnread, useUnreadPolling } from './unread';
import './reminders.css';

/** The bell in the sidebar: the number of unread reminders; Alt+B or a click opens the inbox. */
export function Bell() {
  const route = useStore((s) => s.route);
  const go = useStore((s) => s.go);
  const unread = useUnread((s) => s.unread);
  useUnreadPolling(route);
  return (
    <button
      type="button"
      id="bell"
      className={`bell${unread > 0 ? ' bell--unread' : ''}`}
      aria-label={remindersText.bellCount(unread)}
      aria-current={route.view === 'inbox' ? 'page' : undefined}
      aria-keyshortcuts="Alt+B"
      title={`${remindersText.bellCount(unread)} (Alt+B)`}
      onClick={() => go({ view: 'inbox' })}
    >
      <BellIcon /> {remindersText.bell}
      {unread > 0 ? (
        <span className="bell__count" data-testid="bell-count">
          {unread}
        </span>
      ) : null}
    </button>
  );
}

/** Drawn, not an emoji: a system without an emoji font would show an empty box. */
function BellIcon() {
  return (
    <svg
      className="bell__icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v2.8l1.3 1.6a.6.6 0 0 1-.5 1H2.7a.6.6 0 0 1-.5-1l1.3-1.6V7.5A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1ZM6.3 13.9h3.4a1.7 1.7 0 0 1-3.4 0Z"
      />
    </svg>
  );
}

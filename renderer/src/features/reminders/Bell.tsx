import { R } from '../../i18n';
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
      aria-label={R.bellCount(unread)}
      aria-current={route.view === 'inbox' ? 'page' : undefined}
      aria-keyshortcuts="Alt+B"
      title={`${R.bellCount(unread)} (Alt+B)`}
      onClick={() => go({ view: 'inbox' })}
    >
      <span aria-hidden="true">🔔</span> {R.bell}
      {unread > 0 ? (
        <span className="bell__count" data-testid="bell-count">
          {unread}
        </span>
      ) : null}
    </button>
  );
}

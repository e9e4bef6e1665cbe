import type { Output } from '../../../../shared/api/index';
import { toHash, type Route } from '../../app/nav-slice';
import { useCall } from '../../api/use-call';
import { formatDate, homeText } from '../../i18n';
import { useStore } from '../../store';

type TaskRow = Output<'tasks.list'>['rows'][number];

/** How many of each kind the list shows; the figure above opens them all. */
const LIMIT = 15;

function routeOf(t: TaskRow): Route {
  if (t.appealId) return { view: 'appeal', id: t.appealId };
  if (t.eventId) return { view: 'event', id: t.eventId };
  return { view: 'tasks' } as Route;
}

/**
 * The assistant's day as a list, as the deputy's home lists his queue: the late tasks first, then those
 * due today, each with what it is about (the appeal's number and applicant, or the event) and its date.
 */
export function DayTasks() {
  const t = homeText.assistant;
  const go = useStore((s) => s.go);
  const overdue = useCall('tasks.list', { due: 'overdue', limit: LIMIT });
  const today = useCall('tasks.list', { due: 'today', limit: LIMIT });
  if (!overdue.data || !today.data) return null;
  const rows = [...overdue.data.rows, ...today.data.rows];
  return (
    <section className="home__group" aria-label={t.dayList}>
      <h2 className="home__group-title">{t.dayList}</h2>
      <div className="home__events home__tasks">
        {rows.length === 0 ? (
          <p className="muted">{t.noTasks}</p>
        ) : (
          <ul aria-label={t.dayList}>
            {rows.map((r) => (
              <li key={r.id} className={r.overdue ? 'home__task--late' : undefined}>
                <a
                  href={toHash(routeOf(r))}
                  onClick={(e) => {
                    e.preventDefault();
                    go(routeOf(r));
                  }}
                >
                  <span className="home__event-when">
                    {r.overdue ? t.lateSince(formatDate(r.dueDate)) : t.dueToday}
                  </span>
                  <span className="home__event-title">{r.title}</span>
                </a>
                <span className="muted">{t.about(r.regNumber, r.applicantName, r.eventTitle)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

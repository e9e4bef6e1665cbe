import { useState } from 'react';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { mayCall } from '../../api/access';
import { useCall } from '../../api/use-call';
import { FilterNote } from '../../components/FilterNote';
import { errorText, homeText, ui } from '../../i18n';
import { useStore } from '../../store';
import { EventBoard } from './EventBoard';
import { EventCalendar } from './EventCalendar';
import { NewEventDialog } from './NewEventDialog';
import './events.css';

type Mode = 'board' | 'calendar';

/** The events section: the board by stage (open events) or the month/week calendar (all of them). */
export function EventsView() {
  const role = useStore((s) => s.user?.role);
  const go = useStore((s) => s.go);
  const [mode, setMode] = useState<Mode>('board');
  const [creating, setCreating] = useState(false);
  const canCreate = mayCall(role, 'events.create');
  // A figure of the home screen opens the board for today or this week.
  const range = useStore((s) => (s.route.view === 'events' ? s.route.filter : undefined));
  const from = range?.from;
  const to = range?.to;

  const listed = useCall('events.list', { from, to });
  const rows = listed.data ?? null;
  const error = listed.error ? errorText(listed.error) : null;

  return (
    <section className="page page--wide">
      <header className="page__head">
        <h1 className="page__title">{eventsUi.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="events-count">
          {rows ? eventsUi.count(rows.length) : ui.loading}
        </div>
      </header>
      <div className="list-tools">
        <div className="segmented" role="group" aria-label={eventsUi.title}>
          {(['board', 'calendar'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className="btn btn--small"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
            >
              {eventsUi[m]}
            </button>
          ))}
        </div>
        {canCreate ? (
          <button type="button" className="btn btn--primary btn--small" onClick={() => setCreating(true)}>
            {eventsUi.newEvent}
          </button>
        ) : null}
      </div>
      <FilterNote
        text={from || to ? homeText.filtered.events(from ?? to!, to ?? from!) : ''}
        onShowAll={() => useStore.getState().replace({ view: 'events' })}
      />
      {error ? <p className="banner banner--error">{error}</p> : null}
      {mode === 'board' && rows ? <EventBoard rows={rows} /> : null}
      {mode === 'calendar' ? <EventCalendar /> : null}
      {creating ? (
        <NewEventDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            go({ view: 'event', id });
          }}
        />
      ) : null}
    </section>
  );
}

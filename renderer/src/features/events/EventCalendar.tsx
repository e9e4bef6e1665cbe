import { useState } from 'react';
import { eventsUi, eventStateLabels } from '../../../../shared/i18n/ru/events';
import { useCall } from '../../api/use-call';
import { errorText, formatDate, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { addDays, weekStart } from './data';

type Span = 'month' | 'week';

/** The days shown: whole weeks covering the month, or the one week. */
function daysOf(span: Span, anchor: string): string[] {
  const first = weekStart(span === 'month' ? `${anchor.slice(0, 7)}-01` : anchor);
  const monthEnd = addDays(`${shift('month', anchor, 1).slice(0, 7)}-01`, -1);
  const last = span === 'week' ? addDays(first, 6) : addDays(weekStart(monthEnd), 6);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

function shift(span: Span, anchor: string, step: 1 | -1): string {
  if (span === 'week') return addDays(anchor, 7 * step);
  const d = new Date(`${anchor.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + step);
  return d.toISOString().slice(0, 10);
}

/** Events (reception days among them) on a month or week grid, finished ones included. */
export function EventCalendar() {
  const tz = useStore((s) => s.office?.timeZone ?? 'Europe/Moscow');
  const go = useStore((s) => s.go);
  const today = todayIn(tz);
  const [span, setSpan] = useState<Span>('month');
  const [anchor, setAnchor] = useState(today);
  const days = daysOf(span, anchor);
  const from = days[0]!;
  const to = days[days.length - 1]!;

  const listed = useCall('events.list', { from, to, includeFinished: true });
  const rows = listed.data ?? [];
  const error = listed.error ? errorText(listed.error) : null;

  const title =
    span === 'month'
      ? `${eventsUi.months[Number(anchor.slice(5, 7)) - 1]} ${anchor.slice(0, 4)}`
      : eventsUi.weekOf(formatDate(from), formatDate(to));

  return (
    <div className="cal">
      <div className="list-tools">
        <div className="segmented" role="group">
          {(['month', 'week'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className="btn btn--small"
              aria-pressed={span === s}
              onClick={() => setSpan(s)}
            >
              {eventsUi[s]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn--small"
          aria-label={eventsUi.previous}
          onClick={() => setAnchor(shift(span, anchor, -1))}
        >
          ←
        </button>
        <strong className="cal__title" data-testid="calendar-title">
          {title}
        </strong>
        <button
          type="button"
          className="btn btn--small"
          aria-label={eventsUi.next}
          onClick={() => setAnchor(shift(span, anchor, 1))}
        >
          →
        </button>
        <button type="button" className="btn btn--small" onClick={() => setAnchor(today)}>
          {eventsUi.today}
        </button>
      </div>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <div className={`cal__grid cal__grid--${span}`} role="grid" aria-label={eventsUi.calendarLabel}>
        <div role="row" className="cal__row cal__row--head">
          {eventsUi.weekdays.map((d) => (
            <div key={d} role="columnheader" className="cal__wd">
              {d}
            </div>
          ))}
        </div>
        {Array.from({ length: days.length / 7 }, (_, w) => (
          <div role="row" className="cal__row" key={w}>
            {days.slice(w * 7, w * 7 + 7).map((day) => (
              <div
                key={day}
                role="gridcell"
                aria-label={formatDate(day)}
                className={`cal__day${day === today ? ' cal__day--today' : ''}${
                  span === 'month' && day.slice(0, 7) !== anchor.slice(0, 7) ? ' cal__day--out' : ''
                }`}
              >
                <div className="cal__num">{Number(day.slice(8))}</div>
                {rows
                  .filter((r) => r.date === day)
                  .map((r) => (
                    <button
                      key={r.id}
                      type="button"
                      className={`cal__event cal__event--${r.kind === 'reception_day' ? 'reception' : 'other'}`}
                      title={`${r.title} — ${eventStateLabels[r.stage]}`}
                      onClick={() => go({ view: 'event', id: r.id })}
                    >
                      {r.startTime ? `${r.startTime} ` : ''}
                      {r.title}
                    </button>
                  ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

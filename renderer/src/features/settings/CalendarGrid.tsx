import { useState, type KeyboardEvent } from 'react';
import type { CalendarYear } from '../../../../shared/domain/calendar';
import type { CalendarDayKind } from '../../../../shared/i18n/ru/settings';
import { ui } from '../../i18n';
import { countWorkingDays, monthEdge, monthsOf, stepWithinYear, type CalendarDay } from './calendar-days';

const STEPS: Partial<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

const LEGEND: readonly CalendarDayKind[] = ['working', 'weekend', 'dayOff', 'workingWeekend', 'shortened'];

/** A month as the rows of a Monday-first table, blank cells before the 1st and after the last day. */
function weeksOf(days: CalendarDay[]): Array<Array<CalendarDay | null>> {
  const cells: Array<CalendarDay | null> = [...Array<null>(days[0]?.weekday ?? 0).fill(null), ...days];
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<CalendarDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * A year as twelve small months. One day is in the tab order at a time (a roving tabindex): the arrows move
 * by day and by week across month borders, Home and End go to the month's first and last day, and Enter or
 * Space (the button's own click) toggles the day when the calendar is editable.
 */
export function CalendarGrid(props: { cal: CalendarYear; editable: boolean; onToggle(date: string): void }) {
  const { cal, editable, onToggle } = props;
  const c = ui.settings.calendar;
  const months = monthsOf(cal);
  const [focus, setFocus] = useState<string | null>(null);
  const active = focus?.startsWith(`${cal.year}-`) ? focus : `${cal.year}-01-01`;

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    const from = e.target instanceof HTMLElement ? e.target.dataset.date : undefined;
    if (!from || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const step = STEPS[e.key];
    let to: string | null;
    if (step !== undefined) to = stepWithinYear(from, step);
    else if (e.key === 'Home') to = monthEdge(from, 'first');
    else if (e.key === 'End') to = monthEdge(from, 'last');
    else return;
    e.preventDefault();
    if (!to) return;
    setFocus(to);
    e.currentTarget.querySelector<HTMLElement>(`[data-date="${to}"]`)?.focus();
  }

  return (
    <div className="cal">
      <div className="cal__head">
        <p className="cal__count" data-testid="calendar-working-days">
          {c.workingDays(cal.year, countWorkingDays(months))}
        </p>
        <ul className="cal__legend" aria-label={c.legend}>
          {LEGEND.map((kind) => (
            <li key={kind}>
              <span className={`cal-day cal-day--${kind} cal-day--swatch`} aria-hidden="true" />
              {c.dayKinds[kind]}
            </li>
          ))}
        </ul>
      </div>
      <div className="cal__months" role="group" aria-label={c.gridLabel(cal.year)} onKeyDown={onKeyDown}>
        {months.map((days, m) => (
          <table key={m} className="cal-month">
            <caption>{c.months[m]}</caption>
            <thead>
              <tr>
                {c.weekdaysShort.map((w, i) => (
                  <th
                    key={w}
                    scope="col"
                    abbr={c.weekdays[i]}
                    className={i >= 5 ? 'cal-month__we' : undefined}
                  >
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(days).map((week, i) => (
                <tr key={i}>
                  {week.map((d, j) =>
                    d ? (
                      <td key={d.date}>
                        <button
                          type="button"
                          className={`cal-day cal-day--${d.kind}`}
                          data-date={d.date}
                          tabIndex={d.date === active ? 0 : -1}
                          aria-label={c.dayLabel(d.day, d.month, cal.year, d.weekday, d.kind)}
                          aria-disabled={editable ? undefined : true}
                          onFocus={() => setFocus(d.date)}
                          onClick={() => {
                            if (editable) onToggle(d.date);
                          }}
                        >
                          {d.day}
                        </button>
                      </td>
                    ) : (
                      <td key={`blank-${j}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </div>
  );
}

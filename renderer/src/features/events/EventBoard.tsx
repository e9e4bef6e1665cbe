import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EventRow } from '../../../../shared/api/events';
import { EVENT_STAGES, type EventStage } from '../../../../shared/domain/workflow/event';
import { eventsUi, eventStageLabels } from '../../../../shared/i18n/ru/events';
import { formatDate } from '../../i18n';
import { useStore } from '../../store';
import { useEventMover } from './mover';

function Card(props: {
  row: EventRow;
  focused: boolean;
  onFocus(): void;
  onKeyDown(ev: KeyboardEvent<HTMLButtonElement>): void;
}) {
  const { row } = props;
  const go = useStore((s) => s.go);
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focused && document.activeElement?.closest('.board') && ref.current !== document.activeElement)
      ref.current?.focus();
  });
  return (
    <button
      ref={ref}
      type="button"
      className={`ecard${row.overdue ? ' ecard--overdue' : ''}`}
      draggable
      tabIndex={props.focused ? 0 : -1}
      data-event-id={row.id}
      onDragStart={(ev) => ev.dataTransfer.setData('text/event-id', row.id)}
      onFocus={props.onFocus}
      onKeyDown={props.onKeyDown}
      onClick={() => go({ view: 'event', id: row.id })}
    >
      <span className="ecard__title">{row.title}</span>
      <span className="ecard__meta">
        {formatDate(row.date)}
        {row.startTime ? ` ${row.startTime}` : ''} · {row.kindName}
      </span>
      {row.place ? <span className="ecard__meta">{row.place}</span> : null}
      <span className="ecard__meta">{row.responsibleName ?? '—'}</span>
      {row.progress.total > 0 ? (
        <span className="ecard__progress">
          <progress max={row.progress.total} value={row.progress.done} />{' '}
          {eventsUi.progress(row.progress.done, row.progress.total)}
        </span>
      ) : null}
    </button>
  );
}

/**
 * Open events in columns by stage; arrows pick a card, Shift+→/← move it, drag and drop too. A move is a
 * write: the list the board shows reads again by itself.
 */
export function EventBoard({ rows }: { rows: EventRow[] }) {
  const [focusId, setFocusId] = useState<string | null>(rows[0]?.id ?? null);
  const { move, dialog, notice } = useEventMover();
  const columns = EVENT_STAGES.map((stage) => ({ stage, rows: rows.filter((r) => r.stage === stage) }));

  function onKey(row: EventRow, ev: KeyboardEvent<HTMLButtonElement>): void {
    const col = EVENT_STAGES.indexOf(row.stage as EventStage);
    const idx = columns[col]!.rows.indexOf(row);
    const pick = (c: number, i: number): void => {
      const list = columns[c]?.rows ?? [];
      const r = list[Math.min(i, list.length - 1)];
      if (r) setFocusId(r.id);
    };
    if (ev.shiftKey && ev.key === 'ArrowRight') {
      ev.preventDefault();
      if (row.moves[0]) void move(row.id, row.moves[0]);
    } else if (ev.shiftKey && ev.key === 'ArrowLeft') {
      ev.preventDefault();
      const back = row.moves.slice(1);
      const to = back[back.length - 1];
      if (to) void move(row.id, to);
    } else if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      pick(col, idx + 1);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      pick(col, Math.max(0, idx - 1));
    } else if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
      ev.preventDefault();
      const step = ev.key === 'ArrowRight' ? 1 : -1;
      for (let c = col + step; c >= 0 && c < columns.length; c += step)
        if (columns[c]!.rows.length) return pick(c, idx);
    }
  }

  return (
    <>
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
      {rows.length === 0 ? <p className="empty">{eventsUi.empty}</p> : null}
      <div className="board" role="region" aria-label={eventsUi.boardLabel}>
        {columns.map(({ stage, rows: list }) => (
          <section
            key={stage}
            className="board__col"
            aria-label={eventStageLabels[stage]}
            data-stage={stage}
            onDragOver={(ev) => ev.preventDefault()}
            onDrop={(ev) => {
              ev.preventDefault();
              const id = ev.dataTransfer.getData('text/event-id');
              const row = rows.find((r) => r.id === id);
              if (row && row.stage !== stage) void move(id, stage);
            }}
          >
            <h2 className="board__head">
              {eventStageLabels[stage]} <span className="muted">{list.length}</span>
            </h2>
            {list.map((row) => (
              <Card
                key={row.id}
                row={row}
                focused={row.id === (focusId ?? rows[0]?.id)}
                onFocus={() => setFocusId(row.id)}
                onKeyDown={(ev) => onKey(row, ev)}
              />
            ))}
          </section>
        ))}
      </div>
      <p className="muted list-hint">{eventsUi.boardKeys}</p>
      {dialog}
    </>
  );
}

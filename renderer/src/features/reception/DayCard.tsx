import type { ReceptionDay } from '../../../../shared/api/reception';
import { receptionUi as t, weekdayDayMonth } from '../../../../shared/i18n/ru/reception';
import { selectionKey, type Selection } from './navigation';

/** One reception day of the week: its slots (free, booked, in conflict) and its walk-in queue. */
export function DayCard(props: {
  day: ReceptionDay;
  selected: Selection | null;
  /** The key of the place Tab reaches. */
  tabStop: string | null;
  editable: boolean;
  placeRef(key: string, el: HTMLButtonElement | null): void;
  onSelect(s: Selection): void;
  onOpen(s: Selection): void;
  onWalkIn(): void;
  onList(): void;
  onEdit(): void;
  onCancel(): void;
}) {
  const { day, selected } = props;
  const cancelled = day.status === 'cancelled';
  return (
    <section
      className={`rday${cancelled ? ' rday--cancelled' : ''}`}
      aria-labelledby={`rday-${day.id}`}
      data-testid="reception-day"
    >
      <header className="rday__head">
        <h2 id={`rday-${day.id}`} className="rday__title">
          {weekdayDayMonth(day.date)}, {day.startTime}–{day.endTime}
        </h2>
        <div className="rday__meta">
          {day.place} · {t.host}: {day.hostName ?? t.deputy}
        </div>
        {cancelled ? (
          <div className="rday__cancelled">
            {t.cancelled}: {day.cancelReason}
          </div>
        ) : null}
      </header>
      <ul className="rday__slots" role="listbox" aria-label={weekdayDayMonth(day.date)}>
        {day.slots.map((s) => {
          const key = selectionKey({ dayId: day.id, time: s.time });
          const isSel = selected?.dayId === day.id && selected.time === s.time;
          const who = s.bookings.map((b) => b.citizenName).join(' / ');
          const status = s.bookings.length === 1 ? s.bookings[0]!.status : null;
          return (
            <li key={s.time}>
              <button
                ref={(el) => props.placeRef(key, el)}
                type="button"
                role="option"
                aria-selected={isSel}
                tabIndex={props.tabStop === key ? 0 : -1}
                className={`rslot rslot--${s.state}${status ? ` rslot--${status}` : ''}`}
                data-testid={`slot-${day.date}-${s.time}`}
                title={who || undefined}
                onFocus={() => props.onSelect({ dayId: day.id, time: s.time })}
                onClick={() => props.onOpen({ dayId: day.id, time: s.time })}
              >
                <span className="rslot__time">{s.time}</span>
                <span className="rslot__who">
                  {s.state === 'free' ? <span className="muted">{t.free}</span> : who}
                </span>
                {s.state === 'conflict' ? <span className="rslot__flag">{t.conflictShort}</span> : null}
                {status && status !== 'booked' ? (
                  <span className="rslot__mark">{t.status[status]}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      <div className="rday__queue">
        <h3 className="rday__subtitle">{t.queue}</h3>
        {day.queue.length === 0 ? <p className="muted">{t.queueEmpty}</p> : null}
        <ol className="rday__qlist">
          {day.queue.map((b) => {
            const place = { dayId: day.id, time: null, bookingId: b.id };
            const key = selectionKey(place);
            return (
              <li key={b.id}>
                <button
                  ref={(el) => props.placeRef(key, el)}
                  type="button"
                  className={`rslot rslot--booked rslot--${b.status}`}
                  aria-pressed={selected?.bookingId === b.id}
                  tabIndex={props.tabStop === key ? 0 : -1}
                  data-testid={`queue-${day.date}-${b.queueNo}`}
                  onFocus={() => props.onSelect(place)}
                  onClick={() => props.onSelect(place)}
                >
                  <span className="rslot__time">№ {b.queueNo}</span>
                  <span className="rslot__who">{b.citizenName}</span>
                  {b.status !== 'booked' ? <span className="rslot__mark">{t.status[b.status]}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </div>
      <div className="rday__actions">
        <button type="button" className="btn btn--small" onClick={props.onList}>
          {t.dayList}
        </button>
        {props.editable && !cancelled ? (
          <>
            <button type="button" className="btn btn--small" onClick={props.onWalkIn}>
              {t.addWalkIn}
            </button>
            <button type="button" className="btn btn--small" onClick={props.onEdit}>
              {t.editDayShort}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={props.onCancel}>
              {t.cancelDay}
            </button>
          </>
        ) : null}
      </div>
    </section>
  );
}

import { useState } from 'react';
import type { Booking, ReceptionDay } from '../../../../shared/api/reception';
import { receptionUi as t, weekdayDayMonth } from '../../../../shared/i18n/ru/reception';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { useStore } from '../../store';

/**
 * The selected slot's bookings (two when computers booked it apart: the conflict, settled by moving
 * one), or a walk-in: who, the question, the notice, and what the assistant does on the day.
 */
export function BookingPanel(props: {
  day: ReceptionDay;
  bookings: Booking[];
  conflict: boolean;
  editable: boolean;
  onRegister(b: Booking): void;
}) {
  const { day } = props;
  const go = useStore((s) => s.go);
  const [error, setError] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});
  const free = day.slots.filter((s) => s.state === 'free').map((s) => s.time);
  const act = (p: Promise<unknown>) => {
    setError(null);
    p.catch((e: unknown) => setError(errorText(e)));
  };

  return (
    <aside className="panel rpanel" aria-label={t.selectedSlot} data-testid="booking-panel">
      {props.conflict ? <p className="banner banner--warning">{t.conflict}</p> : null}
      {error ? <p className="banner banner--error">{error}</p> : null}
      {props.bookings.map((b) => (
        <div key={b.id} className="rpanel__booking">
          <h2 className="rpanel__who">
            {b.slot ? `${b.slot}, ${weekdayDayMonth(day.date)}` : `№ ${b.queueNo}`} — {b.citizenName}
          </h2>
          <dl className="rpanel__facts">
            <dt>{t.phone}</dt>
            <dd>{b.phone ?? '—'}</dd>
            <dt>{t.question}</dt>
            <dd>{b.question}</dd>
            <dt>{t.notices}</dt>
            <dd>{b.notice ? t.noticeState[b.notice.state] : '—'}</dd>
          </dl>
          <p>
            <strong>{t.status[b.status]}</strong>
            {b.regNumber ? (
              <>
                {' · '}
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => go({ view: 'appeal', id: b.appealId! })}
                >
                  {t.registered(b.regNumber)}
                </button>
              </>
            ) : null}
          </p>
          {props.editable ? (
            <div className="actions">
              {b.status !== 'came' ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => act(call('reception.mark', { id: b.id, status: 'came' }))}
                >
                  {t.came}
                </button>
              ) : null}
              {b.status === 'booked' ? (
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => act(call('reception.mark', { id: b.id, status: 'no_show' }))}
                >
                  {t.noShow}
                </button>
              ) : (
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => act(call('reception.mark', { id: b.id, status: 'booked' }))}
                >
                  {t.undoMark}
                </button>
              )}
              {!b.appealId ? (
                <button
                  type="button"
                  className="btn btn--small btn--primary"
                  onClick={() => props.onRegister(b)}
                >
                  {t.register}
                </button>
              ) : null}
              {b.slot && free.length > 0 ? (
                <span className="rpanel__move">
                  <label htmlFor={`move-${b.id}`}>{t.moveTo}</label>{' '}
                  <select
                    id={`move-${b.id}`}
                    value={moveTo[b.id] ?? free[0]}
                    onChange={(e) => setMoveTo((m) => ({ ...m, [b.id]: e.target.value }))}
                  >
                    {free.map((time) => (
                      <option key={time} value={time}>
                        {time}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() =>
                      act(
                        call('reception.moveBooking', {
                          id: b.id,
                          dayId: day.id,
                          slot: moveTo[b.id] ?? free[0]!,
                        }),
                      )
                    }
                  >
                    {t.move}
                  </button>
                </span>
              ) : null}
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => act(call('reception.cancelBooking', { id: b.id }))}
              >
                {t.cancelBooking}
              </button>
            </div>
          ) : null}
        </div>
      ))}
    </aside>
  );
}

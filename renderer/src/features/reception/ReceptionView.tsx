import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Booking, ReceptionDay } from '../../../../shared/api/reception';
import { addDays, mondayOf } from '../../../../shared/domain/reception';
import { receptionUi as t } from '../../../../shared/i18n/ru/reception';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Kbd } from '../../components/Field';
import { errorText, todayIn, ui } from '../../i18n';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';
import { BookDialog } from './BookDialog';
import { BookingPanel } from './BookingPanel';
import { CancelDayDialog } from './CancelDayDialog';
import { DayCard } from './DayCard';
import { selectionKey, step, type Selection } from './navigation';
import { NewDayDialog } from './NewDayDialog';
import { RegisterFromSlot } from './RegisterFromSlot';
import './reception.css';

type Dialog =
  | { kind: 'book'; day: ReceptionDay; slot: string | null }
  | { kind: 'register'; booking: Booking }
  | { kind: 'newDay' }
  | { kind: 'editDay'; day: ReceptionDay }
  | { kind: 'cancelDay'; day: ReceptionDay }
  | null;

/**
 * Приём граждан: the week's reception days with their slots, keyboard first — the arrows move between
 * slots, Enter books a free one, Space marks the citizen as come — the selected slot's bookings beside,
 * and each day's walk-in queue.
 */
export function ReceptionView() {
  const tz = useStore((s) => s.office?.timeZone ?? 'Europe/Moscow');
  const role = useStore((s) => s.user?.role);
  const editable = mayCall(role, 'reception.book');
  const today = todayIn(tz);
  const [from, setFrom] = useState(() => mondayOf(today));
  const listed = useCall('reception.days', { from, days: 7 });
  const days = listed.data ?? [];
  const [sel, setSel] = useState<Selection | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const places = useRef(new Map<string, HTMLButtonElement>());
  const wantFocus = useRef(false);

  const selDay = days.find((d) => d.id === sel?.dayId) ?? null;
  const selSlot = selDay && sel?.time ? selDay.slots.find((s) => s.time === sel.time) : undefined;
  const selBookings = selDay
    ? sel?.bookingId
      ? selDay.queue.filter((b) => b.id === sel.bookingId)
      : (selSlot?.bookings ?? [])
    : [];

  // The one place of the week that Tab reaches (the arrows do the rest): the selection, or the first.
  const first = step(days, null, '');
  const tabStop = sel ? selectionKey(sel) : first ? selectionKey(first) : null;

  useEffect(() => {
    if (!wantFocus.current || !sel) return;
    wantFocus.current = false;
    places.current.get(selectionKey(sel))?.focus();
  }, [sel]);

  const open = (s: Selection) => {
    setSel(s);
    const day = days.find((d) => d.id === s.dayId);
    const slot = day?.slots.find((x) => x.time === s.time);
    if (day && slot?.state === 'free' && editable && day.status === 'open')
      setDialog({ kind: 'book', day, slot: slot.time });
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (dialog || e.altKey || e.ctrlKey) return;
    if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) {
      e.preventDefault();
      wantFocus.current = true;
      setSel(step(days, sel, e.key));
    } else if (e.key === 'Enter' && sel) {
      e.preventDefault();
      open(sel);
    } else if (e.key === ' ' && selBookings.length === 1 && editable) {
      e.preventDefault();
      const b = selBookings[0]!;
      void call('reception.mark', { id: b.id, status: b.status === 'came' ? 'booked' : 'came' }).catch(
        (err: unknown) => setError(errorText(err)),
      );
    }
  };

  const dayList = (day: ReceptionDay) => {
    setError(null);
    call('reception.dayList', { dayId: day.id })
      .then((f) => deliverFile(f.name, f.mime, f.dataBase64))
      .catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <section className="page page--wide reception">
      <header className="page__head">
        <h1 className="page__title">{t.title}</h1>
        <div className="page__meta">{t.week(from, addDays(from, 6))}</div>
      </header>
      <div className="list-tools">
        <button type="button" className="btn btn--small" onClick={() => setFrom(addDays(from, -7))}>
          {t.prevWeek}
        </button>
        <button type="button" className="btn btn--small" onClick={() => setFrom(mondayOf(today))}>
          {t.thisWeek}
        </button>
        <button type="button" className="btn btn--small" onClick={() => setFrom(addDays(from, 7))}>
          {t.nextWeek}
        </button>
        {editable ? (
          <button
            type="button"
            className="btn btn--primary btn--small"
            onClick={() => setDialog({ kind: 'newDay' })}
          >
            {t.newDay}
          </button>
        ) : null}
        <span className="muted reception__hint">
          <Kbd>↑↓←→</Kbd> <Kbd>Enter</Kbd> <Kbd>{t.spaceKey}</Kbd> {t.keyboardHint}
        </span>
      </div>
      {listed.error ? <p className="banner banner--error">{errorText(listed.error)}</p> : null}
      {error ? <p className="banner banner--error">{error}</p> : null}
      {notice ? (
        <p className="banner banner--success" role="status">
          {notice}
        </p>
      ) : null}
      {!listed.data && !listed.error ? <p className="muted">{ui.loading}</p> : null}
      {listed.data && days.length === 0 ? <p className="muted">{t.noDays}</p> : null}
      <div className="reception__body">
        <div className="reception__week" onKeyDown={onKey}>
          {days.map((day) => (
            <DayCard
              key={day.id}
              day={day}
              selected={sel}
              editable={editable}
              tabStop={tabStop}
              placeRef={(key, el) => (el ? places.current.set(key, el) : places.current.delete(key))}
              onSelect={setSel}
              onOpen={open}
              onWalkIn={() => setDialog({ kind: 'book', day, slot: null })}
              onList={() => dayList(day)}
              onEdit={() => setDialog({ kind: 'editDay', day })}
              onCancel={() => setDialog({ kind: 'cancelDay', day })}
            />
          ))}
        </div>
        {selDay && selBookings.length > 0 ? (
          <BookingPanel
            day={selDay}
            bookings={selBookings}
            conflict={selSlot?.state === 'conflict'}
            editable={editable}
            onRegister={(booking) => setDialog({ kind: 'register', booking })}
          />
        ) : null}
      </div>
      {dialog?.kind === 'book' ? (
        <BookDialog
          dayId={dialog.day.id}
          date={dialog.day.date}
          slot={dialog.slot}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'register' ? (
        <RegisterFromSlot
          booking={dialog.booking}
          onClose={() => setDialog(null)}
          onDone={(n) => {
            setDialog(null);
            setNotice(t.registered(n));
          }}
        />
      ) : null}
      {dialog?.kind === 'cancelDay' ? (
        <CancelDayDialog day={dialog.day} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'editDay' ? (
        <NewDayDialog
          date={dialog.day.date}
          day={dialog.day}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'newDay' ? (
        <NewDayDialog date={today} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      ) : null}
    </section>
  );
}

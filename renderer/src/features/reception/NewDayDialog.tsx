import { useState } from 'react';
import type { ReceptionDay } from '../../../../shared/api/reception';
import { receptionUi as t } from '../../../../shared/i18n/ru/reception';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { useSubmit } from './use-submit';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

interface Draft {
  date: string | null;
  until: string | null;
  place: string;
  startTime: string;
  endTime: string;
  slotMinutes: string;
  breakFrom: string;
  breakTo: string;
  /** '' for the deputy. */
  hostId: string;
  /** '' for none. */
  eventId: string;
}

const RECEPTION_EVENT_KIND = 'reception_day';

function draftOf(date: string, day: ReceptionDay | undefined): Draft {
  if (!day)
    return {
      date,
      until: '',
      place: '',
      startTime: '10:00',
      endTime: '13:00',
      slotMinutes: '20',
      breakFrom: '',
      breakTo: '',
      hostId: '',
      eventId: '',
    };
  return {
    date: day.date,
    until: '',
    place: day.place,
    startTime: day.startTime,
    endTime: day.endTime,
    slotMinutes: String(day.slotMinutes),
    breakFrom: day.breaks[0]?.from ?? '',
    breakTo: day.breaks[0]?.to ?? '',
    hostId: day.hostId ?? '',
    eventId: day.eventId ?? '',
  };
}

/**
 * A reception day, new or changed: date, who receives, place, hours, the slot's length and a break, and
 * the «День приёма» event of that date it belongs to. A new one with «until» repeats on the same day of
 * the week every week up to that date (the repeating rule); a day moved to another date or place tells
 * each booked citizen.
 */
export function NewDayDialog(props: {
  date: string;
  /** The day to change; none for a new one. */
  day?: ReceptionDay;
  onClose(): void;
  onDone(): void;
}) {
  const { day } = props;
  const [d, setD] = useState<Draft>(() => draftOf(props.date, day));
  const users = useCall('users.list', {});
  const date = d.date ?? '';
  const events = useCall(
    'events.list',
    { from: date, to: date },
    { enabled: /^\d{4}-\d\d-\d\d$/.test(date) },
  );
  const receptionEvents = (events.data ?? []).filter((e) => e.kind === RECEPTION_EVENT_KIND);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));

  const { errors, error, busy, submit } = useSubmit(async () => {
    const fields = {
      place: d.place,
      startTime: d.startTime,
      endTime: d.endTime,
      slotMinutes: Number(d.slotMinutes),
      breaks: d.breakFrom || d.breakTo ? [{ from: d.breakFrom, to: d.breakTo }] : [],
      hostId: d.hostId || null,
    };
    if (day)
      await call('reception.updateDay', {
        id: day.id,
        version: day.version,
        fields: { ...fields, date, eventId: d.eventId || null },
      });
    else if (d.until) {
      const weekday = ((new Date(`${d.date ?? ''}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      await call('reception.createSeries', {
        ...fields,
        from: date,
        to: d.until,
        weekdays: [weekday],
      });
    } else await call('reception.createDay', { ...fields, date, eventId: d.eventId || null });
    props.onDone();
  });

  // A change names its fields under `fields.`.
  const err = (key: string): string | undefined => errors[key] ?? errors[`fields.${key}`];

  const text = (key: keyof Draft, label: string, error?: string) => (
    <Field id={`day-${key}`} label={label} error={error ?? err(key)}>
      {(a) => (
        <input
          id={`day-${key}`}
          {...a}
          value={d[key] ?? ''}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <Dialog
      id="new-day-dialog"
      title={day ? t.editDay : t.newDay}
      submitLabel={day ? t.saveDay : t.create}
      busy={busy}
      error={error}
      wide
      onSubmit={submit}
      onClose={props.onClose}
    >
      <div className="reception__grid">
        <Field id="day-date" label={t.date} error={err('date') ?? errors.from}>
          {(a) => (
            <DateInput
              id="day-date"
              {...a}
              value={d.date}
              onChange={(v) => set({ date: v, eventId: v === d.date ? d.eventId : '' })}
            />
          )}
        </Field>
        {day ? null : (
          <Field id="day-until" label={t.repeatUntil} error={errors.to}>
            {(a) => <DateInput id="day-until" {...a} value={d.until} onChange={(v) => set({ until: v })} />}
          </Field>
        )}
      </div>
      <div className="reception__grid">
        <Field id="day-hostId" label={t.host} error={err('hostId')}>
          {(a) => (
            <select id="day-hostId" {...a} value={d.hostId} onChange={(e) => set({ hostId: e.target.value })}>
              <option value="">{t.deputy}</option>
              {(users.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="day-eventId" label={t.event} error={err('eventId')}>
          {(a) => (
            <select
              id="day-eventId"
              {...a}
              disabled={!!d.until}
              value={d.until ? '' : d.eventId}
              onChange={(e) => {
                const ev = receptionEvents.find((x) => x.id === e.target.value);
                set({ eventId: e.target.value, place: d.place || (ev?.place ?? '') });
              }}
            >
              <option value="">{receptionEvents.length ? t.noEvent : t.noEventsThatDay}</option>
              {receptionEvents.map((ev) => (
                <option key={ev.id} value={ev.id}>
                  {ev.startTime ? `${ev.startTime} ` : ''}
                  {ev.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {text('place', t.place)}
      <div className="reception__grid">
        {text('startTime', t.start)}
        {text('endTime', t.end)}
        {text('slotMinutes', t.slotMinutes)}
        {text('breakFrom', t.breakFrom, err('breaks.0.from') ?? err('breaks.0'))}
        {text('breakTo', t.breakTo, err('breaks.0.to'))}
      </div>
    </Dialog>
  );
}

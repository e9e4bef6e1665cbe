import type { EventCard } from '../../../../shared/api/events';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { DateInput } from '../../components/DateInput';
import { Check, Field } from '../../components/Field';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { useEventKinds } from './data';

/** The card's fields as typed: text for every input, null for a date typed wrong. */
export interface EventDraft {
  title: string;
  kind: string;
  date: string | null;
  startTime: string;
  endTime: string;
  place: string;
  address: string;
  district: string;
  responsibleId: string;
  escortId: string;
  transferNeeded: boolean;
  transferTransport: string;
  transferOutAt: string;
  transferBackAt: string;
  expectedCount: string;
  actualCount: string;
  programme: string;
  agenda: string;
  pressReleaseSentOn: string | null;
  pressAnswerOn: string | null;
  pressNote: string;
  outcome: string;
}

export function draftOf(c: EventCard | null, today: string, userId: string): EventDraft {
  return {
    title: c?.title ?? '',
    kind: c?.kind ?? 'reception_day',
    date: c?.date ?? today,
    startTime: c?.startTime ?? '',
    endTime: c?.endTime ?? '',
    place: c?.place ?? '',
    address: c?.address ?? '',
    district: c?.district ?? '',
    responsibleId: c ? (c.responsibleId ?? '') : userId,
    escortId: c?.escortId ?? '',
    transferNeeded: c?.transferNeeded ?? false,
    transferTransport: c?.transferTransport ?? '',
    transferOutAt: c?.transferOutAt ?? '',
    transferBackAt: c?.transferBackAt ?? '',
    expectedCount: c?.expectedCount?.toString() ?? '',
    actualCount: c?.actualCount?.toString() ?? '',
    programme: c?.programme ?? '',
    agenda: c?.agenda ?? '',
    pressReleaseSentOn: c?.pressReleaseSentOn ?? '',
    pressAnswerOn: c?.pressAnswerOn ?? '',
    pressNote: c?.pressNote ?? '',
    outcome: c?.outcome ?? '',
  };
}

const count = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const time = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** What the contract takes; the server checks it all. */
export function inputOf(d: EventDraft) {
  return {
    title: d.title,
    kind: d.kind,
    date: d.date ?? '',
    startTime: time(d.startTime),
    endTime: time(d.endTime),
    place: d.place,
    address: d.address,
    district: d.district,
    responsibleId: d.responsibleId || null,
    escortId: d.escortId || null,
    transferNeeded: d.transferNeeded,
    transferTransport: d.transferTransport,
    transferOutAt: time(d.transferOutAt),
    transferBackAt: time(d.transferBackAt),
    expectedCount: count(d.expectedCount),
    actualCount: count(d.actualCount),
    programme: d.programme,
    agenda: d.agenda,
    pressReleaseSentOn: d.pressReleaseSentOn || null,
    pressAnswerOn: d.pressAnswerOn || null,
    pressNote: d.pressNote,
    outcome: d.outcome,
  };
}

type Key = keyof EventDraft;

/** The inputs of the card; `only` picks the few a new event asks for. */
export function EventFields(props: {
  draft: EventDraft;
  errors: Record<string, string>;
  onChange(patch: Partial<EventDraft>): void;
  only?: readonly Key[];
}) {
  const { draft: d, errors, onChange } = props;
  const users = useStore((s) => s.users).filter((u) => u.active);
  const kinds = useEventKinds();
  const show = (k: Key): boolean => !props.only || props.only.includes(k);
  const id = (k: Key): string => `ev-${k}`;

  const text = (k: Key, opts: { rows?: number; hint?: string } = {}) =>
    show(k) ? (
      <Field id={id(k)} label={eventsUi.fields[k]!} hint={opts.hint} error={errors[k]}>
        {(a) =>
          opts.rows ? (
            <textarea
              id={id(k)}
              {...a}
              rows={opts.rows}
              value={d[k] as string}
              onChange={(x) => onChange({ [k]: x.target.value })}
            />
          ) : (
            <input
              id={id(k)}
              {...a}
              value={d[k] as string}
              onChange={(x) => onChange({ [k]: x.target.value })}
            />
          )
        }
      </Field>
    ) : null;
  const date = (k: 'date' | 'pressReleaseSentOn' | 'pressAnswerOn') =>
    show(k) ? (
      <Field
        id={id(k)}
        label={eventsUi.fields[k]!}
        hint={ui.dateFormatHint}
        error={errors[k] ?? (d[k] === null ? ui.badDate : undefined)}
      >
        {(a) => <DateInput id={id(k)} {...a} value={d[k]} onChange={(v) => onChange({ [k]: v })} />}
      </Field>
    ) : null;
  const person = (k: 'responsibleId' | 'escortId') =>
    show(k) ? (
      <Field id={id(k)} label={eventsUi.fields[k]!} error={errors[k]}>
        {(a) => (
          <select id={id(k)} {...a} value={d[k]} onChange={(x) => onChange({ [k]: x.target.value })}>
            <option value="">{ui.none}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
          </select>
        )}
      </Field>
    ) : null;

  return (
    <div className="evform">
      {text('title')}
      {show('kind') ? (
        <Field id={id('kind')} label={eventsUi.fields.kind!} error={errors.kind}>
          {(a) => (
            <select
              id={id('kind')}
              {...a}
              value={d.kind}
              onChange={(x) => onChange({ kind: x.target.value })}
            >
              {kinds.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {date('date')}
      {text('startTime', { hint: eventsUi.timeHint })}
      {text('endTime', { hint: eventsUi.timeHint })}
      {text('place')}
      {text('address')}
      {text('district')}
      {person('responsibleId')}
      {person('escortId')}
      {show('transferNeeded') ? (
        <Check
          id={id('transferNeeded')}
          label={eventsUi.fields.transferNeeded!}
          checked={d.transferNeeded}
          onChange={(v) => onChange({ transferNeeded: v })}
        />
      ) : null}
      {d.transferNeeded ? (
        <>
          {text('transferTransport')}
          {text('transferOutAt', { hint: eventsUi.timeHint })}
          {text('transferBackAt', { hint: eventsUi.timeHint })}
        </>
      ) : null}
      {text('expectedCount')}
      {text('actualCount')}
      {text('programme', { rows: 4 })}
      {text('agenda', { rows: 4 })}
      {date('pressReleaseSentOn')}
      {date('pressAnswerOn')}
      {text('pressNote')}
      {text('outcome', { rows: 4 })}
    </div>
  );
}

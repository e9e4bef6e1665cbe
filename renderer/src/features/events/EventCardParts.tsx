/** The pieces of the event card: its checklists, details, edit form, cancel dialog and the next-step key. */
import { useEffect, useRef, useState } from 'react';
import type { EventCard, EventTask } from '../../../../shared/api/events';
import { assigneeLabels, eventsUi } from '../../../../shared/i18n/ru/events';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, formatDate, ui } from '../../i18n';
import { useStore } from '../../store';
import { draftOf, EventFields, inputOf, type EventDraft } from './EventFields';

export function Checklist(props: {
  task: EventTask;
  onCheck(id: string, done: boolean): void;
  enabled: boolean;
}) {
  const { task } = props;
  return (
    <div className="checklist" data-testid={`checklist-${task.role}`}>
      <h3 className="checklist__head">
        {assigneeLabels[task.role]}: {task.assigneeName ?? ui.none}
        <span className="muted">
          {' '}
          · {eventsUi.due} {formatDate(task.dueDate)}
        </span>
      </h3>
      {task.items.length === 0 ? <p className="muted">{eventsUi.noChecklist}</p> : null}
      <ul className="checklist__items">
        {task.items.map((i) => (
          <li key={i.id} className={`checklist__item${i.done ? ' checklist__item--done' : ''}`}>
            <input
              id={`item-${i.id}`}
              type="checkbox"
              checked={i.done}
              disabled={!props.enabled}
              onChange={(x) => props.onCheck(i.id, x.target.checked)}
            />
            <label htmlFor={`item-${i.id}`}>
              {i.text}
              {i.mandatory ? <span className="checklist__mandatory"> *</span> : null}
            </label>
            <span className="muted checklist__due">
              {i.done ? eventsUi.doneBy(i.doneByName) : `${eventsUi.due} ${formatDate(i.dueDate)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CancelDialog(props: { id: string; onClose(): void; onDone(card: EventCard): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      id="cancel-event-dialog"
      title={eventsUi.cancelEvent}
      submitLabel={eventsUi.cancelEvent}
      busy={busy}
      error={error}
      onSubmit={() => {
        setBusy(true);
        call('events.cancel', { id: props.id, reason }).then(props.onDone, (err: unknown) => {
          setBusy(false);
          setError(errorText(err));
        });
      }}
      onClose={props.onClose}
    >
      <Field id="cancel-reason" label={eventsUi.cancelReason}>
        {(a) => (
          <textarea
            id="cancel-reason"
            {...a}
            rows={2}
            value={reason}
            onChange={(x) => setReason(x.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}

export function EditForm(props: { card: EventCard; onDone(card: EventCard): void; onCancel(): void }) {
  const userId = useStore((s) => s.user?.id ?? '');
  const [draft, setDraft] = useState<EventDraft>(() => draftOf(props.card, props.card.date, userId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function save(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      props.onDone(
        await call('events.update', {
          id: props.card.id,
          version: props.card.version,
          patch: inputOf(draft),
        }),
      );
    } catch (err) {
      setBusy(false);
      if (isCallError(err)) setErrors(fieldErrors(err));
      setError(errorText(err));
    }
  }
  return (
    <form
      className="panel edit"
      aria-label={eventsUi.edit}
      onSubmit={(x) => {
        x.preventDefault();
        void save();
      }}
      onKeyDown={(x) => {
        if (x.key === 'Enter' && (x.ctrlKey || x.metaKey)) {
          x.preventDefault();
          void save();
        }
      }}
    >
      {error ? <p className="banner banner--error">{error}</p> : null}
      <EventFields draft={draft} errors={errors} onChange={(p) => setDraft((d) => ({ ...d, ...p }))} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {ui.save} <Kbd>Ctrl+Enter</Kbd>
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          {ui.cancel}
        </button>
      </div>
    </form>
  );
}

export function Details({ card }: { card: EventCard }) {
  const rows: [string, string | null][] = [
    [eventsUi.fields.kind!, card.kindName],
    [
      eventsUi.fields.date!,
      `${formatDate(card.date)}${card.startTime ? ` ${card.startTime}` : ''}${card.endTime ? `–${card.endTime}` : ''}`,
    ],
    [eventsUi.fields.place!, card.place],
    [eventsUi.fields.address!, card.address],
    [eventsUi.fields.district!, card.district],
    [eventsUi.fields.responsibleId!, card.responsibleName],
    [eventsUi.fields.escortId!, card.escortName],
    [
      eventsUi.fields.transferNeeded!,
      card.transferNeeded
        ? [card.transferTransport, card.transferOutAt, card.transferBackAt].filter(Boolean).join(', ') ||
          ui.yes
        : ui.no,
    ],
    [eventsUi.fields.expectedCount!, card.expectedCount?.toString() ?? null],
    [eventsUi.fields.actualCount!, card.actualCount?.toString() ?? null],
    [
      eventsUi.fields.pressReleaseSentOn!,
      card.pressReleaseSentOn ? formatDate(card.pressReleaseSentOn) : null,
    ],
    [eventsUi.fields.pressAnswerOn!, card.pressAnswerOn ? formatDate(card.pressAnswerOn) : null],
    [eventsUi.fields.programme!, card.programme],
    [eventsUi.fields.agenda!, card.agenda],
    [eventsUi.fields.outcome!, card.outcome],
  ];
  return (
    <dl className="dl">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="prose">{value || ui.none}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Alt+Enter anywhere on the card takes the next step, as on an appeal's card. */
export function NextStepKey({ onNext }: { onNext: (() => void) | null }) {
  const ref = useRef(onNext);
  useEffect(() => {
    ref.current = onNext;
  });
  useEffect(() => {
    const onKey = (x: KeyboardEvent): void => {
      if (x.defaultPrevented || !x.altKey || x.key !== 'Enter' || !ref.current) return;
      if (document.querySelector('dialog[open]')) return;
      x.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return null;
}

/** The event card: where it stands, the current stage's checklist, the next step, and everything about it. */

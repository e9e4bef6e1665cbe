/** The pieces of the event card: its checklists, details, edit form, cancel dialog and the next-step key. */
import { useEffect, useRef, useState } from 'react';
import type { EventCard, EventTask } from '../../../../shared/api/events';
import { assigneeLabels, eventsUi as e } from '../../../../shared/i18n/ru/events';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, formatDate, t } from '../../i18n';
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
        {assigneeLabels[task.role]}: {task.assigneeName ?? t.none}
        <span className="muted">
          {' '}
          · {e.due} {formatDate(task.dueDate)}
        </span>
      </h3>
      {task.items.length === 0 ? <p className="muted">{e.noChecklist}</p> : null}
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
              {i.done ? e.doneBy(i.doneByName) : `${e.due} ${formatDate(i.dueDate)}`}
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
      title={e.cancelEvent}
      submitLabel={e.cancelEvent}
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
      <Field id="cancel-reason" label={e.cancelReason}>
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
      aria-label={e.edit}
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
          {t.save} <Kbd>Ctrl+Enter</Kbd>
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

export function Details({ card }: { card: EventCard }) {
  const rows: [string, string | null][] = [
    [e.fields.kind!, card.kindName],
    [
      e.fields.date!,
      `${formatDate(card.date)}${card.startTime ? ` ${card.startTime}` : ''}${card.endTime ? `–${card.endTime}` : ''}`,
    ],
    [e.fields.place!, card.place],
    [e.fields.address!, card.address],
    [e.fields.district!, card.district],
    [e.fields.responsibleId!, card.responsibleName],
    [e.fields.escortId!, card.escortName],
    [
      e.fields.transferNeeded!,
      card.transferNeeded
        ? [card.transferTransport, card.transferOutAt, card.transferBackAt].filter(Boolean).join(', ') ||
          t.yes
        : t.no,
    ],
    [e.fields.expectedCount!, card.expectedCount?.toString() ?? null],
    [e.fields.actualCount!, card.actualCount?.toString() ?? null],
    [e.fields.pressReleaseSentOn!, card.pressReleaseSentOn ? formatDate(card.pressReleaseSentOn) : null],
    [e.fields.pressAnswerOn!, card.pressAnswerOn ? formatDate(card.pressAnswerOn) : null],
    [e.fields.programme!, card.programme],
    [e.fields.agenda!, card.agenda],
    [e.fields.outcome!, card.outcome],
  ];
  return (
    <dl className="dl">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="prose">{value || t.none}</dd>
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

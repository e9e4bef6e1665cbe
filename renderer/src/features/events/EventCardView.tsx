import { useEffect, useRef, useState } from 'react';
import type { EventCard, EventTask } from '../../../../shared/api/events';
import { isOpenEventState } from '../../../../shared/domain/workflow/event';
import {
  assigneeLabels,
  eventsUi as e,
  eventStageLabels,
  eventStateLabels,
} from '../../../../shared/i18n/ru/events';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { deliverFile } from '../attachments/files';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, formatDate, formatInstant, L, t } from '../../i18n';
import { useStore } from '../../store';
import { draftOf, EventFields, inputOf, type EventDraft } from './EventFields';
import { useEventMover } from './mover';
import { Participants } from './Participants';
import './events.css';

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; card: EventCard };

function Checklist(props: { task: EventTask; onCheck(id: string, done: boolean): void; enabled: boolean }) {
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

function CancelDialog(props: { id: string; onClose(): void; onDone(card: EventCard): void }) {
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

function EditForm(props: { card: EventCard; onDone(card: EventCard): void; onCancel(): void }) {
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

function Details({ card }: { card: EventCard }) {
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
function NextStepKey({ onNext }: { onNext: (() => void) | null }) {
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
export function EventCardView({ id }: { id: string }) {
  const role = useStore((s) => s.user?.role);
  const userId = useStore((s) => s.user?.id);
  const tz = useStore((s) => s.office?.timeZone);
  const go = useStore((s) => s.go);
  const back = useStore((s) => s.back);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setCard = (card: EventCard): void => setLoad({ state: 'ready', card });
  const { move, dialog, notice } = useEventMover(setCard);
  const canEdit = mayCall(role, 'events.update');

  useEffect(() => {
    let live = true;
    call('events.get', { id }).then(
      (card) => live && setLoad({ state: 'ready', card }),
      (err: unknown) => live && setLoad({ state: 'error', message: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  if (load.state === 'loading') return <p className="page muted">{t.loading}</p>;
  if (load.state === 'error') return <p className="page banner banner--error">{load.message}</p>;
  const card = load.card;
  const open = isOpenEventState(card.stage);
  const openTasks = card.tasks.filter((x) => x.status === 'open');
  const pastTasks = card.tasks.filter((x) => x.status !== 'open');

  const check = (itemId: string, done: boolean): void => {
    setError(null);
    call('events.checkItem', { id: itemId, done }).then(setCard, (err: unknown) => setError(errorText(err)));
  };
  const saveParticipants = (participants: { contactId: string; attended: boolean }[]): void => {
    setError(null);
    call('events.update', { id: card.id, version: card.version, patch: { participants } }).then(
      setCard,
      (err: unknown) => setError(errorText(err)),
    );
  };
  const registerAppeal = (): void => {
    const s = useStore.getState();
    s.resetDraft(false);
    s.setDraft({ event: { id: card.id, title: card.title }, channel: 'reception' });
    go({ view: 'register' });
  };
  const printProgramme = (): void => {
    setError(null);
    call('documents.programme', { eventId: card.id })
      .then((f) => deliverFile(f.name, f.mime, f.dataBase64))
      .catch((err: unknown) => setError(errorText(err)));
  };
  const nextLabel =
    card.next === 'closed'
      ? e.close
      : card.next
        ? e.nextStep(eventStageLabels[card.next as keyof typeof eventStageLabels])
        : '';

  return (
    <section className="page page--card page--event">
      <NextStepKey onNext={open && canEdit && card.next ? () => void move(card.id, card.next!) : null} />
      <div className="card-head">
        <div className="card-head__main">
          <button type="button" className="btn btn--ghost btn--small" onClick={back}>
            ← {e.back}
          </button>
          <h1 className="page__title">{card.title}</h1>
          <div>
            <span className={`pill pill--event-${card.stage}`} data-testid="event-stage">
              {eventStateLabels[card.stage]}
            </span>{' '}
            <span className="muted">
              {card.kindName} · {formatDate(card.date)}
              {card.startTime ? ` ${card.startTime}` : ''}
              {card.place ? ` · ${card.place}` : ''}
            </span>
          </div>
          {card.stage === 'creation' && card.approvalOn ? (
            <p className="muted">{e.approvalOn(formatDate(card.approvalOn))}</p>
          ) : null}
          {card.stage === 'cancelled' ? (
            <p className="banner banner--warning">{e.cancelled(card.cancelReason ?? '')}</p>
          ) : null}
          {card.stage === 'closed' ? (
            <p className="banner banner--success">{e.closed(formatDate(card.closedOn))}</p>
          ) : null}
        </div>
        {canEdit ? (
          <div className="card-head__actions">
            {open && card.next ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => void move(card.id, card.next!)}
              >
                {nextLabel} <Kbd>Alt+Enter</Kbd>
              </button>
            ) : null}
            {card.stage !== 'cancelled' && mayCall(role, 'appeals.register') ? (
              <button type="button" className="btn" onClick={registerAppeal}>
                {e.registerAppeal}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={printProgramme}>
              {e.printProgramme}
            </button>
            {!editing ? (
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                {e.edit}
              </button>
            ) : null}
            {open ? (
              <button type="button" className="btn btn--ghost" onClick={() => setCancelling(true)}>
                {e.cancelEvent}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
        {error ? <p className="banner banner--error">{error}</p> : null}
      </div>

      <ol className="stepper" aria-label={e.stages}>
        {card.stages.map((s) => (
          <li
            key={s.stage}
            className={`stepper__step stepper__step--${s.state}`}
            aria-current={s.state === 'current' ? 'step' : undefined}
          >
            {eventStageLabels[s.stage]}
          </li>
        ))}
      </ol>

      {open ? (
        <section className="panel" aria-label={e.checklist}>
          <h2>
            {e.checklist}: {eventStateLabels[card.stage]}{' '}
            <span className="muted" data-testid="checklist-progress">
              {e.progress(card.progress.done, card.progress.total)}
              {card.progress.mandatoryLeft > 0 ? `, ${e.mandatoryLeft(card.progress.mandatoryLeft)}` : ''}
            </span>
          </h2>
          {openTasks.map((task) => (
            <Checklist
              key={task.id}
              task={task}
              onCheck={check}
              enabled={canEdit || task.assigneeId === userId}
            />
          ))}
          {open && card.moves.length > 1 && canEdit ? (
            <div className="actions">
              <span className="muted">{e.back1}:</span>
              {card.moves.slice(1).map((s) => (
                <button
                  key={s}
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => void move(card.id, s)}
                >
                  {eventStateLabels[s]}
                </button>
              ))}
            </div>
          ) : null}
        </section>
      ) : null}

      {editing ? (
        <EditForm
          card={card}
          onCancel={() => setEditing(false)}
          onDone={(c) => {
            setEditing(false);
            setCard(c);
          }}
        />
      ) : (
        <section className="panel">
          <Details card={card} />
        </section>
      )}

      <div className="card-sections">
        <section className="panel">
          <h2>{e.participants}</h2>
          <Participants
            card={card}
            editable={canEdit && card.stage !== 'cancelled'}
            onSave={saveParticipants}
          />
        </section>
        <section className="panel">
          <h2>{e.appeals}</h2>
          {card.appeals.length === 0 ? <p className="muted">{e.noAppeals}</p> : null}
          <ul className="plist" data-testid="event-appeals">
            {card.appeals.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => go({ view: 'appeal', id: a.id })}
                >
                  {a.regNumber}
                </button>{' '}
                {a.applicantName} — {a.summary} <span className="muted">{L.statusLabels[a.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      {pastTasks.length > 0 ? (
        <details className="panel">
          <summary>{e.pastTasks}</summary>
          <ul className="tasks">
            {pastTasks.map((x) => (
              <li key={x.id} className="tasks__item">
                <div className="tasks__title">{x.title}</div>
                <div className="muted">
                  {x.items.filter((i) => i.done).length}/{x.items.length} · {x.assigneeName ?? t.none}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <section className="panel">
        <h2>{e.history}</h2>
        <ol className="timeline">
          {card.history.map((h) => (
            <li key={h.id} className="timeline__item">
              <div className="timeline__head">
                <span>{formatInstant(h.at, tz)}</span>{' '}
                <span className="timeline__who">{h.userName ?? e.system}</span>{' '}
                <span>{e.historyActions[h.action] ?? h.action}</span>
                {h.changes.stage ? (
                  <span>
                    {' '}
                    {eventStateLabels[h.changes.stage.from as keyof typeof eventStateLabels]} →{' '}
                    {eventStateLabels[h.changes.stage.to as keyof typeof eventStateLabels]}
                  </span>
                ) : null}
              </div>
              {h.comment ? <div className="muted">{h.comment}</div> : null}
            </li>
          ))}
        </ol>
      </section>
      {dialog}
      {cancelling ? (
        <CancelDialog
          id={card.id}
          onClose={() => setCancelling(false)}
          onDone={(c) => {
            setCancelling(false);
            setCard(c);
          }}
        />
      ) : null}
    </section>
  );
}

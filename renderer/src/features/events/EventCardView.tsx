import { useState } from 'react';
import { isOpenEventState } from '../../../../shared/domain/workflow/event';
import { eventsUi, eventStageLabels, eventStateLabels } from '../../../../shared/i18n/ru/events';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { deliverFile } from '../attachments/files';
import { Kbd } from '../../components/Field';
import { errorText, formatDate, formatInstant, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { useEventMover } from './mover';
import { Participants } from './Participants';
import { CancelDialog, Checklist, Details, EditForm, NextStepKey } from './EventCardParts';
import { EventMandates } from '../mandates/EventMandates';
import './events.css';
import { RecordAssignments } from '../assignments/RecordAssignments';

export function EventCardView({ id }: { id: string }) {
  const role = useStore((s) => s.user?.role);
  const userId = useStore((s) => s.user?.id);
  const tz = useStore((s) => s.office?.timeZone);
  const go = useStore((s) => s.go);
  const back = useStore((s) => s.back);
  // A move, a tick, an edit answers with the card and shows it at once; the read the write sets off follows.
  const got = useCall('events.get', { id });
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setCard = got.setData;
  const { move, dialog, notice } = useEventMover(setCard);
  const canEdit = mayCall(role, 'events.update');

  if (got.error) return <p className="page banner banner--error">{errorText(got.error)}</p>;
  if (!got.data) return <p className="page muted">{ui.loading}</p>;
  const card = got.data;
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
      ? eventsUi.close
      : card.next
        ? eventsUi.nextStep(eventStageLabels[card.next as keyof typeof eventStageLabels])
        : '';

  return (
    <section className="page page--card page--event">
      <NextStepKey onNext={open && canEdit && card.next ? () => void move(card.id, card.next!) : null} />
      <div className="card-head">
        <div className="card-head__main">
          <button type="button" className="btn btn--ghost btn--small" onClick={back}>
            ← {eventsUi.back}
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
            <p className="muted">{eventsUi.approvalOn(formatDate(card.approvalOn))}</p>
          ) : null}
          {card.stage === 'cancelled' ? (
            <p className="banner banner--warning">{eventsUi.cancelled(card.cancelReason ?? '')}</p>
          ) : null}
          {card.stage === 'closed' ? (
            <p className="banner banner--success">{eventsUi.closed(formatDate(card.closedOn))}</p>
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
                {eventsUi.registerAppeal}
              </button>
            ) : null}
            <button type="button" className="btn" onClick={printProgramme}>
              {eventsUi.printProgramme}
            </button>
            {!editing ? (
              <button type="button" className="btn" onClick={() => setEditing(true)}>
                {eventsUi.edit}
              </button>
            ) : null}
            {open ? (
              <button type="button" className="btn btn--ghost" onClick={() => setCancelling(true)}>
                {eventsUi.cancelEvent}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
        {error ? <p className="banner banner--error">{error}</p> : null}
      </div>

      <ol className="stepper" aria-label={eventsUi.stages}>
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
        <section className="panel" aria-label={eventsUi.checklist}>
          <h2>
            {eventsUi.checklist}: {eventStateLabels[card.stage]}{' '}
            <span className="muted" data-testid="checklist-progress">
              {eventsUi.progress(card.progress.done, card.progress.total)}
              {card.progress.mandatoryLeft > 0
                ? `, ${eventsUi.mandatoryLeft(card.progress.mandatoryLeft)}`
                : ''}
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
              <span className="muted">{eventsUi.back1}:</span>
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
          <h2>{eventsUi.participants}</h2>
          <Participants
            card={card}
            editable={canEdit && card.stage !== 'cancelled'}
            onSave={saveParticipants}
          />
        </section>
        <section className="panel">
          <h2>{eventsUi.appeals}</h2>
          {card.appeals.length === 0 ? <p className="muted">{eventsUi.noAppeals}</p> : null}
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
                {a.applicantName} — {a.summary} <span className="muted">{labels.statusLabels[a.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>

      <RecordAssignments links={{ eventId: card.id }} />

      <EventMandates eventId={card.id} />
      {pastTasks.length > 0 ? (
        <details className="panel">
          <summary>{eventsUi.pastTasks}</summary>
          <ul className="tasks">
            {pastTasks.map((x) => (
              <li key={x.id} className="tasks__item">
                <div className="tasks__title">{x.title}</div>
                <div className="muted">
                  {x.items.filter((i) => i.done).length}/{x.items.length} · {x.assigneeName ?? ui.none}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      <section className="panel">
        <h2>{eventsUi.history}</h2>
        <ol className="timeline">
          {card.history.map((h) => (
            <li key={h.id} className="timeline__item">
              <div className="timeline__head">
                <span>{formatInstant(h.at, tz)}</span>{' '}
                <span className="timeline__who">{h.userName ?? eventsUi.system}</span>{' '}
                <span>{eventsUi.historyActions[h.action] ?? h.action}</span>
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

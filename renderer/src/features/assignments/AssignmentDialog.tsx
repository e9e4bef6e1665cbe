import { useState } from 'react';
import type { AssignmentCard } from '../../../../shared/api/assignments';
import {
  assignmentPriorityLabels,
  assignmentStatusLabels,
  assignmentsUi as t,
} from '../../../../shared/i18n/ru/assignments';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorText, formatDate, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { AssignmentFiles } from './AssignmentFiles';
import { PeoplePicker } from './PeoplePicker';
import './assignments.css';

type Action = 'start' | 'report' | 'accept' | 'return' | 'comment' | 'reassign';

/** The card's facts: who gave it to whom, by when, about what. */
function Facts({ a }: { a: AssignmentCard }) {
  const links = [
    a.appeal ? `${t.appeal} ${a.appeal.regNumber ?? ''}` : null,
    a.event ? `${t.event} «${a.event.title ?? ''}»` : null,
    a.contact ? `${t.contact}: ${a.contact.name ?? ''}` : null,
  ].filter(Boolean);
  return (
    <dl className="assignment-facts">
      <dt>{t.status}</dt>
      <dd id="assignment-status" data-testid="assignment-status" tabIndex={-1}>
        {assignmentStatusLabels[a.status]}
        {a.overdue ? <span className="assignment-overdue"> · {t.overdue}</span> : null}
      </dd>
      <dt>{t.author}</dt>
      <dd>{a.author.name}</dd>
      <dt>{t.assignees}</dt>
      <dd>{a.assignees.map((p) => p.name).join(', ')}</dd>
      <dt>{t.controlDate}</dt>
      <dd>{formatDate(a.controlDate)}</dd>
      <dt>{t.priority}</dt>
      <dd>{assignmentPriorityLabels[a.priority]}</dd>
      {links.length ? (
        <>
          <dt>{t.links}</dt>
          <dd>{links.join('; ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * A поручение: its text and facts, the report and the return's reason, the comment thread, and what the
 * caller may do now — an assignee takes it into work and reports; the author (the office head, the
 * deputy) accepts or returns it. Ctrl+Enter does the main action: report, or accept.
 */
export function AssignmentDialog(props: { id: string; onClose(): void }) {
  const card = useCall('assignments.get', { id: props.id });
  const timeZone = useStore((s) => s.office?.timeZone);
  const [report, setReport] = useState('');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const [people, setPeople] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const a = card.data;

  async function act(what: Action): Promise<void> {
    if (busy || !a) return;
    setBusy(true);
    setError(null);
    try {
      if (what === 'start') await call('assignments.start', { id: a.id });
      if (what === 'report') await call('assignments.report', { id: a.id, text: report });
      if (what === 'accept') await call('assignments.accept', { id: a.id });
      if (what === 'return') await call('assignments.return', { id: a.id, reason });
      if (what === 'comment') await call('assignments.comment', { id: a.id, text: comment });
      if (what === 'reassign') await call('assignments.reassign', { id: a.id, assigneeIds: people ?? [] });
      if (what === 'reassign') setPeople(null);
      if (what === 'comment') setComment('');
      const done = {
        report: t.reportedNote,
        accept: t.acceptedNote,
        return: t.returnedNote,
        reassign: t.reassignedNote,
      };
      setNote(what in done ? done[what as keyof typeof done] : null);
      // The field acted from may be gone now: the cursor stays in the card, on its new state.
      if (what !== 'comment') document.getElementById('assignment-status')?.focus();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const main: Action | null = a?.may.report ? 'report' : a?.may.review ? 'accept' : null;
  return (
    <Dialog
      id="assignment-card"
      title={t.title}
      submitLabel={main === 'report' ? t.reportDone : main === 'accept' ? t.accept : t.close}
      busy={busy}
      error={error ?? (card.error ? errorText(card.error) : null)}
      onSubmit={() => (main ? void act(main) : props.onClose())}
      onClose={props.onClose}
      wide
    >
      {a ? (
        <div className="assignment-card">
          <p className="assignment-text">{a.text}</p>
          <Facts a={a} />
          {note ? (
            <p className="banner banner--success" role="status">
              {note}
            </p>
          ) : null}
          {a.returnReason && a.status !== 'accepted' ? (
            <p className="assignment-returned">
              <strong>{t.returnReason}:</strong> {a.returnReason}
            </p>
          ) : null}
          {a.report ? (
            <section className="assignment-report" aria-label={t.report}>
              <h3>{t.report}</h3>
              <p>{a.report.text}</p>
              <p className="muted">{t.reportBy(a.report.by.name, formatInstant(a.report.at, timeZone))}</p>
            </section>
          ) : null}
          {a.may.start ? (
            <button type="button" className="btn" onClick={() => void act('start')}>
              {t.start}
            </button>
          ) : null}
          {a.may.report ? (
            <Field id="assignment-report" label={t.report}>
              {(x) => (
                <textarea
                  id="assignment-report"
                  {...x}
                  rows={3}
                  placeholder={t.reportPlaceholder}
                  value={report}
                  data-autofocus
                  onChange={(e) => setReport(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          {a.may.review ? (
            <div className="assignment-return">
              <Field id="assignment-reason" label={t.returnReason}>
                {(x) => (
                  <textarea
                    id="assignment-reason"
                    {...x}
                    rows={2}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </Field>
              <button type="button" className="btn" onClick={() => void act('return')}>
                {t.return}
              </button>
            </div>
          ) : null}
          {a.may.reassign ? (
            people === null ? (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => setPeople(a.assignees.map((p) => p.id))}
              >
                {t.reassign}
              </button>
            ) : (
              <div className="assignment-reassign">
                <PeoplePicker id="assignment-reassign" value={people} onChange={setPeople} />
                <button type="button" className="btn btn--small" onClick={() => void act('reassign')}>
                  {t.reassign}
                </button>
              </div>
            )
          ) : null}
          <AssignmentFiles card={a} onError={setError} />
          <section className="assignment-thread" aria-label={t.comments}>
            <h3>{t.comments}</h3>
            {a.comments.length === 0 ? <p className="muted">{t.noComments}</p> : null}
            <ul>
              {a.comments.map((c) => (
                <li key={c.id}>
                  <span className="muted">
                    {c.author.name}, {formatInstant(c.at, timeZone)}:
                  </span>{' '}
                  {c.text}
                </li>
              ))}
            </ul>
            <div className="assignment-thread__new">
              <Field id="assignment-comment" label={t.commentPlaceholder}>
                {(x) => (
                  <input
                    id="assignment-comment"
                    {...x}
                    value={comment}
                    onChange={(e) => setComment(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey) {
                        e.preventDefault();
                        void act('comment');
                      }
                    }}
                  />
                )}
              </Field>
              <button type="button" className="btn btn--small" onClick={() => void act('comment')}>
                {t.send}
              </button>
            </div>
          </section>
        </div>
      ) : null}
    </Dialog>
  );
}

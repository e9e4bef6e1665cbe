import { useState } from 'react';
import type { AssignmentTemplate } from '../../../../shared/api/assignments';
import { RECURRENCES, type Recurrence } from '../../../../shared/domain/assignments';
import { assignmentsUi as t, recurrenceLabels, weekdayLabels } from '../../../../shared/i18n/ru/assignments';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n';
import { assignmentFieldErrors } from './GiveAssignment';
import { useStore } from '../../store';
import './assignments.css';

const dayName = (recurrence: Recurrence, day: number): string =>
  recurrence === 'weekly' ? (weekdayLabels[day - 1] ?? String(day)) : t.monthDay(day);

/**
 * The recurring поручения: each with its period, day and people, paused, resumed, changed or removed
 * here; a new one is added below (Ctrl+Enter), and a changed one is saved the same way.
 */
export function RecurringDialog(props: { onClose(): void }) {
  const list = useCall('assignments.templates', {});
  const users = useStore((s) => s.users).filter((u) => u.active && u.role !== 'hq_analyst');
  const [text, setText] = useState('');
  const [assignee, setAssignee] = useState('');
  const [recurrence, setRecurrence] = useState<Recurrence>('weekly');
  const [day, setDay] = useState('1');
  const [termDays, setTermDays] = useState('2');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<AssignmentTemplate | null>(null);

  async function run(fn: () => Promise<unknown>): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await fn();
    } catch (e) {
      if (isCallError(e)) setErrors(assignmentFieldErrors(e));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const fill = (r: AssignmentTemplate | null): void => {
    setEditing(r);
    setText(r?.text ?? '');
    setAssignee(r && r.assignees.length === 1 ? r.assignees[0]!.id : '');
    setRecurrence(r?.recurrence ?? 'weekly');
    setDay(String(r?.day ?? 1));
    setTermDays(String(r?.termDays ?? 2));
    setErrors({});
    setError(null);
    document.getElementById('recurring-text')?.focus();
  };

  const add = () =>
    run(async () => {
      const fields = { text, recurrence, day: Number(day), termDays: Number(termDays) };
      // Several people of a template stay as they are unless one is chosen here.
      if (editing)
        await call('assignments.updateTemplate', {
          id: editing.id,
          ...fields,
          ...(assignee ? { assigneeIds: [assignee] } : {}),
        });
      else await call('assignments.createTemplate', { ...fields, assigneeIds: assignee ? [assignee] : [] });
      fill(null);
    });

  const remove = (r: AssignmentTemplate) => {
    if (!window.confirm(t.deleteRecurringConfirm(r.text))) return;
    void run(async () => {
      await call('assignments.deleteTemplate', { id: r.id });
      if (editing?.id === r.id) fill(null);
    });
  };

  return (
    <Dialog
      id="recurring-assignments"
      title={t.recurring}
      submitLabel={editing ? t.saveRecurring : t.addRecurring}
      busy={busy}
      error={error}
      onSubmit={() => void add()}
      onClose={props.onClose}
      wide
    >
      <p className="muted">{t.recurringIntro}</p>
      {list.data && list.data.length === 0 ? <p className="muted">{t.none}</p> : null}
      <ul className="recurring-list">
        {(list.data ?? []).map((r) => (
          <li key={r.id} data-testid="recurring-template">
            <span>
              {r.text} — {recurrenceLabels[r.recurrence]}, {dayName(r.recurrence, r.day)};{' '}
              {r.assignees.map((p) => p.name).join(', ')}
              {r.active ? null : <span className="muted"> ({t.paused})</span>}
            </span>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() =>
                void run(() => call('assignments.setTemplateActive', { id: r.id, active: !r.active }))
              }
            >
              {r.active ? t.pause : t.resume}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => fill(r)}>
              {t.editRecurring}
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => remove(r)}>
              {t.deleteRecurring}
            </button>
          </li>
        ))}
      </ul>
      {editing ? (
        <p className="recurring-editing" role="status">
          {t.editingRecurring(editing.text)}{' '}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => fill(null)}>
            {t.cancelEdit}
          </button>
        </p>
      ) : null}
      <Field id="recurring-text" label={t.text} error={errors.text}>
        {(a) => (
          <input
            id="recurring-text"
            {...a}
            value={text}
            data-autofocus
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <div className="assignment-control">
        <Field id="recurring-assignee" label={t.assignees} error={errors.assigneeIds}>
          {(a) => (
            <select
              id="recurring-assignee"
              {...a}
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
            >
              <option value="" />
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="recurring-recurrence" label={t.recurrence}>
          {(a) => (
            <select
              id="recurring-recurrence"
              {...a}
              value={recurrence}
              onChange={(e) => setRecurrence(e.target.value as Recurrence)}
            >
              {RECURRENCES.map((r) => (
                <option key={r} value={r}>
                  {recurrenceLabels[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="recurring-day" label={t.day} error={errors.day}>
          {(a) =>
            recurrence === 'weekly' ? (
              <select id="recurring-day" {...a} value={day} onChange={(e) => setDay(e.target.value)}>
                {weekdayLabels.map((w, i) => (
                  <option key={w} value={String(i + 1)}>
                    {w}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id="recurring-day"
                {...a}
                inputMode="numeric"
                value={day}
                onChange={(e) => setDay(e.target.value)}
              />
            )
          }
        </Field>
        <Field id="recurring-term" label={t.termDays} error={errors.termDays}>
          {(a) => (
            <input
              id="recurring-term"
              {...a}
              inputMode="numeric"
              value={termDays}
              onChange={(e) => setTermDays(e.target.value)}
            />
          )}
        </Field>
      </div>
    </Dialog>
  );
}

/** «Повторяющиеся поручения» for those who may start one. */
export function RecurringButton() {
  const role = useStore((s) => s.user?.role);
  const [open, setOpen] = useState(false);
  if (!mayCall(role, 'assignments.createTemplate')) return null;
  return (
    <>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => setOpen(true)}>
        {t.recurring}
      </button>
      {open ? <RecurringDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

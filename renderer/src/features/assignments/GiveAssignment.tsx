import { useEffect, useState } from 'react';
import type { AssignmentCard } from '../../../../shared/api/assignments';
import { ASSIGNMENT_PRIORITIES, type AssignmentPriority } from '../../../../shared/domain/assignments';
import { assignmentPriorityLabels, assignmentsUi as t } from '../../../../shared/i18n/ru/assignments';
import { mayCall } from '../../api/access';
import { call, isCallError, type CallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Dialog } from '../../components/Dialog';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors } from '../../i18n';
import { useStore } from '../../store';
import { PeoplePicker } from './PeoplePicker';
import './assignments.css';

/** The server's refusal by field; the people's field stands for each of them (`assigneeIds.1`). */
export function assignmentFieldErrors(e: CallError): Record<string, string> {
  const f = fieldErrors(e);
  const people = Object.entries(f).find(([k]) => k.startsWith('assigneeIds'))?.[1];
  return { ...f, ...(people ? { assigneeIds: people } : {}) };
}

/** What a поручение given from a card is about. */
export interface AssignmentLinks {
  appealId?: string;
  eventId?: string;
  contactId?: string;
}

/**
 * A new поручение from the keyboard: the text, the people (space ticks one), the control date as working
 * days or a date, the priority; Ctrl+Enter gives it, Esc closes.
 */
export function GiveAssignmentDialog(props: {
  links?: AssignmentLinks;
  onClose(): void;
  onDone(card: AssignmentCard): void;
}) {
  const [text, setText] = useState('');
  const [assignees, setAssignees] = useState<string[]>([]);
  const [by, setBy] = useState<'days' | 'date'>('days');
  const [days, setDays] = useState('5');
  const [date, setDate] = useState<string | null>('');
  const [priority, setPriority] = useState<AssignmentPriority>('normal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const control =
        by === 'days'
          ? Number(days) > 0
            ? { termDays: Number(days) }
            : {}
          : date
            ? { controlDate: date }
            : {};
      props.onDone(
        await call('assignments.create', {
          text,
          assigneeIds: assignees,
          priority,
          ...control,
          ...(props.links ?? {}),
        }),
      );
    } catch (e) {
      setBusy(false);
      if (isCallError(e)) setErrors(assignmentFieldErrors(e));
      setError(errorText(e));
    }
  }

  return (
    <Dialog
      id="give-assignment"
      title={t.newTitle}
      submitLabel={t.give}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={props.onClose}
      wide
    >
      <Field id="assignment-text" label={t.text} error={errors.text}>
        {(a) => (
          <textarea
            id="assignment-text"
            {...a}
            rows={4}
            value={text}
            data-autofocus
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </Field>
      <PeoplePicker
        id="assignment-people"
        value={assignees}
        error={errors.assigneeIds}
        onChange={(ids) => {
          setAssignees(ids);
          setErrors(({ assigneeIds: _done, ...rest }) => rest);
        }}
      />
      <div className="assignment-control">
        <Field id="assignment-by" label={t.controlBy}>
          {(a) => (
            <select
              id="assignment-by"
              {...a}
              value={by}
              onChange={(e) => setBy(e.target.value as 'days' | 'date')}
            >
              <option value="days">{t.byDays}</option>
              <option value="date">{t.byDate}</option>
            </select>
          )}
        </Field>
        {by === 'days' ? (
          <Field id="assignment-days" label={t.termDays} error={errors.termDays ?? errors.controlDate}>
            {(a) => (
              <input
                id="assignment-days"
                {...a}
                inputMode="numeric"
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
            )}
          </Field>
        ) : (
          <Field id="assignment-date" label={t.controlDate} error={errors.controlDate}>
            {(a) => <DateInput id="assignment-date" {...a} value={date} onChange={setDate} />}
          </Field>
        )}
        <Field id="assignment-priority" label={t.priority}>
          {(a) => (
            <select
              id="assignment-priority"
              {...a}
              value={priority}
              onChange={(e) => setPriority(e.target.value as AssignmentPriority)}
            >
              {ASSIGNMENT_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {assignmentPriorityLabels[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </Dialog>
  );
}

/**
 * «Дать поручение» for those who may give one, with its key (Insert) on the screen that asks for it; it opens
 * the form, and what is given is handed to `onDone`.
 */
export function GiveAssignmentButton(props: {
  links?: AssignmentLinks;
  /** The screen's own key: one button a screen has it. */
  hotkey?: boolean;
  onDone?(card: AssignmentCard): void;
}) {
  const role = useStore((s) => s.user?.role);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!props.hotkey || !mayCall(role, 'assignments.create')) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Insert' || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [role, props.hotkey]);
  if (!mayCall(role, 'assignments.create')) return null;
  return (
    <>
      <button type="button" className="btn btn--small" onClick={() => setOpen(true)}>
        {t.give} {props.hotkey ? <Kbd>{t.giveKey}</Kbd> : null}
      </button>
      {open ? (
        <GiveAssignmentDialog
          {...(props.links ? { links: props.links } : {})}
          onClose={() => setOpen(false)}
          onDone={(card) => {
            setOpen(false);
            props.onDone?.(card);
          }}
        />
      ) : null}
    </>
  );
}

import { useCallback, useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import { mayCall, roleMayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import type { TaskFilter } from '../../../../shared/api/tasks';
import { Dialog } from '../../components/Dialog';
import { FilterNote } from '../../components/FilterNote';
import { MoreRows, usePagedList } from '../../components/PagedList';
import { useOfficeColumn } from '../../components/OfficesSelect';
import { Check, Field, Kbd } from '../../components/Field';
import { DueCell, KeyTable, type Column } from '../../components/KeyTable';
import { errorText, fieldErrors, homeText, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { assignmentsUi } from '../../../../shared/i18n/ru/assignments';
import { AssignmentDialog } from '../assignments/AssignmentDialog';
import { GiveAssignmentButton } from '../assignments/GiveAssignment';
import { RecurringButton } from '../assignments/RecurringDialog';
import '../workflow/workflow.css';

type TaskRow = Output<'tasks.list'>['rows'][number];
const k = workflowText.tasks;
/** Rows read at a time; the next page comes when the selection reaches the end or on «Показать ещё». */
const PAGE = 100;

function ReassignDialog(props: { task: TaskRow; onClose(): void; onDone(task: TaskRow): void }) {
  const users = useStore((s) => s.users);
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      props.onDone(await call('tasks.reassign', { id: props.task.id, assigneeId }));
    } catch (e) {
      setBusy(false);
      if (isCallError(e)) setFieldError(fieldErrors(e).assigneeId);
      setError(errorText(e));
    }
  }

  return (
    <Dialog
      id="reassign-dialog"
      title={k.reassignTitle}
      submitLabel={k.reassign}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <p>
        <strong>{props.task.title}</strong> {props.task.regNumber ? k.taskOf(props.task.regNumber) : null}
      </p>
      <Field id="reassign-to" label={k.reassignTo} error={fieldError}>
        {(a) => (
          <select id="reassign-to" {...a} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">{ui.none}</option>
            {users
              .filter((u) => u.active && u.id !== props.task.assigneeId)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName}
                </option>
              ))}
          </select>
        )}
      </Field>
    </Dialog>
  );
}

/** My open tasks, overdue first; an office head sees everyone's and can give a task to another person. */
/** The route's filter in words: whose tasks (when not mine) and which due day. */
function describe(
  filter: TaskFilter | undefined,
  users: readonly { id: string; fullName: string }[],
): string {
  if (!filter) return '';
  const f = homeText.filtered;
  const who =
    filter.assigneeId === null
      ? f.tasks.nobody
      : filter.assigneeId
        ? f.tasksOf(users.find((u) => u.id === filter.assigneeId)?.fullName ?? ui.none)
        : null;
  return [who, filter.due ? f.tasks[filter.due] : null].filter(Boolean).join('; ');
}

export function TasksView() {
  const role = useStore((s) => s.user?.role);
  const go = useStore((s) => s.go);
  const users = useStore((s) => s.users);
  // Who may give tasks away sees everyone's (the server's rule); in HQ's read-only view they still see
  // them, and only the giving away is not offered.
  const canSeeAll = roleMayCall(role, 'tasks.reassign');
  const canReassign = mayCall(role, 'tasks.reassign');
  // A figure of the home screen opens the list for one person or one due day; the fragment keeps it.
  const filter = useStore((s) => (s.route.view === 'tasks' ? s.route.filter : undefined));
  const filterKey = JSON.stringify(filter ?? {});
  const everyone = filter?.everyone === true;
  const setEveryone = (v: boolean): void =>
    useStore.getState().replace(v ? { view: 'tasks', filter: { everyone: true } } : { view: 'tasks' });
  const [selected, setSelected] = useState<TaskRow | null>(null);
  const [reassigning, setReassigning] = useState<TaskRow | null>(null);
  const [assignment, setAssignment] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  // A reassignment, as any write, reads the list again from its first page.
  const list = usePagedList('tasks.list', filterKey, (cursor) =>
    call('tasks.list', { ...(JSON.parse(filterKey) as TaskFilter), limit: PAGE, cursor }),
  );
  const { rows, total } = list;

  const onSelect = useCallback((row: TaskRow | null) => setSelected(row), []);

  const officeColumn = useOfficeColumn<TaskRow>();
  const columns: Array<Column<TaskRow>> = [
    ...(officeColumn ? [officeColumn] : []),
    { key: 'title', header: k.columns.title, cell: (r) => r.title },
    { key: 'regNumber', header: k.columns.regNumber, cell: (r) => r.regNumber ?? ui.none, className: 'num' },
    {
      key: 'applicantName',
      header: k.columns.applicantName,
      // An event's task names the event where an appeal's names the applicant.
      cell: (r) => r.applicantName || (r.eventTitle ? k.ofEvent(r.eventTitle) : ui.none),
    },
  ];
  if (everyone || filter?.assigneeId !== undefined)
    columns.push({
      key: 'assigneeName',
      header: k.columns.assigneeName,
      cell: (r) => r.assigneeName ?? ui.none,
    });
  columns.push({
    key: 'dueDate',
    header: k.columns.dueDate,
    cell: (r) => <DueCell date={r.dueDate} overdue={r.overdue} />,
    className: 'num',
  });

  return (
    <section className="page">
      <header className="page__head">
        <h1 className="page__title">{k.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="tasks-count">
          {rows ? (list.more ? k.shown(rows.length, total) : k.count(total)) : ui.loading}
        </div>
      </header>
      <div className="list-tools">
        <GiveAssignmentButton hotkey onDone={() => setNotice({ ok: true, text: assignmentsUi.given })} />
        <RecurringButton />
        <span className="muted">{everyone || filter?.assigneeId !== undefined ? k.tableLabel : k.mine}</span>
        {canSeeAll ? (
          <>
            <Check id="tasks-everyone" label={k.everyone} checked={everyone} onChange={setEveryone} />
            {canReassign ? (
              <button
                type="button"
                className="btn btn--small"
                disabled={!selected}
                onClick={() => setReassigning(selected)}
              >
                {k.reassign} <Kbd>F4</Kbd>
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <FilterNote
        text={describe(filter, users)}
        onShowAll={() => useStore.getState().replace({ view: 'tasks' })}
      />
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
        {list.error ? <p className="banner banner--error">{list.error}</p> : null}
      </div>
      {rows && rows.length === 0 ? <p className="empty">{k.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <div
          onKeyDown={(e) => {
            if (e.key === 'F4' && canReassign && selected) {
              e.preventDefault();
              setReassigning(selected);
            }
          }}
        >
          <KeyTable
            id="tasks"
            label={k.tableLabel}
            rows={rows}
            columns={columns}
            rowKey={(r) => r.id}
            overdue={(r) => r.overdue}
            onOpen={(r) =>
              r.assignmentId
                ? setAssignment(r.assignmentId)
                : go(
                    r.eventId
                      ? { view: 'event', id: r.eventId }
                      : r.appealId
                        ? { view: 'appeal', id: r.appealId }
                        : { view: 'campaigns' },
                  )
            }
            onSelect={onSelect}
            onEnd={list.loadMore}
            autoFocus
          />
          <MoreRows list={list} />
          <p className="muted list-hint">{workflowText.list.keys}</p>
        </div>
      ) : null}
      {assignment ? <AssignmentDialog id={assignment} onClose={() => setAssignment(null)} /> : null}
      {reassigning ? (
        <ReassignDialog
          task={reassigning}
          onClose={() => setReassigning(null)}
          onDone={(task) => {
            setReassigning(null);
            setNotice({ ok: true, text: k.reassigned(task.assigneeName ?? ui.none) });
          }}
        />
      ) : null}
    </section>
  );
}

import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import type { Attachment } from '../../../../shared/api/attachments';
import { audit as auditText } from '../../../../shared/i18n/ru/audit';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Kbd } from '../../components/Field';
import { attachmentsText, errorText, formatDate, labels, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { AttachButton } from '../attachments/AttachButton';
import { AttachmentsBlock } from '../attachments/AttachmentsBlock';
import { DocumentActions } from '../documents/DocumentActions';
import { OutboxBlock } from '../mail-outbox/OutboxBlock';
import { SendMailButton } from '../mail-outbox/SendMailButton';
import { DEPUTY_TASK_KINDS } from '../../../../shared/domain/workflow/request';
import { primaryTarget, type DialogTarget } from '../workflow/target';
import { WorkflowBlocks } from '../workflow/WorkflowBlocks';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import { CardDetails } from './CardDetails';
import { CardEditForm } from './CardEditForm';
import { HistoryTimeline } from './HistoryTimeline';
import './card.css';
import { RecordAssignments } from '../assignments/RecordAssignments';

// The steps' dialogs load with the first one opened.
const WorkflowDialog = lazy(() =>
  import('../workflow/WorkflowDialog').then((m) => ({ default: m.WorkflowDialog })),
);

function Tasks({ tasks }: { tasks: AppealCard['tasks'] }) {
  const open = tasks.filter((x) => x.status === 'open');
  if (open.length === 0) return <p className="muted">{ui.card.noTasks}</p>;
  return (
    <ul className="tasks">
      {open.map((x) => (
        <li key={x.id} className="tasks__item">
          <div className="tasks__title">{x.title}</div>
          <div className="muted">
            {ui.card.taskMeta(
              x.assigneeName ?? (DEPUTY_TASK_KINDS.has(x.kind) ? ui.card.taskOfDeputy : ui.card.taskOfNobody),
              formatDate(x.dueDate),
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function AppealCardView({ id }: { id: string }) {
  const role = useStore((s) => s.user?.role);
  const back = useStore((s) => s.back);
  // Any write reads the card again (a step, a file, an edit, a request), and the blocks below with it.
  const got = useCall('appeals.get', { id });
  // The edit form edits the card as it was when opened: a newer version on the server is a conflict.
  const [editing, setEditing] = useState<AppealCard | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const canEdit = mayCall(role, 'appeals.update');
  const [dialog, setDialog] = useState<DialogTarget | null>(null);
  // Bumped when a step is done: focus then moves to the new next step.
  const [stepsDone, setStepsDone] = useState(0);

  const failed = got.error
    ? isCallError(got.error) && got.error.code === 'not_found'
      ? ui.card.notFound
      : errorText(got.error)
    : null;
  const card = failed ? null : (got.data ?? null);

  const ready = card !== null;
  const isEditing = editing !== null;
  useEffect(() => {
    // Keyboard users land on the card's title, where a screen reader starts reading.
    if (ready && !isEditing) document.getElementById('card-title')?.focus();
  }, [ready, isEditing]);

  const primary = card ? primaryTarget(card) : null;
  const primaryRef = useRef(primary);
  useEffect(() => {
    primaryRef.current = primary;
  });
  const blocked = isEditing || dialog !== null;
  useEffect(() => {
    if (blocked) return;
    // Alt+Enter takes the expected next step from anywhere on the card.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' || !e.altKey || e.ctrlKey || e.defaultPrevented || !primaryRef.current) return;
      e.preventDefault();
      setNotice(null);
      setDialog(primaryRef.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked]);

  useEffect(() => {
    if (stepsDone === 0) return;
    (document.getElementById('wf-primary') ?? document.getElementById('card-title'))?.focus();
  }, [stepsDone]);

  const stepDone = (updated: AppealCard, what: string): void => {
    setDialog(null);
    got.setData(updated);
    setNotice({ kind: 'success', text: workflowText.card.done(what) });
    setStepsDone((n) => n + 1);
  };

  // A request's step answers with the request: the card that moved with it is read before the notice.
  const requestStepDone = (what: string): void => {
    call('appeals.get', { id }).then(
      (updated) => stepDone(updated, what),
      (e: unknown) => {
        setDialog(null);
        setNotice({ kind: 'error', text: errorText(e) });
      },
    );
  };

  const openStep = (target: DialogTarget): void => {
    setNotice(null);
    setDialog(target);
  };

  const attached = (a: Attachment): void => {
    setNotice({ kind: 'success', text: attachmentsText.attached(a.name) });
  };
  const attachFailed = (message: string): void => setNotice({ kind: 'error', text: message });
  const canAttach = mayCall(role, 'attachments.add');

  const reload = (): void => {
    setNotice(null);
    setEditing(null);
    got.reload();
  };

  if (failed)
    return (
      <section className="page">
        <p className="banner banner--error" role="alert">
          {failed}
        </p>
        <button type="button" className="btn" onClick={back}>
          {ui.card.back}
        </button>
      </section>
    );
  if (!card)
    return (
      <p className="page muted" role="status">
        {ui.loading}
      </p>
    );
  const c = card;
  const ext = c.extension;
  return (
    <article
      className="page page--card"
      aria-labelledby="card-title"
      onKeyDown={(e) => {
        if (e.key === 'F2' && canEdit && !editing) {
          e.preventDefault();
          setNotice(null);
          setEditing(c);
        }
      }}
    >
      <header className="card-head">
        <button type="button" className="btn btn--ghost btn--small" onClick={back}>
          ← {ui.card.back} <Kbd>Esc</Kbd>
        </button>
        <div className="card-head__main">
          <h1 id="card-title" className="page__title" tabIndex={-1}>
            {ui.card.title(c.regNumber, formatDate(c.registeredOn))}
          </h1>
          <span className={`pill pill--${c.status}`}>{labels.statusLabels[c.status]}</span>
          {c.overdue ? <span className="pill pill--overdue">{ui.card.overdue}</span> : null}
        </div>
        <div className="card-head__actions">
          <button type="button" className="btn btn--ghost btn--small" onClick={reload}>
            {ui.card.reload}
          </button>
          <DocumentActions card={c} onMessage={(kind, text) => setNotice({ kind, text })} />
          <SendMailButton card={c} onMessage={(kind, text) => setNotice({ kind, text })} />
          {mayCall(role, 'audit.list') ? (
            <button
              type="button"
              className="btn btn--ghost btn--small"
              title={auditText.appealTitle}
              onClick={() => useStore.getState().go({ view: 'audit', filter: { appealId: c.id } })}
            >
              {auditText.nav}
            </button>
          ) : null}
          {canEdit && !editing ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                setNotice(null);
                setEditing(c);
              }}
            >
              {ui.card.edit} <Kbd>F2</Kbd>
            </button>
          ) : null}
        </div>
      </header>

      <div className={`due${c.overdue ? ' due--overdue' : ''}`} data-testid="card-due">
        <div>
          <div className="due__label">{ui.card.dueDate}</div>
          <div className="due__date" data-testid="card-due-date">
            {formatDate(c.dueDate)}
            {c.overdue ? <span className="sr-only">, {ui.registry.overdue}</span> : null}
          </div>
        </div>
        <div>
          <div className="due__label">{ui.card.termDate}</div>
          <div className="due__term" data-testid="card-term-date">
            {formatDate(c.termDate)}
          </div>
        </div>
        <div>
          <div className="due__label">{ui.card.registeredOn}</div>
          <div className="due__term">{formatDate(c.registeredOn)}</div>
        </div>
        {ext ? (
          <div data-testid="card-extension">
            <div className="due__label">{workflowText.card.extension}</div>
            <div className="due__ext">
              {workflowText.card.extensionText(
                ext.days,
                formatDate(ext.extendedOn),
                ext.extendedBy,
                ext.reason,
                ext.notifiedOn ? formatDate(ext.notifiedOn) : null,
              )}
            </div>
          </div>
        ) : null}
      </div>

      <WorkflowPanel card={c} onOpen={openStep} />
      <RecordAssignments links={{ appealId: c.id }} />

      {c.art11Warnings.length > 0 ? (
        <ul className="banner banner--warning" aria-label={ui.register.warningsTitle}>
          {c.art11Warnings.map((w) => (
            <li key={w}>{labels.art11Labels[w]}</li>
          ))}
        </ul>
      ) : null}

      <div className="live" aria-live="polite">
        {notice ? (
          <div className={`banner banner--${notice.kind}`}>
            {notice.text}{' '}
            {notice.kind === 'error' ? (
              <button type="button" className="btn btn--small" onClick={reload}>
                {ui.card.reload}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {!canEdit ? <p className="muted">{ui.card.readOnly}</p> : null}

      <WorkflowBlocks
        card={c}
        onOpen={openStep}
        requestExtra={(q) =>
          canAttach && q.answeredOn ? (
            <AttachButton
              appealId={c.id}
              requestId={q.id}
              label={attachmentsText.attachAnswer}
              onAttached={attached}
              onError={attachFailed}
            />
          ) : null
        }
      />

      <AttachmentsBlock card={c} onAttached={attached} onError={attachFailed} />
      <OutboxBlock card={c} />

      {editing ? (
        <CardEditForm
          card={editing}
          onCancel={() => setEditing(null)}
          onConflict={() => {
            setEditing(null);
            setNotice({ kind: 'error', text: ui.card.conflict });
          }}
          onSaved={(updated) => {
            setEditing(null);
            setNotice({ kind: 'success', text: updated ? ui.card.saved : ui.card.nothingChanged });
            if (updated) got.setData(updated);
          }}
        />
      ) : (
        <CardDetails card={c} />
      )}

      {dialog ? (
        <Suspense fallback={null}>
          <WorkflowDialog
            card={c}
            target={dialog}
            onClose={() => setDialog(null)}
            onCard={stepDone}
            onChanged={requestStepDone}
          />
        </Suspense>
      ) : null}

      <div className="card-sections">
        <section className="panel" aria-labelledby="card-tasks">
          <h2 id="card-tasks">{ui.card.tasks}</h2>
          <Tasks tasks={c.tasks} />
        </section>
        <section className="panel" aria-labelledby="card-history">
          <h2 id="card-history">{ui.card.history}</h2>
          <HistoryTimeline
            history={c.history}
            names={Object.fromEntries(c.requests.map((q) => [q.bodyId ?? '', q.bodyName ?? '']))}
          />
        </section>
      </div>
    </article>
  );
}

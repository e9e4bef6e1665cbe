import type { Output } from '../../../../shared/api/index';
import { useCall } from '../../api/use-call';
import { FilterNote } from '../../components/FilterNote';
import { DueCell, KeyTable, type Column } from '../../components/KeyTable';
import { errorText, formatInstant, homeText, labels, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import '../workflow/workflow.css';

type QueueRow = Output<'workflow.deputyQueue'>[number];
const q = workflowText.queue;

/** The deputy's start screen: what awaits a decision, oldest first; Enter opens the card. */
export function DeputyQueueView() {
  const go = useStore((s) => s.go);
  const timeZone = useStore((s) => s.office?.timeZone);
  // A figure of the home screen opens the queue narrowed (to resolutions, letters, the late ones).
  const filter = useStore((s) => (s.route.view === 'queue' ? s.route.filter : undefined));
  const queue = useCall('workflow.deputyQueue', filter ?? {});
  const rows = queue.data ?? null;
  const error = queue.error ? errorText(queue.error) : null;

  const columns: ReadonlyArray<Column<QueueRow>> = [
    { key: 'regNumber', header: q.columns.regNumber, cell: (r) => r.regNumber, className: 'num' },
    {
      key: 'waitingFor',
      header: q.columns.waitingFor,
      cell: (r) => <strong>{labels.waitingForLabels[r.waitingFor]}</strong>,
    },
    {
      key: 'since',
      header: q.columns.since,
      cell: (r) => formatInstant(r.since, timeZone),
      className: 'num',
    },
    { key: 'applicantName', header: q.columns.applicantName, cell: (r) => r.applicantName || ui.none },
    { key: 'summary', header: q.columns.summary, cell: (r) => r.summary },
    {
      key: 'dueDate',
      header: q.columns.dueDate,
      cell: (r) => <DueCell date={r.dueDate} overdue={r.overdue} />,
      className: 'num',
    },
  ];

  return (
    <section className="page">
      <header className="page__head">
        <h1 className="page__title">{q.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="queue-count">
          {rows ? q.count(rows.length) : ui.loading}
        </div>
      </header>
      <p className="muted">{q.intro}</p>
      <FilterNote
        text={filter ? homeText.filtered.queue(filter.waitingFor, filter.overdue) : ''}
        onShowAll={() => useStore.getState().replace({ view: 'queue' })}
      />
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="empty">{q.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <KeyTable
            id="queue"
            label={q.tableLabel}
            rows={rows}
            columns={columns}
            rowKey={(r) => `${r.id}-${r.waitingFor}-${r.requestId ?? ''}`}
            overdue={(r) => r.overdue}
            onOpen={(r) => go({ view: 'appeal', id: r.id })}
            autoFocus
          />
          <p className="muted list-hint">{workflowText.list.keys}</p>
        </>
      ) : null}
    </section>
  );
}

import type { ExternalRequest } from '../../../../shared/api/appeals';
import type { RequestFilter } from '../../../../shared/api/requests';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Check, Field } from '../../components/Field';
import { DueCell, KeyTable, type Column } from '../../components/KeyTable';
import { MoreRows, usePagedList } from '../../components/PagedList';
import { useOfficeColumn } from '../../components/OfficesSelect';
import { errorText, formatDate, labels, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { OwnRequests } from './OwnRequests';
import '../workflow/workflow.css';

const r = workflowText.requests;
const PAGE = 100;

interface Filter {
  awaitingAnswer: boolean;
  overdue: boolean;
  bodyId: string;
}

const COLUMNS: ReadonlyArray<Column<ExternalRequest>> = [
  { key: 'regNumber', header: r.columns.regNumber, cell: (q) => q.regNumber, className: 'num' },
  { key: 'seq', header: r.columns.seq, cell: (q) => q.seq, className: 'num' },
  {
    key: 'bodyName',
    header: r.columns.bodyName,
    cell: (q) => q.bodyName ?? workflowText.request.noAddressee,
  },
  { key: 'kind', header: r.columns.kind, cell: (q) => labels.requestKindLabels[q.kind] },
  {
    key: 'status',
    header: r.columns.status,
    cell: (q) => <span className={`pill pill--rq-${q.status}`}>{labels.requestStateLabels[q.status]}</span>,
  },
  {
    key: 'sentOn',
    header: r.columns.sentOn,
    cell: (q) =>
      [formatDate(q.sentOn), workflowText.request.outgoing(q.outgoingNumber)].filter(Boolean).join(', '),
    className: 'num',
  },
  {
    key: 'dueDate',
    header: r.columns.dueDate,
    cell: (q) => <DueCell date={q.dueDate} overdue={q.overdue} />,
    className: 'num',
  },
  {
    key: 'answeredOn',
    header: r.columns.answeredOn,
    cell: (q) => formatDate(q.answeredOn),
    className: 'num',
  },
];

function toRequestFilter(f: Filter): RequestFilter {
  return {
    awaitingAnswer: f.awaitingAnswer || undefined,
    overdue: f.overdue || undefined,
    bodyId: f.bodyId || undefined,
  };
}

/** Every request of the office: awaiting an answer, overdue, by body; Enter opens its appeal. */
export function RequestsView() {
  const go = useStore((s) => s.go);
  // The filter lives in the route, so a figure of the home screen opens the list with it and back keeps it.
  const routed = useStore((s) => (s.route.view === 'requests' ? s.route.filter : undefined));
  const filter: Filter = {
    awaitingAnswer: routed?.awaitingAnswer === true,
    overdue: routed?.overdue === true,
    bodyId: routed?.bodyId ?? '',
  };
  const filterKey = JSON.stringify(filter);
  const bodies = useCall('bodies.list', {});
  const list = usePagedList('requests.list', filterKey, (cursor) =>
    call('requests.list', { ...toRequestFilter(JSON.parse(filterKey) as Filter), limit: PAGE, cursor }),
  );
  const { rows, total } = list;
  const officeColumn = useOfficeColumn<ExternalRequest>();

  const set = (patch: Partial<Filter>): void => {
    useStore.getState().replace({ view: 'requests', filter: toRequestFilter({ ...filter, ...patch }) });
  };
  const filtered = filter.awaitingAnswer || filter.overdue || filter.bodyId !== '';

  return (
    <section className="page">
      <header className="page__head">
        <h1 className="page__title">{r.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="requests-count">
          {rows ? (list.more ? r.shown(rows.length, total) : r.count(total)) : ui.loading}
        </div>
      </header>
      <div className="list-tools" role="search">
        <Check
          id="rq-awaiting"
          label={r.awaitingAnswer}
          checked={filter.awaitingAnswer}
          onChange={(v) => set({ awaitingAnswer: v })}
        />
        <Check
          id="rq-overdue"
          label={r.overdue}
          checked={filter.overdue}
          onChange={(v) => set({ overdue: v })}
        />
        <Field id="rq-body" label={r.body}>
          {(a) => (
            <select
              id="rq-body"
              {...a}
              value={filter.bodyId}
              onChange={(e) => set({ bodyId: e.target.value })}
            >
              <option value="">{r.anyBody}</option>
              {(bodies.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {bodies.error || list.error ? (
        <p className="banner banner--error" role="alert">
          {bodies.error ? errorText(bodies.error) : list.error}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="empty">{filtered ? r.emptyFiltered : r.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <KeyTable
            id="requests"
            label={r.tableLabel}
            rows={rows}
            columns={officeColumn ? [officeColumn, ...COLUMNS] : COLUMNS}
            rowKey={(q) => q.id}
            overdue={(q) => q.overdue}
            onOpen={(q) => go({ view: 'appeal', id: q.appealId })}
            onEnd={list.loadMore}
            autoFocus
          />
          <p className="muted list-hint">{workflowText.list.keys}</p>
          <MoreRows list={list} />
        </>
      ) : null}
      <OwnRequests />
    </section>
  );
}

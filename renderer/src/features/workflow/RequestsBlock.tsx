import type { ReactNode } from 'react';
import type { AppealCard, ExternalRequest } from '../../../../shared/api/appeals';
import { defaultRequestStep, orderRequestSteps } from '../../../../shared/domain/workflow/default-step';
import { mayCall } from '../../api/access';
import { Kbd } from '../../components/Field';
import { formatDate, labels, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { primaryTarget, type DialogTarget } from './target';

const r = workflowText.request;

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`dl__item${wide ? ' dl__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children === null || children === '' ? ui.none : children}</dd>
    </div>
  );
}

/** One request: where it stands, its dates and answer, and the steps open to the caller. */
function RequestItem(props: {
  request: ExternalRequest;
  isNext: boolean;
  onOpen(target: DialogTarget): void;
  extra: ReactNode;
}) {
  const { request: q, isNext, onOpen, extra } = props;
  const headingId = `request-${q.id}`;
  const open = (step: ExternalRequest['actions'][number]) => () =>
    onOpen({ scope: 'request', step, request: q });
  const steps = orderRequestSteps(q.actions);
  const first = defaultRequestStep(steps);
  const rest = steps.filter((s) => s !== first);
  return (
    <article className={`request${q.overdue ? ' request--overdue' : ''}`} aria-labelledby={headingId}>
      <header className="request__head">
        <h3 id={headingId}>{r.title(q.seq)}</h3>
        <span className={`pill pill--rq-${q.status}`}>{labels.requestStateLabels[q.status]}</span>
        {q.overdue ? <span className="pill pill--overdue">{r.overdue}</span> : null}
      </header>
      <dl className="dl">
        <Item label={r.addressee}>{q.bodyName ?? r.noAddressee}</Item>
        <Item label={r.kind}>{labels.requestKindLabels[q.kind]}</Item>
        <Item label={r.sent}>
          {q.sentOn ? [formatDate(q.sentOn), r.outgoing(q.outgoingNumber)].filter(Boolean).join(', ') : null}
        </Item>
        <Item label={r.due}>{q.dueDate ? formatDate(q.dueDate) : null}</Item>
        {q.answeredOn ? (
          <Item label={r.answered} wide>
            {r.answerMeta(formatDate(q.answeredOn), q.answerNumber)}
          </Item>
        ) : null}
        {q.answerSummary ? (
          <Item label={r.answer} wide>
            <div className="prose">{q.answerSummary}</div>
          </Item>
        ) : null}
        {q.nextStep ? (
          <Item label={r.nextStep}>
            {q.nextStep === 'reply' ? workflowText.form.nextReply : workflowText.form.nextRequest}
          </Item>
        ) : null}
        {q.text ? (
          <Item label={r.text} wide>
            <div className="prose prose--short">{q.text}</div>
          </Item>
        ) : null}
      </dl>
      {first || extra ? (
        <div className="actions">
          {first ? (
            <button type="button" className="btn btn--primary btn--small" onClick={open(first)}>
              {workflowText.requestActions[first]}
              {isNext ? <Kbd>Alt+Enter</Kbd> : null}
            </button>
          ) : null}
          {rest.map((step) => (
            <button key={step} type="button" className="btn btn--small" onClick={open(step)}>
              {workflowText.requestActions[step]}
            </button>
          ))}
          {extra}
        </div>
      ) : null}
    </article>
  );
}

/** The appeal's requests, newest last, and "another request" while the appeal is in that direction. */
export function RequestsBlock({
  card,
  onOpen,
  extra,
}: {
  card: AppealCard;
  onOpen(target: DialogTarget): void;
  extra?: (request: ExternalRequest) => ReactNode;
}) {
  const role = useStore((s) => s.user?.role);
  const canCreate = card.status === 'in_request' && mayCall(role, 'requests.create');
  const primary = primaryTarget(card);
  const next = primary?.scope === 'request' ? primary.request : null;
  return (
    <section className="panel panel--wide" aria-labelledby="card-requests">
      <div className="panel__head">
        <h2 id="card-requests">{workflowText.card.requests}</h2>
        {canCreate ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => onOpen({ scope: 'request', step: 'create', request: null })}
          >
            + {workflowText.card.newRequest}
          </button>
        ) : null}
      </div>
      {card.requests.length === 0 ? <p className="muted">{workflowText.card.noRequests}</p> : null}
      {card.requests.map((q) => (
        <RequestItem key={q.id} request={q} isNext={q.id === next?.id} onOpen={onOpen} extra={extra?.(q)} />
      ))}
    </section>
  );
}

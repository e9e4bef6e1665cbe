import type { ReactNode } from 'react';
import type { AppealCard, ExternalRequest } from '../../../../shared/api/appeals';
import { formatDate, labels, ui, workflowText } from '../../i18n';
import { OralAnswerBlock } from './OralAnswerBlock';
import { RequestsBlock } from './RequestsBlock';
import type { DialogTarget } from './target';

const c = workflowText.card;

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`dl__item${wide ? ' dl__item--wide' : ''}`}>
      <dt>{label}</dt>
      <dd>{children === null || children === '' ? ui.none : children}</dd>
    </div>
  );
}

const sendForm = (form: string | null): string =>
  form && form in labels.sendFormLabels
    ? labels.sendFormLabels[form as keyof typeof labels.sendFormLabels]
    : (form ?? '');

function Resolutions({ card }: { card: AppealCard }) {
  return (
    <section className="panel" aria-labelledby="card-resolutions">
      <h2 id="card-resolutions">{c.resolutions}</h2>
      {card.resolutions.length === 0 ? <p className="muted">{c.noResolutions}</p> : null}
      <ol className="resolutions">
        {card.resolutions.map((r) => (
          <li key={r.id} className="resolutions__item">
            <div className="resolutions__head">
              <strong>{labels.decisionLabels[r.decision] ?? r.decision}</strong>
              {r.requestId ? (
                <span className="muted">
                  {workflowText.request.title(card.requests.find((q) => q.id === r.requestId)?.seq ?? 0)}
                </span>
              ) : null}
              <span className="muted">{c.resolutionMeta(r.authorName, formatDate(r.resolvedOn))}</span>
            </div>
            <p className="resolutions__text">{r.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Reply({ reply }: { reply: NonNullable<AppealCard['reply']> }) {
  return (
    <section className="panel" aria-labelledby="card-reply">
      <h2 id="card-reply">{c.reply}</h2>
      <div className="prose" data-testid="reply-text">
        {reply.text ?? c.replyEmpty}
      </div>
      <ul className="facts">
        {reply.approvedOn ? (
          <li>{c.approvedBy(reply.approvedBy ?? ui.none, formatDate(reply.approvedOn))}</li>
        ) : null}
        {reply.sentOn ? (
          <li>{c.sentAs(sendForm(reply.form), formatDate(reply.sentOn), reply.outgoingNumber)}</li>
        ) : null}
        {reply.signatory ? <li>{c.signatory(reply.signatory)}</li> : null}
      </ul>
    </section>
  );
}

function Art11({ card }: { card: AppealCard }) {
  const a = card.art11;
  const n = card.notice;
  if (!a && !n) return null;
  return (
    <section className="panel" aria-labelledby="card-art11">
      <h2 id="card-art11">{c.art11}</h2>
      <dl className="dl">
        {a ? (
          <>
            <Item label={workflowText.form.ground} wide>
              {labels.art11GroundLabels[a.ground]}
            </Item>
            <Item label={c.outcome} wide>
              {workflowText.art11Outcomes[a.ground]}
            </Item>
            {a.publishedAnswerUrl ? (
              <Item label={workflowText.form.publishedAnswerUrl} wide>
                <span data-testid="published-answer-url">{a.publishedAnswerUrl}</span>
              </Item>
            ) : null}
            {a.linkedAppealIds.length > 0 ? (
              <Item label={workflowText.form.linked} wide>
                {c.linkedAppeals(a.linkedAppealIds.length)}
              </Item>
            ) : null}
          </>
        ) : null}
        {n ? (
          <Item label={c.notice} wide>
            {c.noticeSentAs(sendForm(n.form), formatDate(n.sentOn), n.outgoingNumber)}
          </Item>
        ) : null}
      </dl>
    </section>
  );
}

function Forward({ forward: f }: { forward: NonNullable<AppealCard['forward']> }) {
  return (
    <section className="panel" aria-labelledby="card-forward">
      <h2 id="card-forward">{c.forward}</h2>
      <dl className="dl">
        <Item label={c.forwardTo} wide>
          {f.addressee}
        </Item>
        {f.complainedBody ? (
          <Item label={c.complainedBody} wide>
            {f.complainedBody}
          </Item>
        ) : null}
        <Item label={c.sent}>
          {f.sentOn
            ? [formatDate(f.sentOn), workflowText.request.outgoing(f.outgoingNumber)]
                .filter(Boolean)
                .join(', ')
            : null}
        </Item>
        <Item label={c.applicantNotified}>
          {f.applicantNotifiedOn ? formatDate(f.applicantNotifiedOn) : null}
        </Item>
      </dl>
    </section>
  );
}

/** What the workflow has produced so far: resolutions, requests, the reply, Art. 11 and forwarding. */
export function WorkflowBlocks({
  card,
  onOpen,
  requestExtra,
}: {
  card: AppealCard;
  onOpen(target: DialogTarget): void;
  /** More controls for a request, from features the workflow does not know (a file for its answer). */
  requestExtra?: (request: ExternalRequest) => ReactNode;
}) {
  const showRequests = card.requests.length > 0 || card.status === 'in_request';
  const showReply = card.reply !== null || card.direction === 'reply';
  return (
    <>
      {showRequests ? <RequestsBlock card={card} onOpen={onOpen} extra={requestExtra} /> : null}
      <div className="card-sections">
        {card.resolutions.length > 0 || card.status === 'awaiting_resolution' ? (
          <Resolutions card={card} />
        ) : null}
        {card.reply?.consent ? (
          <OralAnswerBlock card={card} />
        ) : showReply ? (
          <Reply reply={card.reply ?? EMPTY_REPLY} />
        ) : null}
        <Art11 card={card} />
        {card.forward ? <Forward forward={card.forward} /> : null}
      </div>
    </>
  );
}

const EMPTY_REPLY: NonNullable<AppealCard['reply']> = {
  text: null,
  approvedBy: null,
  approvedOn: null,
  form: null,
  sentOn: null,
  outgoingNumber: null,
  signatory: null,
  consent: false,
};

import type { AppealCard } from '../../../../shared/api/appeals';
import { Kbd } from '../../components/Field';
import { formatDate, formatInstant, labels, ui, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { cardActions, extraActions, primaryTarget, targetLabel, type DialogTarget } from './target';
import './workflow.css';

/**
 * Where the appeal stands — its direction and stage — and what to do next: one primary button for the
 * expected step (Alt+Enter from anywhere on the card) and the allowed alternatives beside it.
 */
export function WorkflowPanel({ card, onOpen }: { card: AppealCard; onOpen(target: DialogTarget): void }) {
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const primary = primaryTarget(card);
  const alternatives: DialogTarget[] = [
    ...cardActions(card)
      .filter((action) => primary?.scope !== 'appeal' || action !== primary.action)
      .map((action) => ({ scope: 'appeal' as const, action })),
    ...extraActions(card, role).map((action) => ({ scope: 'appeal' as const, action })),
  ];
  const viaRequest = primary?.scope === 'request' ? primary.request : null;
  const closed = card.status === 'closed';

  return (
    <section className="panel wf" aria-labelledby="wf-title" data-testid="workflow">
      <h2 id="wf-title" className="sr-only">
        {workflowText.card.workflow}
      </h2>
      <dl className="wf__stage">
        <div>
          <dt>{workflowText.card.direction}</dt>
          <dd data-testid="wf-direction">
            {card.direction ? labels.directionLabels[card.direction] : workflowText.card.closed}
          </dd>
        </div>
        <div>
          <dt>{workflowText.card.stage}</dt>
          <dd data-testid="wf-stage">
            <span className={`pill pill--${card.status}`}>{labels.statusLabels[card.status]}</span>
          </dd>
        </div>
        {card.stageSince && !closed ? (
          <div>
            <dt>{workflowText.card.stageSince}</dt>
            <dd>{formatInstant(card.stageSince, timeZone)}</dd>
          </div>
        ) : null}
        {closed ? (
          <div>
            <dt>{labels.fieldLabels.result}</dt>
            <dd data-testid="wf-result">
              <strong>{card.result ? labels.resultLabels[card.result] : ui.none}</strong>
              {card.closedOn ? `, ${formatDate(card.closedOn)}` : null}
              {card.reviewedLate ? (
                <span className="pill pill--overdue wf__late">{workflowText.card.reviewedLate}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {!closed || alternatives.length > 0 ? (
        <div className="wf__next">
          {primary ? (
            <div className="wf__primary">
              <span className="wf__label">
                {viaRequest ? workflowText.card.inRequest(viaRequest.seq) : workflowText.card.nextStep}
              </span>
              <button
                type="button"
                id="wf-primary"
                className="btn btn--primary"
                aria-keyshortcuts="Alt+Enter"
                title={workflowText.card.primaryHint}
                onClick={() => onOpen(primary)}
              >
                {targetLabel(primary)} <Kbd>Alt+Enter</Kbd>
              </button>
            </div>
          ) : !closed ? (
            <p className="muted wf__none">{workflowText.card.noActions}</p>
          ) : null}
          {alternatives.length > 0 ? (
            <div className="wf__alts" role="group" aria-label={workflowText.card.alternatives}>
              {alternatives.map((target) => (
                <button
                  key={targetLabel(target)}
                  type="button"
                  className="btn btn--small"
                  onClick={() => onOpen(target)}
                >
                  {targetLabel(target)}
                </button>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

import type { AppealCard, ExternalRequest } from '../../../../shared/api/appeals';
import type { Role } from '../../../../shared/api/define';
import { defaultStep } from '../../../../shared/domain/workflow/default-step';
import { mayCall } from '../../api/access';
import { workflowText } from '../../i18n';
import { isCardAction, type CardAction } from './appeal-actions';
import type { RequestStep } from './RequestActionDialog';

/** Which dialog is open on the card: a step of the appeal, or of one of its requests. */
export type DialogTarget =
  | { scope: 'appeal'; action: CardAction }
  | { scope: 'request'; step: RequestStep; request: ExternalRequest | null };

/** The expected next step (never a destructive one): see `defaultStep`. */
export function primaryTarget(card: AppealCard): DialogTarget | null {
  const step = defaultStep(card);
  if (step?.scope !== 'appeal') return step;
  return isCardAction(step.action) ? { scope: 'appeal', action: step.action } : null;
}

/** The card's own steps in the contract's order. */
export function cardActions(card: AppealCard): CardAction[] {
  return card.actions.filter(isCardAction);
}

/** Steps beside the machine's moves: the reply draft, the term's extension and its notice. */
export function extraActions(card: AppealCard, role: Role | undefined): CardAction[] {
  const out: CardAction[] = [];
  if (card.status === 'reply_draft' && mayCall(role, 'workflow.saveReply')) out.push('saveReply');
  if (card.status !== 'closed' && !card.extension && mayCall(role, 'workflow.extend')) out.push('extend');
  if (card.extension && !card.extension.notifiedOn && mayCall(role, 'workflow.notifyExtension'))
    out.push('notifyExtension');
  return out;
}

export function targetLabel(target: DialogTarget): string {
  if (target.scope === 'appeal') return workflowText.appealActions[target.action];
  return target.step === 'create' ? workflowText.card.newRequest : workflowText.requestActions[target.step];
}

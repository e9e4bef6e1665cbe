import type { AppealCard } from '../../../../shared/api/appeals';
import { AppealActionDialog } from './AppealActionDialog';
import { RequestActionDialog } from './RequestActionDialog';
import type { DialogTarget } from './target';

/**
 * The open step's dialog. An appeal's step answers with the new card; a request's step answers with
 * the request, so the card is fetched again (its stage and tasks may have moved with it).
 */
export function WorkflowDialog(props: {
  card: AppealCard;
  target: DialogTarget;
  onClose(): void;
  onCard(card: AppealCard, what: string): void;
  onChanged(what: string): void;
}) {
  const { card, target } = props;
  if (target.scope === 'appeal')
    return (
      <AppealActionDialog card={card} action={target.action} onClose={props.onClose} onDone={props.onCard} />
    );
  return (
    <RequestActionDialog
      appealId={card.id}
      request={target.request}
      step={target.step}
      onClose={props.onClose}
      onDone={props.onChanged}
    />
  );
}

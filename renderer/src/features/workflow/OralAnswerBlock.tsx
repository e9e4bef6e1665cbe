import type { AppealCard } from '../../../../shared/api/appeals';
import { oralAnswerUi } from '../../../../shared/i18n/ru/oral-answer';
import { formatDate } from '../../i18n';

const t = oralAnswerUi.card;

/**
 * The answer given orally at a personal reception (59-FZ Art. 13 p.2), as the card records it; its result
 * stands in the workflow's panel with every other closing.
 */
export function OralAnswerBlock({ card }: { card: AppealCard }) {
  const reply = card.reply;
  if (!reply) return null;
  return (
    <section className="panel" aria-labelledby="card-oral-answer" data-testid="oral-answer-block">
      <h2 id="card-oral-answer">{t.title}</h2>
      <div className="prose" data-testid="reply-text">
        {reply.text}
      </div>
      <ul className="facts">
        {reply.sentOn ? <li>{t.on(formatDate(reply.sentOn))}</li> : null}
        {reply.consent ? <li>{t.consent}</li> : null}
        {reply.signatory ? <li>{t.answeredBy(reply.signatory)}</li> : null}
      </ul>
    </section>
  );
}

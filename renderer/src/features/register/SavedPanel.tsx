import type { KeyboardEvent } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { oralAnswerUi } from '../../../../shared/i18n/ru/oral-answer';
import { Kbd } from '../../components/Field';
import { formatDate, ui } from '../../i18n';
import { useStore } from '../../store';

export const isCtrlEnter = (e: KeyboardEvent): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/** After a save: the number, then the card (Enter) or the next appeal of the pile (Ctrl+Enter). */
export function SavedPanel({ card, onAnother }: { card: AppealCard; onAnother(): void }) {
  const go = useStore((s) => s.go);
  return (
    <section
      className="saved"
      onKeyDown={(e) => {
        if (isCtrlEnter(e)) {
          e.preventDefault();
          onAnother();
        }
      }}
    >
      <p className="banner banner--success" role="status" data-testid="saved">
        {card.reply?.consent
          ? oralAnswerUi.saved(card.regNumber)
          : ui.register.saved(card.regNumber, formatDate(card.dueDate))}
      </p>
      <div className="actions">
        <button
          type="button"
          className="btn btn--primary"
          autoFocus
          onClick={() => go({ view: 'appeal', id: card.id })}
        >
          {ui.register.openCard} <Kbd>Enter</Kbd>
        </button>
        <button type="button" className="btn" onClick={onAnother}>
          {ui.register.another} <Kbd>Ctrl+Enter</Kbd>
        </button>
      </div>
    </section>
  );
}

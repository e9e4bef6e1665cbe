import { useEffect, useRef, useState } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { documentsUi } from '../../../../shared/i18n/ru/documents';
import { call } from '../../api/client';
import { Kbd } from '../../components/Field';
import { mayCall } from '../../api/access';
import { errorText } from '../../i18n';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';

type LetterKind = 'request' | 'reply' | 'art11';

/** Which letters the card's state allows: a request once one exists, the reply once drafted, an Art. 11 notice when owed. */
export function availableLetters(c: AppealCard): LetterKind[] {
  const out: LetterKind[] = [];
  if (c.requests.length > 0) out.push('request');
  if (c.reply?.text) out.push('reply');
  if (c.art11 && c.art11.ground !== 'p1') out.push('art11');
  return out;
}

/**
 * «Печать карточки» (Ctrl+P) and «Сформировать письмо»: the document opens in the system's program
 * (desktop) or downloads (browser mode); a letter is also kept as the appeal's attachment.
 */
export function DocumentActions({
  card,
  onMessage,
}: {
  card: AppealCard;
  onMessage: (kind: 'success' | 'error', text: string) => void;
}) {
  const role = useStore((s) => s.user?.role);
  const [busy, setBusy] = useState(false);
  const letters = mayCall(role, 'documents.letter') ? availableLetters(card) : [];

  const run = async (make: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await make();
    } catch (e) {
      onMessage('error', documentsUi.failed(errorText(e)));
    } finally {
      setBusy(false);
    }
  };
  const printCard = () =>
    run(async () => {
      const f = await call('documents.card', { appealId: card.id });
      await deliverFile(f.name, f.mime, f.dataBase64);
      onMessage('success', documentsUi.cardMade(f.name));
    });
  const makeLetter = (kind: LetterKind) =>
    run(async () => {
      const f = await call('documents.letter', { appealId: card.id, kind });
      // The letter is a write: the card and its «Файлы» read again by themselves.
      await deliverFile(f.name, f.mime, f.dataBase64);
      onMessage('success', documentsUi.letterMade(f.name));
    });

  const printRef = useRef(printCard);
  useEffect(() => {
    printRef.current = printCard;
  });
  useEffect(() => {
    // Ctrl+P prints the card (the document, not the screen) from anywhere on it.
    const onKey = (e: KeyboardEvent): void => {
      if (e.code !== 'KeyP' || !e.ctrlKey || e.altKey || e.defaultPrevented) return;
      e.preventDefault();
      void printRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="doc-actions">
      <button
        type="button"
        className="btn btn--ghost btn--small"
        disabled={busy}
        onClick={() => void printCard()}
      >
        {documentsUi.printCard} <Kbd>Ctrl+P</Kbd>
      </button>
      {letters.map((k) => (
        <button
          key={k}
          type="button"
          className="btn btn--ghost btn--small"
          disabled={busy}
          title={documentsUi.makeLetter}
          onClick={() => void makeLetter(k)}
        >
          {documentsUi.makeLetter}: {documentsUi.letters[k]}
        </button>
      ))}
    </div>
  );
}

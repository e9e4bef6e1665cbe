import { lazy, Suspense, useState } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { mailUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { mayCall } from '../../api/access';
import { useStore } from '../../store';
import { mailKindsOf } from './kinds';

const SendMailDialog = lazy(() => import('./SendMailDialog').then((m) => ({ default: m.SendMailDialog })));

/** «Отправить по e-mail» in the card's head, when the card owes a letter the caller may send. */
export function SendMailButton({
  card,
  onMessage,
}: {
  card: AppealCard;
  onMessage: (kind: 'success' | 'error', text: string) => void;
}) {
  const role = useStore((s) => s.user?.role);
  const [open, setOpen] = useState(false);
  if (!mayCall(role, 'mail.send') || mailKindsOf(card).length === 0) return null;
  return (
    <>
      <button type="button" className="btn btn--ghost btn--small" onClick={() => setOpen(true)}>
        {t.sendButton}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SendMailDialog
            card={card}
            onClose={() => setOpen(false)}
            onDone={(item) => {
              setOpen(false);
              if (item.status === 'sent') onMessage('success', t.sent(item.to));
              else onMessage('error', t.queued(item.lastError));
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

import { useState } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { mailUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { errorText, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import './mail-outbox.css';

/**
 * The card's e-mails: each with its state, a queued one with why it has not gone yet (in plain words) and
 * when it is tried again, «Повторить сейчас» and «Не отправлять». Nothing is shown before the first one.
 */
export function OutboxBlock({ card }: { card: AppealCard }) {
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const may = mayCall(role, 'mail.outbox');
  const read = useCall('mail.outbox', { appealId: card.id }, { enabled: may });
  const [error, setError] = useState<string | null>(null);
  const items = read.data ?? [];
  if (!may || items.length === 0) return null;
  const act = (fn: () => Promise<unknown>) => {
    setError(null);
    fn().catch((e: unknown) => setError(errorText(e)));
  };
  return (
    <section className="panel mail-outbox" aria-labelledby="card-mail">
      <h2 id="card-mail">{t.outboxTitle}</h2>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <ul className="mail-outbox__list">
        {items.map((m) => (
          <li
            key={m.id}
            data-testid="outbox-item"
            className={`mail-outbox__item mail-outbox__item--${m.status}`}
          >
            <div>
              <strong>{t.kindLabels[m.kind as keyof typeof t.kindLabels] ?? m.kind}</strong> → {m.to} ·{' '}
              {t.statusLabels[m.status]}
              {m.sentAt ? ` ${formatInstant(m.sentAt, timeZone)}` : ''}
            </div>
            <div className="muted">{m.subject}</div>
            {m.messageId ? <div className="muted">Message-ID: {m.messageId}</div> : null}
            {m.status === 'queued' && m.lastError ? (
              <div className="field__error">
                {m.lastError}
                {m.nextAttemptAt ? ` (${t.nextAttempt(formatInstant(m.nextAttemptAt, timeZone))})` : ''}
              </div>
            ) : null}
            {m.stepError ? <div className="field__error">{m.stepError}</div> : null}
            {m.status === 'queued' ? (
              <div className="actions">
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => act(() => call('mail.retry', { id: m.id }))}
                >
                  {t.retry}
                </button>
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  onClick={() => act(() => call('mail.cancel', { id: m.id }))}
                >
                  {t.cancel}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

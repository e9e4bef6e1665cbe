import { useState } from 'react';
import type { IntakeItem } from '../../../../shared/api/mail-intake';
import { mailIntakeUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n';

/**
 * A body's answer that came by e-mail to a request the office sent: its incoming number and content,
 * recorded on the request in one step, the message's files attached to it.
 */
export function AnswerForm({ item }: { item: IntakeItem }) {
  const [open, setOpen] = useState(false);
  const [number, setNumber] = useState('');
  const [summary, setSummary] = useState(item.body.trim().slice(0, 4000));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!open)
    return (
      <div className="mailin__actions">
        <button type="button" className="btn btn--primary" onClick={() => setOpen(true)}>
          {t.recordAnswer}
        </button>
        {message ? (
          <p className={`banner banner--${message.ok ? 'success' : 'error'}`}>{message.text}</p>
        ) : null}
      </div>
    );
  return (
    <form
      className="mailin__answer"
      data-testid="intake-answer"
      onSubmit={(e) => {
        e.preventDefault();
        setMessage(null);
        call('mail.recordAnswer', {
          id: item.id,
          incomingNumber: number,
          summary: summary.trim() || undefined,
        }).then(
          (r) => {
            setOpen(false);
            setMessage({ ok: true, text: t.answerRecorded(r.attached) });
          },
          (x) => setMessage({ ok: false, text: errorText(x) }),
        );
      }}
    >
      <Field id="intake-answer-number" label={t.answerNumber}>
        {(a) => (
          <input
            id="intake-answer-number"
            {...a}
            autoFocus
            value={number}
            onChange={(e) => setNumber(e.target.value)}
          />
        )}
      </Field>
      <Field id="intake-answer-summary" label={t.answerSummary}>
        {(a) => (
          <textarea
            id="intake-answer-summary"
            {...a}
            rows={4}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      {message && !message.ok ? <p className="banner banner--error">{message.text}</p> : null}
      <div className="mailin__actions">
        <button type="submit" className="btn btn--primary">
          {t.recordAnswer}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

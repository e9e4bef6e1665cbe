import { useEffect, useState } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { APPEAL_RESULTS } from '../../../../shared/api/appeals';
import type { OutboxItem } from '../../../../shared/api/mail-outbox';
import { mailUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, labels } from '../../i18n';
import { mailKindsOf } from './kinds';

type Result = (typeof APPEAL_RESULTS)[number];

interface Draft {
  choice: number;
  to: string;
  subject: string;
  body: string;
  outgoingNumber: string;
  signatory: string;
  result: Result | '';
  attachLetter: boolean;
  letterName: string;
}

/**
 * «Отправить по e-mail» on the card: the letter the step owes, to the applicant's address (the body's
 * for a request), the subject and body from the office's template (editable), the letter as DOCX along.
 * The server queues it and tries at once; the dialog says whether it went or waits, and why.
 */
export function SendMailDialog(props: { card: AppealCard; onClose(): void; onDone(item: OutboxItem): void }) {
  const { card } = props;
  const kinds = mailKindsOf(card);
  const [d, setD] = useState<Draft>({
    choice: 0,
    to: '',
    subject: '',
    body: '',
    outgoingNumber: '',
    signatory: '',
    result: '',
    attachLetter: true,
    letterName: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = kinds[d.choice] ?? kinds[0]!;

  // The template's text for the chosen letter and number; what the person typed into a field stays.
  useEffect(() => {
    let live = true;
    call('mail.draft', {
      appealId: card.id,
      kind: chosen.kind,
      requestId: chosen.requestId,
      outgoingNumber: d.outgoingNumber.trim() || undefined,
    }).then(
      (m) => {
        if (live)
          setD((x) => ({
            ...x,
            to: x.to || (m.to ?? ''),
            subject: m.subject,
            body: m.body,
            letterName: m.letterName,
          }));
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [card.id, chosen.kind, chosen.requestId, d.outgoingNumber]);

  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const item = await call('mail.send', {
        appealId: card.id,
        kind: chosen.kind,
        requestId: chosen.requestId,
        to: d.to.trim() || undefined,
        subject: d.subject,
        body: d.body,
        attachLetter: d.attachLetter && d.letterName !== '',
        outgoingNumber: d.outgoingNumber.trim() || undefined,
        signatory: chosen.kind === 'reply' ? d.signatory.trim() || undefined : undefined,
        result: chosen.kind === 'reply' && d.result ? d.result : undefined,
      });
      props.onDone(item);
    } catch (e) {
      setBusy(false);
      if (isCallError(e)) setErrors(fieldErrors(e));
      setError(errorText(e));
    }
  }

  const input = (key: 'to' | 'subject' | 'outgoingNumber' | 'signatory', label: string) => (
    <Field id={`mail-${key}`} label={label} error={errors[key]}>
      {(a) => (
        <input
          id={`mail-${key}`}
          {...a}
          type={key === 'to' ? 'email' : 'text'}
          value={d[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <Dialog
      id="send-mail-dialog"
      title={t.dialogTitle}
      submitLabel={t.send}
      busy={busy}
      error={error}
      wide
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <Field id="mail-kind" label={t.kind}>
        {(a) => (
          <select
            id="mail-kind"
            {...a}
            value={d.choice}
            onChange={(e) => set({ choice: Number(e.target.value), to: '' })}
          >
            {kinds.map((k, i) => (
              <option key={`${k.kind}-${k.requestId ?? ''}`} value={i}>
                {t.kindLabels[k.kind]}
                {k.requestId ? ` — ${card.requests.find((q) => q.id === k.requestId)?.bodyName ?? ''}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="grid2">
        {input('to', t.to)}
        {input('outgoingNumber', t.outgoingNumber)}
        {chosen.kind === 'reply' ? input('signatory', t.signatory) : null}
        {chosen.kind === 'reply' ? (
          <Field id="mail-result" label={t.result} error={errors.result}>
            {(a) => (
              <select
                id="mail-result"
                {...a}
                value={d.result}
                onChange={(e) => set({ result: e.target.value as Result | '' })}
              >
                <option value="" />
                {APPEAL_RESULTS.map((r) => (
                  <option key={r} value={r}>
                    {labels.resultLabels[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {input('subject', t.subject)}
      <Field id="mail-body" label={t.body} error={errors.body}>
        {(a) => (
          <textarea
            id="mail-body"
            {...a}
            rows={8}
            value={d.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        )}
      </Field>
      {d.letterName ? (
        <label className="check">
          <input
            type="checkbox"
            checked={d.attachLetter}
            onChange={(e) => set({ attachLetter: e.target.checked })}
          />{' '}
          {t.attachLetter('')}
        </label>
      ) : null}
    </Dialog>
  );
}

import { useState } from 'react';
import { errorText } from '../i18n';
import { Field } from './Field';

/**
 * «Не обращение» and its like: a reason from a list and a note, sent by `submit`; the error, if any,
 * shown under the fields. `idPrefix` keeps the fields' ids apart on a screen.
 */
export function ReasonForm<R extends string>({
  idPrefix,
  testId,
  reasons,
  reasonText,
  labels,
  submit,
  onDone,
}: {
  idPrefix: string;
  testId: string;
  reasons: readonly R[];
  reasonText: Record<string, string>;
  labels: { reason: string; note: string; confirm: string; cancel: string };
  submit(reason: R, note: string | undefined): Promise<unknown>;
  onDone(): void;
}) {
  const [reason, setReason] = useState<R>(reasons[0]!);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="mailin__dismiss"
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        submit(reason, note.trim() || undefined).then(onDone, (x) => setError(errorText(x)));
      }}
    >
      <Field id={`${idPrefix}-reason`} label={labels.reason}>
        {(a) => (
          <select
            id={`${idPrefix}-reason`}
            {...a}
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value as R)}
          >
            {reasons.map((r) => (
              <option key={r} value={r}>
                {reasonText[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${idPrefix}-note`} label={labels.note}>
        {(a) => (
          <input id={`${idPrefix}-note`} {...a} value={note} onChange={(e) => setNote(e.target.value)} />
        )}
      </Field>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <div className="mailin__actions">
        <button type="submit" className="btn">
          {labels.confirm}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {labels.cancel}
        </button>
      </div>
    </form>
  );
}

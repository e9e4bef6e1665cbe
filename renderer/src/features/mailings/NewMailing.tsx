import { useState } from 'react';
import { CONSENT_PURPOSES } from '../../../../shared/api/contact-card';
import { mailingsUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { contactsText, errorText, fieldErrors } from '../../i18n';

type Purpose = (typeof CONSENT_PURPOSES)[number];

const EMPTY = { name: '', segmentId: '', purpose: 'mailing' as Purpose, subject: '', body: '' };

/** «Новая рассылка»: a saved segment, the consent it needs, the subject and text with fields. */
export function NewMailing({ onCreated }: { onCreated(text: string): void }) {
  const segments = useCall('segments.list', {});
  const [d, setD] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const list = segments.data ?? [];
  const segmentId = d.segmentId || list[0]?.id || '';
  const set = (p: Partial<typeof d>) => setD((x) => ({ ...x, ...p }));

  const create = async () => {
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      await call('mailings.create', {
        name: d.name,
        segmentId,
        consentPurpose: d.purpose,
        subject: d.subject,
        body: d.body,
      });
      setD(EMPTY);
      onCreated(t.created);
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (segments.data && list.length === 0) return <p className="muted">{t.noSegments}</p>;
  const text = (key: 'name' | 'subject', label: string) => (
    <Field id={`mailing-${key}`} label={label} error={errors[key]}>
      {(a) => (
        <input id={`mailing-${key}`} {...a} value={d[key]} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </Field>
  );
  return (
    <form
      className="panel mailings__new"
      aria-labelledby="mailing-new-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h2 id="mailing-new-title">{t.newTitle}</h2>
      <div className="grid2">
        {text('name', t.name)}
        <Field id="mailing-segment" label={t.segment} error={errors.segmentId}>
          {(a) => (
            <select
              id="mailing-segment"
              {...a}
              value={segmentId}
              onChange={(e) => set({ segmentId: e.target.value })}
            >
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {t.segmentCount(s.name, s.count)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mailing-purpose" label={t.purpose} error={errors.consentPurpose}>
          {(a) => (
            <select
              id="mailing-purpose"
              {...a}
              value={d.purpose}
              onChange={(e) => set({ purpose: e.target.value as Purpose })}
            >
              {CONSENT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {contactsText.purposes[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('subject', t.subject)}
      </div>
      <Field id="mailing-body" label={t.body} error={errors.body} hint={t.fieldsHint}>
        {(a) => (
          <textarea
            id="mailing-body"
            {...a}
            rows={6}
            value={d.body}
            onChange={(e) => set({ body: e.target.value })}
          />
        )}
      </Field>
      {error ? <p className="banner banner--error">{error}</p> : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t.create}
        </button>
      </div>
    </form>
  );
}

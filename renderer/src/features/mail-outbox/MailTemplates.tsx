import { useState } from 'react';
import { MAIL_KINDS, type MailKind } from '../../../../shared/api/mail-outbox';
import { mailUi as t } from '../../../../shared/i18n/ru/mail-outbox';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors } from '../../i18n';
import { LiveNotice } from './LiveNotice';
import './mail-outbox.css';

/** The office's subject and body of each letter the card sends by e-mail; empty brings the shipped text back. */
export function MailTemplates() {
  const read = useCall('mail.templates.list', {});
  const [kind, setKind] = useState<MailKind>('reply');
  const [edit, setEdit] = useState<{ subject: string; body: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const shown = read.data?.find((x) => x.kind === kind);
  if (!shown) return null;
  const d = edit ?? { subject: shown.subject, body: shown.body };

  const save = async () => {
    setNotice(null);
    setErrors({});
    try {
      await call('mail.templates.save', { kind, ...d });
      setEdit(null);
      setNotice({ ok: true, text: t.templateSaved });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    }
  };
  return (
    <form
      className="mail-templates"
      aria-labelledby="mail-templates-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="mail-templates-title">{t.templatesTitle}</h3>
      <p className="muted">{t.templatesIntro}</p>
      <Field
        id="mail-template-kind"
        label={t.templateKind}
        hint={shown.custom ? t.templateOwn : t.templateShipped}
      >
        {(a) => (
          <select
            id="mail-template-kind"
            {...a}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as MailKind);
              setEdit(null);
            }}
          >
            {MAIL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="mail-template-subject" label={t.subject} error={errors.subject}>
        {(a) => (
          <input
            id="mail-template-subject"
            {...a}
            value={d.subject}
            onChange={(e) => setEdit({ ...d, subject: e.target.value })}
          />
        )}
      </Field>
      <Field id="mail-template-body" label={t.body} error={errors.body}>
        {(a) => (
          <textarea
            id="mail-template-body"
            {...a}
            rows={7}
            value={d.body}
            onChange={(e) => setEdit({ ...d, body: e.target.value })}
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="btn">
          {t.saveTemplate}
        </button>
      </div>
      <LiveNotice notice={notice} />
    </form>
  );
}

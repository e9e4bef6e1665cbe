import { useEffect, useState } from 'react';
import type { Office } from '../../../../shared/api/office';
import { STAGE_LIMIT_KEYS, type StageLimitKey } from '../../../../shared/domain/workflow/appeal';
import { workflowSettingsText as w } from '../../../../shared/i18n/ru/workflow-settings';
import { call, isCallError } from '../../api/client';
import { Field, Kbd } from '../../components/Field';
import { errorText, fieldErrors, t } from '../../i18n';

type Form = Record<StageLimitKey | 'deputyRequestDays', string>;

const formOf = (o: Office): Form => ({
  ...(Object.fromEntries(STAGE_LIMIT_KEYS.map((k) => [k, String(o.stageLimits[k])])) as Record<
    StageLimitKey,
    string
  >),
  deputyRequestDays: String(o.deputyRequestDays),
});

/** The per-stage limits of the workflow and the answer term of a deputy's request. */
export function WorkflowSettings({ editable }: { editable: boolean }) {
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    call('office.get', {}).then(
      (o) => live && setForm(formOf(o)),
      (e: unknown) => live && setNotice({ ok: false, text: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!form)
    return notice ? (
      <p className="banner banner--error">{notice.text}</p>
    ) : (
      <p className="muted">{t.loading}</p>
    );

  async function save(f: Form): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const stageLimits = Object.fromEntries(STAGE_LIMIT_KEYS.map((k) => [k, Number(f[k])])) as Record<
        StageLimitKey,
        number
      >;
      const updated = await call('office.update', {
        stageLimits,
        deputyRequestDays: Number(f.deputyRequestDays),
      });
      setForm(formOf(updated));
      setNotice({ ok: true, text: w.saved });
    } catch (e) {
      if (isCallError(e))
        setErrors(
          Object.fromEntries(
            Object.entries(fieldErrors(e)).map(([k, v]) => [k.replace(/^stageLimits\./, ''), v]),
          ),
        );
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const number = (key: keyof Form, label: string, hint?: string) => (
    <Field key={key} id={`workflow-${key}`} label={label} hint={hint} error={errors[key]}>
      {(a) => (
        <input
          id={`workflow-${key}`}
          {...a}
          type="number"
          min={1}
          max={key === 'deputyRequestDays' ? 90 : 60}
          readOnly={!editable}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
  );

  return (
    <form
      className="panel"
      aria-labelledby="workflow-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save(form);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.ctrlKey && editable) {
          e.preventDefault();
          void save(form);
        }
      }}
    >
      <h2 id="workflow-title">{w.title}</h2>
      <p className="muted">{w.intro}</p>
      <div className="grid">
        {STAGE_LIMIT_KEYS.map((k) => number(k, `${w.stageLimits[k]}, ${w.days}`))}
        {number('deputyRequestDays', w.deputyRequestDays, w.deputyRequestDaysHint)}
      </div>
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
      {editable ? (
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t.saving : t.save} <Kbd>Ctrl+Enter</Kbd>
          </button>
        </div>
      ) : null}
    </form>
  );
}

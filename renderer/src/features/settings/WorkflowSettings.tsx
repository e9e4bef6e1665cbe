import type { Office } from '../../../../shared/api/office';
import { STAGE_LIMIT_KEYS, type StageLimitKey } from '../../../../shared/domain/workflow/appeal';
import { workflowSettingsText } from '../../../../shared/i18n/ru/workflow-settings';
import { Field } from '../../components/Field';
import { SettingsForm, useOfficeSettings } from './SettingsForm';
import { ui } from '../../i18n';

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
  const {
    form,
    setForm,
    errors,
    notice,
    busy,
    save: saveOffice,
  } = useOfficeSettings(formOf, /^stageLimits\./);

  if (!form)
    return notice ? (
      <p className="banner banner--error">{notice.text}</p>
    ) : (
      <p className="muted">{ui.loading}</p>
    );

  function save(f: Form): Promise<void> {
    const stageLimits = Object.fromEntries(STAGE_LIMIT_KEYS.map((k) => [k, Number(f[k])])) as Record<
      StageLimitKey,
      number
    >;
    return saveOffice(
      { stageLimits, deputyRequestDays: Number(f.deputyRequestDays) },
      workflowSettingsText.saved,
    );
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
    <SettingsForm
      id="workflow"
      title={workflowSettingsText.title}
      editable={editable}
      busy={busy}
      notice={notice}
      onSave={() => void save(form)}
    >
      <p className="muted">{workflowSettingsText.intro}</p>
      <div className="grid">
        {STAGE_LIMIT_KEYS.map((k) =>
          number(k, `${workflowSettingsText.stageLimits[k]}, ${workflowSettingsText.days}`),
        )}
        {number(
          'deputyRequestDays',
          workflowSettingsText.deputyRequestDays,
          workflowSettingsText.deputyRequestDaysHint,
        )}
      </div>
    </SettingsForm>
  );
}

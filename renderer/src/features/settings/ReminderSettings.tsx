import {
  REMINDER_RULES,
  type ReminderRule,
  type ReminderSettings as Settings,
} from '../../../../shared/domain/reminders';
import { reminderRuleNames } from '../../../../shared/i18n/ru/reminders';
import { Check, Field } from '../../components/Field';
import { SettingsForm, useOfficeSettings } from './SettingsForm';
import { remindersText, ui } from '../../i18n';

const s = remindersText.settings;
type TimeKey = 'workdayStart' | 'digestTime' | 'quietFrom' | 'quietTo';
type DaysKey = 'dueSoonDays' | 'requestUnansweredDays' | 'eventApprovalDays';

/** Each reminder rule on or off, its offsets, the working-day start, the digest's time and quiet hours. */
export function ReminderSettings({ editable }: { editable: boolean }) {
  const {
    form,
    setForm,
    errors,
    notice,
    busy,
    save: saveOffice,
  } = useOfficeSettings((o) => o.reminders, /^reminders\./);

  if (!form) return <p className="muted">{notice?.text ?? ui.loading}</p>;

  const save = (next: Settings): Promise<void> => saveOffice({ reminders: next }, s.saved);

  const days = (key: DaysKey, max: number) => (
    <Field id={`reminders-${key}`} label={s[key]} error={errors[key]}>
      {(a) => (
        <input
          id={`reminders-${key}`}
          {...a}
          type="number"
          min={1}
          max={max}
          readOnly={!editable}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
        />
      )}
    </Field>
  );
  const time = (key: TimeKey) => (
    <Field id={`reminders-${key}`} label={s[key]} error={errors[key]}>
      {(a) => (
        <input
          id={`reminders-${key}`}
          {...a}
          type="time"
          readOnly={!editable}
          value={form[key] ?? ''}
          onChange={(e) => setForm({ ...form, [key]: e.target.value === '' ? null : e.target.value })}
        />
      )}
    </Field>
  );
  const toggle = (rule: ReminderRule, on: boolean): void =>
    setForm({ ...form, enabled: { ...form.enabled, [rule]: on } });

  return (
    <SettingsForm
      id="reminders"
      title={s.title}
      editable={editable}
      busy={busy}
      notice={notice}
      onSave={() => void save(form)}
    >
      <fieldset>
        <legend>{s.rules}</legend>
        {REMINDER_RULES.map((rule) => (
          <Check
            key={rule}
            id={`reminders-rule-${rule}`}
            label={reminderRuleNames[rule]}
            checked={form.enabled[rule]}
            disabled={!editable}
            onChange={(on) => toggle(rule, on)}
          />
        ))}
        <Check
          id="reminders-escalate"
          label={s.escalateToHead}
          checked={form.escalateToHead}
          disabled={!editable}
          onChange={(on) => setForm({ ...form, escalateToHead: on })}
        />
      </fieldset>
      <div className="grid">
        {days('dueSoonDays', 30)}
        {days('requestUnansweredDays', 90)}
        {days('eventApprovalDays', 90)}
        {time('workdayStart')}
        {time('digestTime')}
        {time('quietFrom')}
        {time('quietTo')}
      </div>
      <p className="muted">{s.quietHint}</p>
    </SettingsForm>
  );
}

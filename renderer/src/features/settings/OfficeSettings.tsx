import { useState } from 'react';
import type { Office } from '../../../../shared/api/office';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { SettingsForm, TextSetting } from './SettingsForm';

type Form = Pick<Office, 'name' | 'deputyName' | 'timeZone' | 'regNumberFormat' | 'deadlineShift'> & {
  region: string;
  address: string;
  phone: string;
  email: string;
};

const formOf = (o: Office): Form => ({
  name: o.name,
  deputyName: o.deputyName,
  region: o.region ?? '',
  timeZone: o.timeZone,
  address: o.address ?? '',
  phone: o.phone ?? '',
  email: o.email ?? '',
  regNumberFormat: o.regNumberFormat,
  deadlineShift: o.deadlineShift,
});

export function OfficeSettings({ editable }: { editable: boolean }) {
  const got = useCall('office.get', {});
  const office = got.data ?? null;
  // The edits; until the first, the form shows the office as last read (a save in another panel included).
  const [draft, setForm] = useState<Form | null>(null);
  const form = draft ?? (office ? formOf(office) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const notice = saved ?? (got.error ? { ok: false, text: errorText(got.error) } : null);
  const [busy, setBusy] = useState(false);
  const s = ui.settings;

  if (!form || !office)
    return notice ? (
      <p className="banner banner--error">{notice.text}</p>
    ) : (
      <p className="muted">{ui.loading}</p>
    );

  async function save(): Promise<void> {
    if (!form || busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const updated = await call('office.update', form);
      got.setData(updated);
      setForm(null);
      useStore.getState().setOffice(updated);
      setNotice({ ok: true, text: s.saved });
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setNotice({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const input = (
    key: 'name' | 'deputyName' | 'region' | 'address' | 'phone' | 'email' | 'regNumberFormat',
    hint?: string,
  ) => (
    <TextSetting
      id={`office-${key}`}
      label={s[key]}
      hint={hint}
      error={errors[key]}
      editable={editable}
      value={form[key]}
      onChange={(v) => setForm({ ...form, [key]: v })}
    />
  );

  return (
    <SettingsForm
      id="office"
      title={s.office}
      editable={editable}
      busy={busy}
      notice={notice}
      onSave={() => void save()}
    >
      <div className="grid2">
        {input('name')}
        <Field id="office-code" label={s.code}>
          {(a) => <input id="office-code" {...a} readOnly value={office.code} />}
        </Field>
        {input('deputyName')}
        {input('region')}
        <Field id="office-timeZone" label={s.timeZone} error={errors.timeZone}>
          {(a) => (
            <select
              id="office-timeZone"
              {...a}
              disabled={!editable}
              value={form.timeZone}
              onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
            >
              {labels.timeZones.some((z) => z.id === form.timeZone) ? null : (
                <option value={form.timeZone}>{form.timeZone}</option>
              )}
              {labels.timeZones.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('address')}
        {input('phone')}
        {input('email')}
        {input('regNumberFormat', s.regNumberFormatHint)}
        <Field id="office-deadlineShift" label={s.deadlineShift} error={errors.deadlineShift}>
          {(a) => (
            <select
              id="office-deadlineShift"
              {...a}
              disabled={!editable}
              value={form.deadlineShift}
              onChange={(e) => setForm({ ...form, deadlineShift: e.target.value as Form['deadlineShift'] })}
            >
              <option value="previous">{labels.deadlineShiftLabels.previous}</option>
              <option value="next">{labels.deadlineShiftLabels.next}</option>
            </select>
          )}
        </Field>
      </div>
    </SettingsForm>
  );
}

import { useEffect, useState } from 'react';
import type { Office } from '../../../../shared/api/office';
import { call, isCallError } from '../../api/client';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, L, t } from '../../i18n';
import { SettingsForm } from './SettingsForm';
import { useStore } from '../../store';

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
  const [office, setOffice] = useState<Office | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const s = t.settings;

  useEffect(() => {
    let live = true;
    call('office.get', {}).then(
      (o) => {
        if (!live) return;
        setOffice(o);
        setForm(formOf(o));
      },
      (e: unknown) => live && setNotice({ ok: false, text: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, []);

  if (!form || !office)
    return notice ? (
      <p className="banner banner--error">{notice.text}</p>
    ) : (
      <p className="muted">{t.loading}</p>
    );

  async function save(): Promise<void> {
    if (!form || busy) return;
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      const updated = await call('office.update', form);
      setOffice(updated);
      setForm(formOf(updated));
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
    <Field id={`office-${key}`} label={s[key]} hint={hint} error={errors[key]}>
      {(a) => (
        <input
          id={`office-${key}`}
          {...a}
          readOnly={!editable}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </Field>
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
              {L.timeZones.some((z) => z.id === form.timeZone) ? null : (
                <option value={form.timeZone}>{form.timeZone}</option>
              )}
              {L.timeZones.map((z) => (
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
              <option value="previous">{L.deadlineShiftLabels.previous}</option>
              <option value="next">{L.deadlineShiftLabels.next}</option>
            </select>
          )}
        </Field>
      </div>
    </SettingsForm>
  );
}
